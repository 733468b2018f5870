"""Renders the analysis' messages in the reader's language, numbers formatted as everywhere else.

One template per message key (`leitstand.analysis.messages.MESSAGE_KEYS`); a template with a
`count` may have singular and plural forms, chosen by the number (`plural_n`). Parameters
are formatted by their type: money with the one money formatter, hours with the hours
formatter, and so on.
"""

# The formulas use the multiplication and division signs people know from school.
# ruff: noqa: RUF001

from collections.abc import Iterable
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from leitstand.analysis import messages as m
from leitstand.assessment.explanations import TEMPLATES as MODERNISATION_TEMPLATES
from leitstand.continuity.explanations import CONTINUITY_KINDS, CONTINUITY_TEMPLATES
from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.flows.models import FlowStatus, Frequency, Method
from leitstand.processes.explanations import PROCESS_KINDS, PROCESS_TEMPLATES
from leitstand.resilience import explanations as resilience

TEMPLATES = {
    "flow.summary": gettext_lazy("From %(source)s to %(target)s: %(data)s, %(method)s."),
    "runs.day": gettext_lazy(
        "%(runs)s per working day × %(days)s working days = %(runs_per_year)s runs a year."
    ),
    "runs.week": gettext_lazy("%(runs)s per week × 48 weeks = %(runs_per_year)s runs a year."),
    "runs.month": gettext_lazy("%(runs)s per month × 12 months = %(runs_per_year)s runs a year."),
    "runs.year": gettext_lazy("%(runs_per_year)s runs a year."),
    "runs.event": gettext_lazy("About %(runs_per_year)s events a year, one run each."),
    "effort.manual": gettext_lazy(
        "%(runs_per_year)s runs × %(minutes)s ÷ 60 = %(hours)s of manual work."
    ),
    "effort.errors": gettext_lazy(
        "Fixing errors: %(runs_per_year)s runs × %(error_rate)s × %(fix_minutes)s ÷ 60 "
        "= %(error_hours)s."
    ),
    "effort.errors_unknown": gettext_lazy(
        "The error rate is unknown, so time spent fixing errors is not included."
    ),
    "effort.eur": gettext_lazy(
        "%(hours)s × %(rate)s per hour = %(eur)s a year (%(fte)s full-time equivalents)."
    ),
    "effort.eur_with_errors": gettext_lazy(
        "(%(hours)s + %(error_hours)s) × %(rate)s per hour = %(eur)s a year; "
        "the manual work alone takes %(fte)s full-time equivalents."
    ),
    "action.automate_transfer": gettext_lazy(
        "Replace the manual transfer with an interface (API or automatic import), or drop the "
        "step if nobody needs it. That frees about %(fte)s full-time equivalents."
    ),
    "action.automate_file": gettext_lazy(
        "Let the systems exchange the file on a schedule or through an API instead of a person "
        "exporting and importing it."
    ),
    "overlap.summary": gettext_lazy("%(count)s systems cover “%(capability)s”: %(systems)s."),
    "overlap.within": gettext_lazy(
        "Some of them are used in the same department: %(departments)s."
    ),
    "overlap.across": gettext_lazy("They are used in different departments: %(departments)s."),
    "overlap.no_departments": gettext_lazy("No department is recorded for them."),
    "overlap.saving": gettext_lazy(
        "Keeping %(keep)s and retiring %(retire)s saves %(licence)s of annual cost + "
        "%(manual)s of manual transfers between them = %(saving)s a year."
    ),
    "overlap.cost_unknown": gettext_lazy(
        "The annual cost of %(systems)s is unknown, so the saving is at least this much."
    ),
    "action.consolidate": gettext_lazy(
        "Check whether %(keep)s can do the job of %(retire)s; if so, move the users and the "
        "data over and switch the others off."
    ),
    "similar_names.summary": gettext_lazy(
        "“%(first)s” and “%(second)s” have very similar names (%(score)s alike): perhaps the "
        "same product, recorded or paid for twice."
    ),
    "action.check_duplicate": gettext_lazy(
        "Check whether both are the same product. If so, merge the entries and the licences."
    ),
    "multi_master.summary": gettext_lazy(
        "%(data_object)s is kept as master data in %(count)s systems: %(systems)s. When they "
        "disagree, nobody knows which one is right."
    ),
    "action.choose_master": gettext_lazy(
        "Decide on one system of record for %(data_object)s; let the other systems receive it "
        "from there automatically."
    ),
    "manual_only.summary": ngettext_lazy(
        "%(data_object)s moves between systems only by hand: %(count)s flow, %(hours)s a year "
        "including fixing errors.",
        "%(data_object)s moves between systems only by hand: %(count)s flows, %(hours)s a year "
        "including fixing errors.",
        "plural_n",
    ),
    "action.automate_data_object": gettext_lazy("Start with the largest of these flows: %(flow)s."),
    "shadow_personal.summary": gettext_lazy(
        "%(system)s is not centrally managed (shadow IT) and holds personal data."
    ),
    "shadow_personal.non_eu": gettext_lazy("Its provider is based outside the EU."),
    "action.manage_shadow_it": gettext_lazy(
        "Bring %(system)s under central management (an owner, a data-processing agreement, "
        "access rights, backups) or move its data into a managed system."
    ),
    "hub.summary": gettext_lazy(
        "%(count)s systems depend on %(system)s, directly or through others, because they "
        "receive its data: %(systems)s."
    ),
    "hub.loop": gettext_lazy(
        "%(systems)s send data to each other in a loop, so each depends on all the others."
    ),
    "list.more": gettext_lazy("… and %(more)s more."),
    "action.protect_hub": gettext_lazy(
        "Make sure %(system)s has a deputy, a tested backup and an emergency plan: when it "
        "stops, the others stop receiving data."
    ),
    "isolated.summary": ngettext_lazy(
        "%(count)s system has no recorded data flows: %(systems)s.",
        "%(count)s systems have no recorded data flows: %(systems)s.",
        "plural_n",
    ),
    "action.check_isolated": gettext_lazy(
        "Check whether they really exchange no data. Record their flows if they do; if nobody "
        "needs a system, consider retiring it."
    ),
    "totals.manual": ngettext_lazy(
        "Sum over %(count)s active flow of runs a year × minutes per run ÷ 60 = %(hours)s; "
        "× %(rate)s per hour = %(eur)s; ÷ %(fte_hours)s per full-time employee = %(fte)s "
        "full-time equivalents.",
        "Sum over %(count)s active flows of runs a year × minutes per run ÷ 60 = %(hours)s; "
        "× %(rate)s per hour = %(eur)s; ÷ %(fte_hours)s per full-time employee = %(fte)s "
        "full-time equivalents.",
        "plural_n",
    ),
    "totals.incomplete": ngettext_lazy(
        "%(count)s flow is not included: how often it runs or how long it takes is unknown.",
        "%(count)s flows are not included: how often they run or how long they take is unknown.",
        "plural_n",
    ),
    "gap.runs_per_period": gettext_lazy(
        "How often data goes from %(source)s to %(target)s is unknown."
    ),
    "gap.minutes_per_run": gettext_lazy(
        "How many minutes of manual work the flow from %(source)s to %(target)s takes is unknown."
    ),
    "gap.error_rate_percent": gettext_lazy(
        "The error rate of the flow from %(source)s to %(target)s is unknown."
    ),
    "gap.minutes_to_fix_error": gettext_lazy(
        "How long it takes to fix an error in the flow from %(source)s to %(target)s is unknown."
    ),
    "gap.annual_cost": gettext_lazy("The annual cost of %(system)s is unknown."),
    "gap.personal_data": gettext_lazy("Whether %(system)s holds personal data is unknown."),
    "gap.management_unknown": ngettext_lazy(
        "%(count)s system: not known whether IT manages it (%(systems)s).",
        "%(count)s systems: not known whether IT manages them (%(systems)s).",
        "plural_n",
    ),
    "gap.no_master": ngettext_lazy(
        "No system is marked as master of %(data_object)s, though %(count)s flow moves it.",
        "No system is marked as master of %(data_object)s, though %(count)s flows move it.",
        "plural_n",
    ),
    **MODERNISATION_TEMPLATES,
    **PROCESS_TEMPLATES,
    **CONTINUITY_TEMPLATES,
    **resilience.RESILIENCE_TEMPLATES,
}

