"""The plan over all of an organisation's initiatives, kept with the analysis.

The roadmap's summary counts every initiative (hundreds in a large plan), and each
initiative's warnings read the others' replacement and finish dates: loading all of them with
their options, phases and links and computing their cases took about a second for 500
initiatives, on every page view. Initiatives and all their parts and links are rows of the
landscape, so any change to them renews the landscape stamp and the kept plan is never stale
(as with the kept proposals).
"""

from dataclasses import dataclass, replace
from datetime import date

from leitstand.analysis import Analysis
from leitstand.analysis.roadmap import PlanTotals
from leitstand.landscape.cache import kept_for_request
from leitstand.roadmap.cases import (
    InitiativeCases,
    PlanContext,
    initiatives_for_totals,
    plan_cases,
    plan_context,
    planned_case,
    totals,
)
from leitstand.roadmap.models import InitiativeStatus


@dataclass(frozen=True)
class Plan:
    cases: tuple[InitiativeCases, ...]  # every initiative, in the list's order
    context: PlanContext
    owner_ids: frozenset[int]


@dataclass(frozen=True)
class PlanSummary:
    """The figures above the roadmap for the initiatives its filters keep."""

    initiative_ids: tuple[int, ...]  # the initiatives the filters keep, in the list's order
    totals: PlanTotals
    names: dict[int, str]  # of every initiative, for the overlaps
    has_figures: bool  # an initiative the filters keep has an option the totals count
    has_initiatives: bool  # the organisation has any initiative at all


def page_cases(plan: Plan, initiatives) -> list[InitiativeCases]:
    """The kept cases of `initiatives`, with these rows as loaded for the page (owner, phases,
    milestones): the cases were computed from the same landscape."""
    kept = {cases.initiative.pk: cases for cases in plan.cases}
    return [replace(kept[i.pk], initiative=i) for i in initiatives if i.pk in kept]


def kept_plan(request, analysis: Analysis) -> Plan:
    return kept_for_request(request, "roadmap_plan", lambda: _plan(request.org, analysis))


def _plan(organisation, analysis: Analysis) -> Plan:
    everyone = list(initiatives_for_totals(organisation))
    context = plan_context(everyone)
    return Plan(
        cases=tuple(plan_cases(everyone, analysis, context=context)),
        context=context,
        owner_ids=frozenset(i.owner_id for i in everyone if i.owner_id is not None),
    )


def plan_summary(request, analysis: Analysis, status: str, owner: str, today: date):
    """The summary for the status and owner filters (`""` for all), kept per filter for the
    filters that can match (a status of the list, an owner of an initiative)."""
    plan = kept_plan(request, analysis)
    if status not in InitiativeStatus.values:
        status = ""
    if not owner.isdigit():
        owner = ""
    if owner and int(owner) not in plan.owner_ids:
        return _summary(plan, analysis, status, owner, today)
    return kept_for_request(
        request,
        f"roadmap_summary:{status}:{owner}",
        lambda: _summary(plan, analysis, status, owner, today),
    )


def _summary(plan: Plan, analysis: Analysis, status: str, owner: str, today: date):
    chosen = [
        cases
        for cases in plan.cases
        if (not status or cases.initiative.status == status)
        and (not owner or cases.initiative.owner_id == int(owner))
    ]
    return PlanSummary(
        initiative_ids=tuple(cases.initiative.pk for cases in chosen),
        totals=totals(chosen, analysis, plan_years(chosen, today)),
        names={cases.initiative.pk: cases.initiative.name for cases in plan.cases},
        has_figures=any(planned_case(cases, analysis) for cases in chosen),
        has_initiatives=bool(plan.cases),
    )


def plan_years(cases, today: date) -> list[int]:
    """The calendar years from the first phase (or today) on, six at most."""
    days = [today]
    for case in cases:
        days += [phase.start_on for phase in case.initiative.phases.all()]
        days += [phase.end_on for phase in case.initiative.phases.all()]
    first, last = min(days).year, max(days).year
    return list(range(first, min(last, first + 5) + 1))
