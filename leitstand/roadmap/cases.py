"""Business cases, timing and the plan's totals, from the initiatives' rows and the analysis.

The hours an automation scenario frees are read from the analysis (`Analysis.processes`), the
one figure the process, scenario and cockpit pages show; the outage cost per hour of a system
likewise. Nothing here computes them a second way.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from leitstand.analysis import Analysis
from leitstand.analysis.business_case import BusinessCase, Effect, Investment, business_case
from leitstand.analysis.formulas import ZERO
from leitstand.analysis.roadmap import (
    PaybackWarning,
    PlannedCase,
    PlanTotals,
    SystemEnd,
    payback_warnings,
    plan_totals,
)
from leitstand.inventory.models import System
from leitstand.processes.models import Process
from leitstand.roadmap.models import (
    FindingState,
    Initiative,
    InitiativeOption,
    InitiativeStatus,
    Milestone,
    Phase,
    PhaseKind,
)

#: Initiatives that no longer count in the plan's figures.
NOT_PLANNED = {InitiativeStatus.STOPPED}


def initiatives_for_plan(organisation) -> QuerySet:
    """Initiatives with everything the roadmap page and the command line show (a fixed number
    of queries, whatever the count)."""
    return (
        Initiative.objects.for_org(organisation)
        .select_related("owner", "sponsor")
        .prefetch_related(
            Prefetch("options", queryset=InitiativeOption.objects.order_by("pk")),
            Prefetch("phases", queryset=Phase.objects.order_by("start_on", "pk")),
            Prefetch(
                "milestones",
                queryset=Milestone.objects.select_related("owner").order_by("due_on", "pk"),
            ),
            "systems",
            "replaces",
            "processes",
            "depends_on",
            "findings",
        )
    )


def initiatives_for_timeline(organisation) -> QuerySet:
    """Initiatives with what one page of the roadmap draws of them (owner, phases, milestones,
    dependencies); their cases are the kept plan's (`roadmap.plan`)."""
    return (
        Initiative.objects.for_org(organisation)
        .select_related("owner")
        .prefetch_related(
            Prefetch("phases", queryset=Phase.objects.order_by("start_on", "pk")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
            Prefetch("depends_on", queryset=Initiative.objects.only("id", "name")),
        )
    )


def initiatives_for_totals(organisation) -> QuerySet:
    """Initiatives with only what the plan's figures need (no milestones, systems' names or
    people): the summary over hundreds of initiatives stays light."""
    return (
        Initiative.objects.for_org(organisation)
        .only("id", "name", "status", "priority", "owner_id", "organisation_id")
        .prefetch_related(
            Prefetch("options", queryset=InitiativeOption.objects.order_by("pk")),
            Prefetch(
                "phases",
                queryset=Phase.objects.only(
                    "id", "initiative_id", "kind", "start_on", "end_on"
                ).order_by("start_on", "pk"),
            ),
            Prefetch("systems", queryset=System.objects.only("id", "name")),
            Prefetch("replaces", queryset=System.objects.only("id", "name")),
            Prefetch("processes", queryset=Process.objects.only("id")),
            Prefetch("findings", queryset=FindingState.objects.only("id", "key")),
            Prefetch("depends_on", queryset=Initiative.objects.only("id", "name")),
        )
    )


def option_effect(option: InitiativeOption, initiative: Initiative, analysis: Analysis) -> Effect:
    outage = None
    if option.outage_hours_avoided_per_year is not None:
        costs = analysis.outage_cost_by_system
        known = [costs.get(system.pk, ZERO) for system in initiative.systems.all()]
        outage = max(known, default=ZERO)
    return Effect(
        cash_saved_eur_per_year=option.cash_saved_eur_per_year,
        hours_freed_per_year=hours_freed(option, analysis),
        outage_eur_per_hour=outage,
        outage_hours_avoided_per_year=option.outage_hours_avoided_per_year,
    )


def hours_freed(option: InitiativeOption, analysis: Analysis) -> Decimal:
    """From the linked scenario's figures in the analysis; else the option's own estimate."""
    if option.scenario_id is not None:
        figures = analysis.processes.scenarios.get(option.scenario_id)
        if figures is not None:
            return max(figures.hours_freed, ZERO)
    return option.hours_freed_per_year or ZERO


def option_investment(option: InitiativeOption) -> Investment:
    return Investment(
        licences_eur=option.licences_eur,
        implementation_eur=option.implementation_eur,
        internal_hours=option.internal_hours,
        training_eur=option.training_eur,
        running_cost_eur_per_year=option.running_cost_eur_per_year,
    )


def option_case(option: InitiativeOption, initiative: Initiative, analysis: Analysis):
    settings = analysis.snapshot.settings
    return business_case(
        option_investment(option),
        option_effect(option, initiative, analysis),
        settings.labour_cost_per_hour,
        settings.productive_hours_per_fte,
    )


def counted_option(initiative: Initiative) -> InitiativeOption | None:
    """The option the plan counts: the chosen one, else the first (a proposal's own)."""
    options = list(initiative.options.all())
    chosen = next((option for option in options if option.chosen), None)
    return chosen or (options[0] if options else None)


def invest_on(initiative: Initiative) -> date | None:
    phases = list(initiative.phases.all())
    return phases[0].start_on if phases else None


def benefit_start(initiative: Initiative) -> date | None:
    """The effect begins with the rollout; without one, after the pilot, else at the end."""
    phases = list(initiative.phases.all())
    for phase in phases:
        if phase.kind == PhaseKind.ROLLOUT:
            return phase.start_on
    for phase in phases:
        if phase.kind == PhaseKind.PILOT:
            return phase.end_on
    return phases[-1].end_on if phases else None


def finished_on(initiative: Initiative) -> date | None:
    phases = list(initiative.phases.all())
    return max((phase.end_on for phase in phases), default=None)


def system_ends(initiative: Initiative, analysis: Analysis, replacements: dict) -> list[SystemEnd]:
    """End of support of the linked systems, and their replacement by another initiative;
    not of the systems this initiative replaces itself (it is meant to outlive them)."""
    ends = []
    systems = analysis.snapshot.system_by_id
    replaced = {system.pk for system in initiative.replaces.all()}
    for system in initiative.systems.all():
        if system.pk in replaced:
            continue
        record = systems.get(system.pk)
        if record is not None and record.end_of_support is not None:
            ends.append(SystemEnd(system.name, record.end_of_support, "end_of_support"))
        for other, day in replacements.get(system.pk, ()):
            if other.pk != initiative.pk:
                ends.append(SystemEnd(system.name, day, "replacement", other.name))
    return ends


def replacement_dates(initiatives) -> dict[int, list[tuple[Initiative, date]]]:
    """Per system id, the initiatives that replace it and when they finish."""
    found: dict[int, list[tuple[Initiative, date]]] = {}
    for initiative in initiatives:
        if initiative.status in NOT_PLANNED:
            continue
        day = finished_on(initiative)
        if day is None:
            continue
        for system in initiative.replaces.all():
            found.setdefault(system.pk, []).append((initiative, day))
    return found


@dataclass(frozen=True)
class OptionView:
    option: InitiativeOption
    case: BusinessCase
    chosen: bool
    warnings: tuple[PaybackWarning, ...]


@dataclass(frozen=True)
class StartWarning:
    """This initiative's effect (its rollout) begins before one it depends on is finished."""

    dependency: Initiative
    starts_on: date
    dependency_finishes_on: date


@dataclass(frozen=True)
class InitiativeCases:
    initiative: Initiative
    options: tuple[OptionView, ...]
    counted: OptionView | None
    start_warnings: tuple[StartWarning, ...]

    @property
    def warnings(self) -> tuple[PaybackWarning, ...]:
        return self.counted.warnings if self.counted else ()


def initiative_cases(
    initiative: Initiative, analysis: Analysis, replacements: dict, dependency_ends: dict
) -> InitiativeCases:
    ends = system_ends(initiative, analysis, replacements)
    start = benefit_start(initiative)
    counted = counted_option(initiative)
    views = []
    for option in initiative.options.all():
        case = option_case(option, initiative, analysis)
        warnings = payback_warnings(
            start, case.investment_eur, case.benefit_eur_per_year, case.payback_months, ends
        )
        views.append(OptionView(option, case, option.chosen, warnings))
    counted_view = next((v for v in views if counted and v.option.pk == counted.pk), None)
    begins = benefit_start(initiative)  # the effect, not the preparation, waits for it
    late = tuple(
        StartWarning(dependency, begins, dependency_ends[dependency.pk])
        for dependency in initiative.depends_on.all()
        if begins is not None
        and dependency_ends.get(dependency.pk) is not None
        and begins < dependency_ends[dependency.pk]
    )
    return InitiativeCases(initiative, tuple(views), counted_view, late)


@dataclass(frozen=True)
class PlanContext:
    """What one initiative's warnings read from all the others: when another initiative
    replaces a system it uses, and when the initiatives it depends on finish."""

    replacements: dict[int, list[tuple[Initiative, date]]]
    dependency_ends: dict[int, date | None]


def plan_context(everyone) -> PlanContext:
    everyone = list(everyone)
    return PlanContext(
        replacement_dates(everyone),
        {initiative.pk: finished_on(initiative) for initiative in everyone},
    )


def plan_cases(
    initiatives, analysis: Analysis, everyone=None, context: PlanContext | None = None
) -> list[InitiativeCases]:
    """Cases of `initiatives`; replacements and dependencies are read from `context`, else
    from `everyone` (the organisation's initiatives, as loaded by `initiatives_for_totals`)
    when given."""
    initiatives = list(initiatives)
    if context is None:
        context = plan_context(initiatives if everyone is None else everyone)
    return [
        initiative_cases(initiative, analysis, context.replacements, context.dependency_ends)
        for initiative in initiatives
    ]


def planned_case(cases: InitiativeCases, analysis: Analysis) -> PlannedCase | None:
    """What the plan's totals count of one initiative: the counted option's figures, each
    saving by its source so that two initiatives claiming the same one count it once."""
    initiative = cases.initiative
    if cases.counted is None or initiative.status in NOT_PLANNED:
        return None
    option, case = cases.counted.option, cases.counted.case
    cash_sources = [f"finding:{state.key}" for state in initiative.findings.all()]
    if not cash_sources or not case.cash_saved_eur_per_year:
        cash_sources = [f"option:{option.pk}"]
    if option.scenario_id is not None and option.scenario_id in analysis.processes.scenarios:
        process_id = analysis.processes.scenarios[option.scenario_id].process_id
        hour_sources = [f"process:{process_id}"]
    else:
        hour_sources = [f"process:{p.pk}" for p in initiative.processes.all()] or [
            f"option:{option.pk}"
        ]
    cash_share = case.cash_saved_eur_per_year / len(cash_sources)
    hour_share = case.capacity_hours_per_year / len(hour_sources)
    return PlannedCase(
        initiative_id=initiative.pk,
        name=initiative.name,
        invest_on=invest_on(initiative),
        benefit_start=benefit_start(initiative),
        investment_eur=case.investment_eur,
        running_cost_eur_per_year=case.running_cost_eur_per_year,
        cash_by_source=tuple((source, cash_share) for source in cash_sources),
        hours_by_source=tuple((source, hour_share) for source in hour_sources),
    )


def totals(all_cases: list[InitiativeCases], analysis: Analysis, years) -> PlanTotals:
    planned = [p for p in (planned_case(c, analysis) for c in all_cases) if p is not None]
    return plan_totals(planned, years)
