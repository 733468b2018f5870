"""The wording of the landscape-wide findings (manual transfers, overlaps, masters, hubs,
isolated systems, shadow IT), of the totals and of the data gaps of systems and flows: one
template per message key of `leitstand.analysis.messages.MESSAGE_KEYS`. Registered with
`leitstand.core.wording` in `FindingsConfig.ready()`; each app registers the wording of its
own findings the same way.
"""

# The formulas use the multiplication and division signs people know from school.
# ruff: noqa: RUF001

from django.utils.translation import gettext_lazy, ngettext_lazy

from leitstand.flows.models import FlowStatus, Frequency, Method

LANDSCAPE_TEMPLATES = {
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
    "quick_wins.total": ngettext_lazy(
        "Retiring %(count)s overlapping tool, with no new technology, ends %(cash)s a year of "
        "licences (cash) and %(hours)s a year of manual transfers, worth %(capacity)s at "
        "%(rate)s per hour (capacity: worth it when the time goes to other work): %(total)s a "
        "year together.",
        "Retiring %(count)s overlapping tools, with no new technology, ends %(cash)s a year of "
        "licences (cash) and %(hours)s a year of manual transfers, worth %(capacity)s at "
        "%(rate)s per hour (capacity: worth it when the time goes to other work): %(total)s a "
        "year together.",
        "plural_n",
    ),
    "quick_wins.none": gettext_lazy(
        "No overlapping tool to retire: the inventory alone shows no quick win yet."
    ),
    "quick_wins.item": gettext_lazy(
        "%(system)s: its users and data move to %(keep)s; licence %(licence)s + %(hours)s of "
        "transfers that disappear (%(manual)s) = %(saving)s a year."
    ),
    "quick_wins.cost_unknown": gettext_lazy(
        "The annual cost of %(system)s is not recorded, so its licence counts 0."
    ),
    "quick_wins.more": ngettext_lazy(
        "And %(count)s more tool with a smaller saving (all of them in the analysis JSON).",
        "And %(count)s more tools with smaller savings (all of them in the analysis JSON).",
        "plural_n",
    ),
    "quick_win.retire": gettext_lazy(
        "Retire %(system)s; its users and data move to %(keep)s (%(capability)s)."
    ),
    "quick_win.remove_step": gettext_lazy(
        "Remove the step “%(step)s” from %(process)s: nobody needs it (remove, don't automate)."
    ),
    "quick_win.end_licence_retired": gettext_lazy(
        "End the licence of %(system)s: the system is retired but still costs money."
    ),
    "quick_win.end_licence_unused": gettext_lazy(
        "End the licence of %(system)s: it is recorded with no users but still costs money."
    ),
    "quick_win.name_deputy": ngettext_lazy(
        "Name and train a deputy for %(person)s, who alone runs %(systems)s (a risk removed, "
        "no money).",
        "Name and train a deputy for %(person)s, who alone runs %(count)s critical systems: "
        "%(systems)s (a risk removed, no money).",
        "plural_n",
    ),
    "quick_win.when.contract_end": gettext_lazy(
        "Licence: notice to %(vendor)s by %(deadline)s ends it with the contract on %(end)s, so "
        "it saves from %(from)s, %(months)s of the first 12 months."
    ),
    "quick_win.when.renews": gettext_lazy(
        "Licence: the notice deadline at %(vendor)s (%(deadline)s) has passed, so the contract "
        "runs one more year, to %(end)s (taken as a year), and saves from %(from)s, %(months)s "
        "of the first 12 months."
    ),
    "quick_win.when.notice_period": gettext_lazy(
        "Licence: no contract end recorded for %(vendor)s; notice given now ends it after "
        "%(notice)s months (%(end)s), so it saves from %(from)s, %(months)s of the first 12 "
        "months."
    ),
    "quick_win.when.next_month": gettext_lazy(
        "Licence: no contract end or notice period recorded, so it counts from next month "
        "(%(from)s), %(months)s of the first 12 months."
    ),
    "quick_win.when.hours": gettext_lazy(
        "Hours: freed from next month (%(from)s), %(months)s of the first 12 months."
    ),
    "quick_win.when.counted_in_retirement": gettext_lazy(
        "Hours: this step is a transfer that ends with a retirement above, so they are counted "
        "there, not again."
    ),
    "quick_win.when.risk": gettext_lazy(
        "No money: the risk is gone as soon as the deputy can run the systems."
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
}

LANDSCAPE_KINDS = {
    "manual_transfer": gettext_lazy("Manual data transfer"),
    "overlap": gettext_lazy("Overlapping systems"),
    "similar_names": gettext_lazy("Similar system names"),
    "multi_master": gettext_lazy("Data mastered in several systems"),
    "manual_only_data": gettext_lazy("Data moved only by hand"),
    "shadow_it_personal_data": gettext_lazy("Shadow IT with personal data"),
    "dependency_hub": gettext_lazy("Many systems depend on it"),
    "isolated_systems": gettext_lazy("Systems without data flows"),
}

LANDSCAPE_GAP_FIELDS = {
    "runs_per_period": gettext_lazy("how often"),
    "minutes_per_run": gettext_lazy("minutes per run"),
    "error_rate_percent": gettext_lazy("error rate"),
    "minutes_to_fix_error": gettext_lazy("minutes to fix an error"),
    "annual_cost": gettext_lazy("annual cost"),
    "personal_data": gettext_lazy("personal data"),
    "management_unknown": gettext_lazy("managed by IT"),
    "master": gettext_lazy("master system"),
}

#: `Term` values: "method:api" is shown as the label of Method.API, and so on.
LANDSCAPE_TERMS = {"method": Method, "frequency": Frequency, "status": FlowStatus}
