"""The business case of one option of an initiative (DOMAIN.md: cash vs capacity).

Cash and capacity are different money: licences and running costs that end are cash saved;
hours freed are capacity, worth their labour cost only when the time goes to other work. The
case shows both separately. Payback uses the whole one-off investment against the yearly
benefit (net cash plus the labour value of the hours freed), as the automation formula does;
the sensitivity line repeats it with the effect 30 % lower (exceptions, slower adoption) while
the running cost stays. Risk reduced (outage cost per hour x hours avoided) is shown beside it,
never added to the payback: it is an expectation, not money that arrives.
"""

from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis.formulas import (
    ZERO,
    eur_for_hours,
    fte_for_hours,
    payback_months,
)

#: The sensitivity line: the effect this much lower.
SENSITIVITY = Decimal("0.30")


@dataclass(frozen=True, slots=True)
class Investment:
    """What an option costs: the one-off parts and the running cost per year (EUR, hours)."""

    licences_eur: Decimal = ZERO
    implementation_eur: Decimal = ZERO
    internal_hours: Decimal = ZERO
    training_eur: Decimal = ZERO
    running_cost_eur_per_year: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Effect:
    """What an option is expected to bring per year."""

    cash_saved_eur_per_year: Decimal = ZERO  # licences and running costs that end
    hours_freed_per_year: Decimal = ZERO  # capacity
    outage_eur_per_hour: Decimal | None = None
    outage_hours_avoided_per_year: Decimal | None = None


@dataclass(frozen=True, slots=True)
class BusinessCase:
    licences_eur: Decimal
    implementation_eur: Decimal
    internal_effort_eur: Decimal  # internal hours x labour cost
    training_eur: Decimal
    investment_eur: Decimal  # the four one-off parts together
    running_cost_eur_per_year: Decimal
    cash_saved_eur_per_year: Decimal  # gross: what ends
    cash_eur_per_year: Decimal  # net: cash saved - running cost (negative: it costs cash)
    capacity_hours_per_year: Decimal
    capacity_fte: Decimal
    capacity_eur_per_year: Decimal  # labour value of the hours, shown separately
    risk_eur_per_year: Decimal | None  # None: not known
    benefit_eur_per_year: Decimal  # net cash + capacity value: what payback uses
    payback_months: Decimal | None  # None: never pays back
    payback_months_if_30_percent_less: Decimal | None


def one_off_investment(investment: Investment, labour_cost_per_hour: Decimal) -> Decimal:
    """Licences + implementation + internal hours x labour cost + training."""
    return (
        investment.licences_eur
        + investment.implementation_eur
        + eur_for_hours(investment.internal_hours, labour_cost_per_hour)
        + investment.training_eur
    )


def yearly_benefit(
    effect: Effect, running_cost: Decimal, labour_cost_per_hour: Decimal, share: Decimal
) -> Decimal:
    """(cash saved + hours freed x labour cost) x share of the effect - running cost."""
    capacity = eur_for_hours(max(effect.hours_freed_per_year, ZERO), labour_cost_per_hour)
    return (effect.cash_saved_eur_per_year + capacity) * share - running_cost


def risk_reduced(effect: Effect) -> Decimal | None:
    """Outage cost per hour x outage hours avoided per year, where both are known."""
    if effect.outage_eur_per_hour is None or effect.outage_hours_avoided_per_year is None:
        return None
    return effect.outage_eur_per_hour * effect.outage_hours_avoided_per_year


def business_case(
    investment: Investment,
    effect: Effect,
    labour_cost_per_hour: Decimal,
    productive_hours_per_fte: int,
) -> BusinessCase:
    one_off = one_off_investment(investment, labour_cost_per_hour)
    running = investment.running_cost_eur_per_year
    hours = max(effect.hours_freed_per_year, ZERO)
    benefit = yearly_benefit(effect, running, labour_cost_per_hour, Decimal(1))
    reduced = yearly_benefit(effect, running, labour_cost_per_hour, Decimal(1) - SENSITIVITY)
    return BusinessCase(
        licences_eur=investment.licences_eur,
        implementation_eur=investment.implementation_eur,
        internal_effort_eur=eur_for_hours(investment.internal_hours, labour_cost_per_hour),
        training_eur=investment.training_eur,
        investment_eur=one_off,
        running_cost_eur_per_year=running,
        cash_saved_eur_per_year=effect.cash_saved_eur_per_year,
        cash_eur_per_year=effect.cash_saved_eur_per_year - running,
        capacity_hours_per_year=hours,
        capacity_fte=fte_for_hours(hours, productive_hours_per_fte),
        capacity_eur_per_year=eur_for_hours(hours, labour_cost_per_hour),
        risk_eur_per_year=risk_reduced(effect),
        benefit_eur_per_year=benefit,
        payback_months=payback_months(one_off, benefit),
        payback_months_if_30_percent_less=payback_months(one_off, reduced),
    )
