"""The plan as JSON: `leitstand roadmap --org SLUG --json` prints this.

Euros rounded to cents, hours to a tenth, months to a tenth; an unknown number is null.
"""

from decimal import Decimal

from leitstand.analysis import Analysis
from leitstand.analysis.business_case import BusinessCase
from leitstand.roadmap.cases import InitiativeCases, plan_cases, totals


def _eur(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _tenth(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 1)


def business_case_as_json(case: BusinessCase) -> dict:
    return {
        "investment_eur": _eur(case.investment_eur),
        "licences_eur": _eur(case.licences_eur),
        "implementation_eur": _eur(case.implementation_eur),
        "internal_effort_eur": _eur(case.internal_effort_eur),
        "training_eur": _eur(case.training_eur),
        "running_cost_eur_per_year": _eur(case.running_cost_eur_per_year),
        "cash_saved_eur_per_year": _eur(case.cash_saved_eur_per_year),
        "cash_eur_per_year": _eur(case.cash_eur_per_year),
        "capacity_hours_per_year": _tenth(case.capacity_hours_per_year),
        "capacity_fte": None if case.capacity_fte is None else round(float(case.capacity_fte), 2),
        "capacity_eur_per_year": _eur(case.capacity_eur_per_year),
        "risk_eur_per_year": _eur(case.risk_eur_per_year),
        "payback_months": _tenth(case.payback_months),
        "payback_months_if_30_percent_less": _tenth(case.payback_months_if_30_percent_less),
    }


def _day(value) -> str | None:
    return value.isoformat() if value else None


def initiative_as_json(cases: InitiativeCases) -> dict:
    initiative = cases.initiative
    chosen = initiative.chosen_option
    return {
        "id": initiative.pk,
        "name": initiative.name,
        "problem": initiative.problem,
        "status": initiative.status,
        "priority": initiative.priority,
        "owner": initiative.owner.name if initiative.owner else None,
        "sponsor": initiative.sponsor.name if initiative.sponsor else None,
        "depends_on": [other.name for other in initiative.depends_on.all()],
        "systems": [system.name for system in initiative.systems.all()],
        "processes": [process.name for process in initiative.processes.all()],
        "findings": [state.key for state in initiative.findings.all()],
        "phases": [
            {
                "kind": phase.kind,
                "scope": phase.scope,
                "start_on": _day(phase.start_on),
                "end_on": _day(phase.end_on),
            }
            for phase in initiative.phases.all()
        ],
        "milestones": [
            {
                "name": milestone.name,
                "due_on": _day(milestone.due_on),
                "owner": milestone.owner.name if milestone.owner else None,
                "done": milestone.done,
            }
            for milestone in initiative.milestones.all()
        ],
        "options": [
            {
                "name": view.option.name,
                "chosen": view.chosen,
                "scenario": view.option.scenario_id,
                "business_case": business_case_as_json(view.case),
                "payback_warnings": [
                    {
                        "system": warning.system_end.system,
                        "ends_on": _day(warning.system_end.on),
                        "reason": warning.system_end.reason,
                        "replaced_by": warning.system_end.by or None,
                        "benefit_months": _tenth(warning.benefit_months),
                        "share_recovered": round(float(warning.recovered_share), 3),
                    }
                    for warning in view.warnings
                ],
            }
            for view in cases.options
        ],
        "chosen_option": chosen.name if chosen else None,
        "choice_reason": initiative.choice_reason or None,
        "takes_effect_before_dependency": [late.dependency.name for late in cases.start_warnings],
    }


def plan_as_json(initiatives, analysis: Analysis, years) -> dict:
    all_cases = plan_cases(initiatives, analysis)
    plan = totals(all_cases, analysis, years)
    names = {c.initiative.pk: c.initiative.name for c in all_cases}
    return {
        "organisation": {
            "name": analysis.snapshot.settings.name,
            "slug": analysis.snapshot.settings.slug,
        },
        "initiatives": [initiative_as_json(cases) for cases in all_cases],
        "totals": {
            "investment_eur": _eur(plan.investment_eur),
            "cash_saved_eur_per_year": _eur(plan.cash_saved_eur_per_year),
            "running_cost_eur_per_year": _eur(plan.running_cost_eur_per_year),
            "capacity_hours_per_year": _tenth(plan.capacity_hours_per_year),
            "overlaps": [
                {
                    "source": overlap.source,
                    "initiatives": [names[pk] for pk in overlap.initiative_ids],
                    "counted": float(overlap.counted),
                    "left_out": float(overlap.left_out),
                    "unit": overlap.unit,
                }
                for overlap in plan.overlaps
            ],
            "years": [
                {
                    "year": year.year,
                    "investment_eur": _eur(year.investment_eur),
                    "cash_saved_eur": _eur(year.cash_saved_eur),
                    "running_cost_eur": _eur(year.running_cost_eur),
                    "capacity_hours": _tenth(year.capacity_hours),
                }
                for year in plan.years
            ],
        },
    }
