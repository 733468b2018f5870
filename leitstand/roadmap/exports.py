"""The roadmap's sheets in the xlsx/csv export (listed in leitstand/exports/sheets.py)."""

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import analyze
from leitstand.core.sheets import Column, ExportSheet, field, names, related
from leitstand.landscape.cache import cached_analysis
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.roadmap.cases import option_case
from leitstand.roadmap.models import FindingState, Initiative, InitiativeOption, Milestone, Phase


def _options_with_cases(organisation) -> list[InitiativeOption]:
    """Each option with its business case (`case`), computed from the current analysis."""
    options = list(
        InitiativeOption.objects.for_org(organisation)
        .select_related("initiative", "scenario")
        .prefetch_related("initiative__systems", "tried_by")
        .order_by(Lower("initiative__name"), "pk")
    )
    if not options:
        return options
    # the kept analysis: analysing again took as long as the rest of the export at 50,000
    # systems, and its end let the kept analysis out of the collector's freeze (full
    # collections of seconds holding every thread: leitstand.analysis.engine.collector_paused)
    analysis = cached_analysis(organisation, lambda: analyze(landscape_snapshot(organisation)))
    for option in options:
        option.case = option_case(option, option.initiative, analysis)
    return options


def _case(name: str):
    def value(option):
        return getattr(option.case, name)

    return value


ROADMAP_SHEETS = (
    ExportSheet(
        "initiatives",
        _("Initiatives"),
        lambda org: (
            Initiative.objects.for_org(org)
            .select_related("owner", "sponsor")
            .prefetch_related("systems", "processes", "depends_on", "options")
            .order_by("priority", Lower("name"))
        ),
        (
            field("name", _("Name")),
            field("problem", _("Business problem")),
            field("status", _("Status")),
            field("priority", _("Priority")),
            Column(_("Owner"), related("owner")),
            Column(_("Sponsor"), related("sponsor")),
            Column(_("Systems"), names("systems")),
            Column(_("Processes"), names("processes")),
            Column(_("Depends on"), names("depends_on")),
            Column(_("Chosen option"), lambda i: str(i.chosen_option or "")),
            field("choice_reason", _("Why this option")),
        ),
    ),
    ExportSheet(
        "initiative_options",
        _("Options and business cases"),
        _options_with_cases,
        (
            Column(_("Initiative"), related("initiative")),
            field("name", _("Option")),
            field("chosen", _("Chosen")),
            field("licences_eur", _("Licences (EUR)")),
            field("implementation_eur", _("Implementation (EUR)")),
            field("internal_hours", _("Internal effort (hours)")),
            field("training_eur", _("Training (EUR)")),
            Column(_("Investment (EUR)"), _case("investment_eur")),
            field("running_cost_eur_per_year", _("Running cost per year (EUR)")),
            Column(_("Cash saved per year, net (EUR)"), _case("cash_eur_per_year")),
            Column(_("Capacity freed (hours per year)"), _case("capacity_hours_per_year")),
            Column(_("Capacity freed (FTE)"), _case("capacity_fte")),
            Column(
                _("Labour value of the capacity (EUR per year)"), _case("capacity_eur_per_year")
            ),
            Column(_("Risk reduced (EUR per year)"), _case("risk_eur_per_year")),
            Column(_("Payback (months)"), _case("payback_months")),
            Column(
                _("Payback if the effect is 30 % lower (months)"),
                _case("payback_months_if_30_percent_less"),
            ),
            Column(_("Automation scenario"), related("scenario")),
            field("trial_start_on", _("Trial from")),
            field("trial_end_on", _("Trial until")),
            Column(_("Tried by"), names("tried_by")),
        ),
    ),
    ExportSheet(
        "initiative_phases",
        _("Phases"),
        lambda org: Phase.objects.for_org(org).select_related("initiative"),
        (
            Column(_("Initiative"), related("initiative")),
            field("kind", _("Phase")),
            field("scope", _("Where or what")),
            field("start_on", _("From")),
            field("end_on", _("Until")),
        ),
    ),
    ExportSheet(
        "milestones",
        _("Milestones"),
        lambda org: Milestone.objects.for_org(org).select_related("initiative", "owner"),
        (
            Column(_("Initiative"), related("initiative")),
            field("name", _("Milestone")),
            field("due_on", _("Date")),
            Column(_("Owner"), related("owner")),
            field("done", _("Done")),
        ),
    ),
    ExportSheet(
        "finding_states",
        _("Finding statuses"),
        lambda org: FindingState.objects.for_org(org).select_related("owner"),
        (
            field("kind", _("Kind")),
            field("subject_name", _("Subject")),
            field("status", _("Status")),
            Column(_("Owner"), related("owner")),
            field("due_on", _("Due on")),
            field("note", _("Note")),
            field("reason", _("Reason for accepting the risk")),
            field("review_on", _("Look again on")),
            field("key", _("Finding identity")),
        ),
    ),
)