KINDS = {
    "manual_transfer": gettext_lazy("Manual data transfer"),
    "overlap": gettext_lazy("Overlapping systems"),
    "similar_names": gettext_lazy("Similar system names"),
    "multi_master": gettext_lazy("Data mastered in several systems"),
    "manual_only_data": gettext_lazy("Data moved only by hand"),
    "shadow_it_personal_data": gettext_lazy("Shadow IT with personal data"),
    "dependency_hub": gettext_lazy("Many systems depend on it"),
    "isolated_systems": gettext_lazy("Systems without data flows"),
    **PROCESS_KINDS,
    **CONTINUITY_KINDS,
    **resilience.RESILIENCE_KINDS,
}

SEVERITIES = {
    "high": gettext_lazy("high"),
    "medium": gettext_lazy("medium"),
    "low": gettext_lazy("low"),
    "info": gettext_lazy("note"),
}

GAP_FIELDS = {
    "runs_per_period": gettext_lazy("how often"),
    "minutes_per_run": gettext_lazy("minutes per run"),
    "error_rate_percent": gettext_lazy("error rate"),
    "minutes_to_fix_error": gettext_lazy("minutes to fix an error"),
    "annual_cost": gettext_lazy("annual cost"),
    "personal_data": gettext_lazy("personal data"),
    "management_unknown": gettext_lazy("managed by IT"),
    "master": gettext_lazy("master system"),
    **resilience.RESILIENCE_GAP_FIELDS,
}


