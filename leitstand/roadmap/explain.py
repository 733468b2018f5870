"""How each business-case figure was computed, with the organisation's numbers in it."""

from django.utils.translation import gettext as _

from leitstand.analysis import Analysis
from leitstand.analysis.business_case import SENSITIVITY, BusinessCase
from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.roadmap.models import InitiativeOption


def _months(value) -> str:
    return "—" if value is None else format_number(value, 1)


def case_explanation(option: InitiativeOption, case: BusinessCase, analysis: Analysis) -> list[str]:
    settings = analysis.snapshot.settings
    labour = format_eur(settings.labour_cost_per_hour)
    lines = [
        _(
            "Investment: licences %(licences)s + implementation %(implementation)s + internal "
            "effort %(hours)s x %(labour)s = %(internal)s + training %(training)s = %(total)s."
        )
        % {
            "licences": format_eur(case.licences_eur),
            "implementation": format_eur(case.implementation_eur),
            "hours": format_hours(option.internal_hours, 1),
            "labour": labour,
            "internal": format_eur(case.internal_effort_eur),
            "training": format_eur(case.training_eur),
            "total": format_eur(case.investment_eur),
        },
        _(
            "Cash per year: %(saved)s saved (licences and running costs that end) - %(running)s "
            "new running cost = %(net)s."
        )
        % {
            "saved": format_eur(case.cash_saved_eur_per_year),
            "running": format_eur(case.running_cost_eur_per_year),
            "net": format_eur(case.cash_eur_per_year),
        },
    ]
    scenario = analysis.processes.scenarios.get(option.scenario_id) if option.scenario_id else None
    if scenario is not None:
        lines.append(
            _(
                "Hours freed: %(hours)s a year, from the scenario “%(scenario)s” as the analysis "
                "computes it ((minutes before - after) x runs a year ÷ 60, plus error hours "
                "avoided)."
            )
            % {"hours": format_hours(case.capacity_hours_per_year), "scenario": option.scenario}
        )
    else:
        lines.append(
            _("Hours freed: %(hours)s a year, the option's own estimate.")
            % {"hours": format_hours(case.capacity_hours_per_year)}
        )
    lines += [
        _(
            "Capacity: %(hours)s ÷ %(per_fte)s productive hours per full-time employee = "
            "%(fte)s FTE; worth %(hours)s x %(labour)s = %(eur)s a year only if the time goes to "
            "other work. It is not cash."
        )
        % {
            "hours": format_hours(case.capacity_hours_per_year),
            "per_fte": format_number(settings.productive_hours_per_fte),
            "fte": format_number(case.capacity_fte, 2),
            "labour": labour,
            "eur": format_eur(case.capacity_eur_per_year),
        },
        _(
            "Payback: %(investment)s ÷ (%(cash)s cash + %(capacity)s capacity) x 12 = "
            "%(months)s months."
        )
        % {
            "investment": format_eur(case.investment_eur),
            "cash": format_eur(case.cash_eur_per_year),
            "capacity": format_eur(case.capacity_eur_per_year),
            "months": _months(case.payback_months),
        },
        _(
            "If the effect is %(percent)s%% lower (exceptions, slower adoption): %(investment)s ÷ "
            "((%(saved)s + %(capacity)s) x %(share)s - %(running)s) x 12 = %(months)s months."
        )
        % {
            "percent": format_number(SENSITIVITY * 100),
            "investment": format_eur(case.investment_eur),
            "saved": format_eur(case.cash_saved_eur_per_year),
            "capacity": format_eur(case.capacity_eur_per_year),
            "share": format_number(1 - SENSITIVITY, 1),
            "running": format_eur(case.running_cost_eur_per_year),
            "months": _months(case.payback_months_if_30_percent_less),
        },
    ]
    if case.risk_eur_per_year is not None:
        lines.append(
            _(
                "Risk reduced: %(hours)s outage hours avoided a year x the outage cost per hour of "
                "its costliest linked system = %(eur)s a year; an expectation, not in the payback."
            )
            % {
                "hours": format_number(option.outage_hours_avoided_per_year, 1),
                "eur": format_eur(case.risk_eur_per_year),
            }
        )
    return lines
