"""Reads: an organisation's funding facts as the pure `CompanyFacts`, and the matching and
plan of a funding plan, computed by `leitstand.analysis.funding`."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from leitstand.analysis.funding.company import CompanyFacts
from leitstand.analysis.funding.company import DeMinimisAid as AidFact
from leitstand.analysis.funding.company import LinkedEnterprise as LinkedFact
from leitstand.analysis.funding.matching import MatchResult, match_company
from leitstand.analysis.funding.plan import FundingPlan as PlanFigures
from leitstand.analysis.funding.plan import build_plan, suggested_programmes
from leitstand.core.values import ValueProblem, parse_date
from leitstand.funding.catalogue import catalogue
from leitstand.funding.models import (
    COST_FIELDS,
    DeMinimisAid,
    FundingFacts,
    FundingPlan,
    LinkedEnterprise,
)
from leitstand.roadmap.models import Initiative, InitiativeOption
from leitstand.tenancy.models import Organisation


def today() -> date:
    return timezone.localdate()


def facts_row(organisation: Organisation) -> FundingFacts | None:
    return FundingFacts.objects.for_org(organisation).first()


def company_facts(
    organisation: Organisation, contract_signed: date | None = None, topics=()
) -> CompanyFacts:
    """The organisation's facts as the method reads them (3 queries)."""
    row = facts_row(organisation)
    linked = tuple(
        LinkedFact(e.name, e.relation, e.share_percent, e.fte, e.turnover, e.balance_sheet_total)
        for e in LinkedEnterprise.objects.for_org(organisation)
    )
    aid = tuple(
        AidFact(a.granted_on, a.amount, a.grantor)
        for a in DeMinimisAid.objects.for_org(organisation)
    )
    return CompanyFacts(
        state=organisation.federal_state or None,
        fte=row.fte if row else None,
        turnover_eur=organisation.annual_revenue,
        balance_sheet_eur=row.balance_sheet_total if row else None,
        has_linked_enterprises=row.has_linked_enterprises if row else None,
        linked_enterprises=linked if (row and row.has_linked_enterprises) else (),
        nace_section=(row.nace_section or None) if row else None,
        founded=row.founded_year if row else None,
        de_minimis_aid=aid if (row and row.de_minimis_complete) else None,
        contract_signed=contract_signed,
        topics=tuple(topics),
    )


def company_match(organisation: Organisation, on: date | None = None) -> MatchResult:
    """The programmes against the company's facts alone (no project costs yet)."""
    return match_company(catalogue(), company_facts(organisation), {}, on or today())


def plan_match(plan: FundingPlan, on: date | None = None) -> MatchResult:
    facts = company_facts(plan.organisation, plan.contract_signed_on, plan.topics)
    return match_company(catalogue(), facts, plan.costs(), on or today())


def chosen_ids(plan: FundingPlan, result: MatchResult) -> tuple[str, ...]:
    """The plan's own choice, or the suggestion while it has none."""
    return tuple(plan.chosen_programmes) or suggested_programmes(result)


def plan_figures(plan: FundingPlan, result: MatchResult | None = None) -> PlanFigures:
    result = result or plan_match(plan)
    return build_plan(result, chosen_ids(plan, result), plan.costs())


def plans_of(organisation: Organisation):
    return FundingPlan.objects.for_org(organisation).order_by("name", "pk")


def milestones(plan: FundingPlan) -> list[tuple[date | str, str]]:
    """The milestone lines as (date, what): a first word that reads as a date becomes one
    (shown in the reader's format); otherwise the line is kept whole as what is done."""
    rows = []
    for line in plan.milestones.splitlines():
        line = line.strip()
        if not line:
            continue
        first, _sep, rest = line.partition(" ")
        try:
            when = parse_date(first)
        except ValueProblem:
            when = None
        rows.append((when, rest.strip()) if when and rest.strip() else ("", line))
    return rows


def total_cost(plan: FundingPlan) -> Decimal:
    return sum(plan.costs().values(), Decimal(0))


def business_case_costs(option: InitiativeOption, organisation: Organisation) -> dict:
    """The option's one-off costs in the plan's categories; internal effort valued at the
    organisation's labour cost (the same figure the business case uses)."""
    rate = organisation.labour_cost_per_hour
    return {
        "software_licences": option.licences_eur,
        "implementation": option.implementation_eur,
        "internal_staff": (option.internal_hours * rate).quantize(Decimal("0.01")),
        "training": option.training_eur,
    }


def business_case_view(plan: FundingPlan) -> dict | None:
    """What the linked option's business case says, and whether the plan's costs differ."""
    option = plan.business_case_option
    if option is None:
        return None
    costs = business_case_costs(option, plan.organisation)
    differs = any(getattr(plan, COST_FIELDS[c]) != v for c, v in costs.items())
    return {
        "option": option,
        "costs": costs,
        "total": sum(costs.values(), Decimal(0)),
        "hours": option.internal_hours,
        "rate": plan.organisation.labour_cost_per_hour,
        "running": option.running_cost_eur_per_year,
        "differs": differs,
    }


def kpi_goals(plan: FundingPlan) -> list[str]:
    """Measurable goals from the initiative's KPIs: baseline and target with their unit."""
    if not plan.initiative_id:
        return []
    goals = []
    for kpi in plan.initiative.kpis.all():
        if kpi.target_value is None:
            continue
        if kpi.baseline_value is None:
            goals.append(f"{kpi.name}: {kpi.format_value(kpi.target_value)}")
        else:
            before, after = kpi.format_value(kpi.baseline_value), kpi.format_value(kpi.target_value)
            goals.append(f"{kpi.name}: {before} → {after}")
    return goals


def initiative_milestones(plan: FundingPlan) -> list[tuple[date, str]]:
    if not plan.initiative_id:
        return []
    return [(m.due_on, m.name) for m in plan.initiative.milestones.order_by("due_on", "pk")]


def timeline_milestones(plan: FundingPlan) -> dict[str, list[tuple[date | str, str]]]:
    """The plan's and its initiative's milestones in date order (undated last), split at the
    project start: a roadmap's pilot often comes before the funded project, and an annex that
    lists it between start and end reads as if the project had begun before the application."""
    rows = sorted(
        milestones(plan) + initiative_milestones(plan),
        key=lambda row: (row[0] == "", str(row[0])),
    )
    start = plan.project_start

    def before(when) -> bool:
        return bool(start and when and when < start)

    return {
        "before_start": [row for row in rows if before(row[0])],
        "during": [row for row in rows if not before(row[0])],
    }


def plan_for_initiative(initiative: Initiative) -> FundingPlan | None:
    return FundingPlan.objects.filter(initiative=initiative).first()