def _terms() -> dict[str, str]:
    terms = {}
    for prefix, choices in (("method", Method), ("frequency", Frequency), ("status", FlowStatus)):
        terms.update({f"{prefix}:{value}": label for value, label in choices.choices})
    return terms


def _decimals(value: Decimal | int, most: int) -> int:
    """As many decimals as the value has, at most `most`: 17, 7.5, 0.75 (not 0.8 or 17.00)."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    return min(most, max(0, -exponent)) if isinstance(exponent, int) else 0


def format_param(param: m.Param) -> str:
    """One parameter as text in the active language."""
    if isinstance(param, m.Eur):
        return format_eur(param.value)
    if isinstance(param, m.Hours):
        return format_hours(param.value, 1 if param.value < 100 else 0)
    if isinstance(param, m.Minutes):
        minutes = format_number(param.value, _decimals(param.value, 2))
        return _("%(minutes)s min") % {"minutes": minutes}
    if isinstance(param, m.Percent):
        return _("%(value)s%%") % {"value": format_number(param.value, _decimals(param.value, 1))}
    if isinstance(param, m.Months):
        return format_number(param.value, 1)
    if isinstance(param, m.Count):
        return format_number(param.value, _decimals(param.value, 2))
    if isinstance(param, m.Fte):
        return format_number(param.value, 2)
    if isinstance(param, m.Labels):
        return ", ".join(param.values) if param.values else _("data")
    if isinstance(param, m.Day):
        return date_format(param.value, "SHORT_DATE_FORMAT")
    if isinstance(param, m.Term):
        return str(_terms().get(param.value, param.value))
    return str(param.value)


def render(message: m.Message) -> str:
    values: dict[str, str | int] = {
        name: format_param(param) for name, param in message.params.items()
    }
    count = message.params.get("count")
    if isinstance(count, m.Count):
        values["plural_n"] = int(count.value)  # picks the singular or plural template
    return str(TEMPLATES[message.key] % values)


def render_all(messages: Iterable[m.Message]) -> str:
    return " ".join(render(message) for message in messages)
