"""The formulas of DOMAIN.md, one function each, in Decimal; every input must be known.

Unknown inputs are the caller's business (`costs.py` turns them into data gaps); a negative
input is a programming error here, since forms and models reject it first.
"""

from collections.abc import Iterable
from decimal import Decimal

from leitstand.analysis.vocabulary import Frequency

WEEKS_PER_YEAR = 48
MONTHS_PER_YEAR = 12
MINUTES_PER_HOUR = Decimal(60)
ZERO = Decimal(0)


def _not_negative(name: str, value: Decimal | int) -> None:
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")


#: Periods per year of each frequency except 'day', which is the organisation's working days.
FIXED_PERIODS = {
    Frequency.WEEK: WEEKS_PER_YEAR,
    Frequency.MONTH: MONTHS_PER_YEAR,
    Frequency.YEAR: 1,
    Frequency.EVENT: 1,
}


def periods_per_year(frequency: str, working_days_per_year: int) -> int:
    """Days, weeks, ... in a year for this frequency; per event the count is already a year's."""
    if frequency == Frequency.DAY:
        return working_days_per_year
    return FIXED_PERIODS[frequency]


def runs_per_year(runs_per_period: Decimal, frequency: str, working_days_per_year: int) -> Decimal:
    """N per day / week / month: N x 220 / N x 48 / N x 12; per year or per event: N."""
    _not_negative("runs_per_period", runs_per_period)
    _not_negative("working_days_per_year", working_days_per_year)
    return Decimal(runs_per_period) * periods_per_year(frequency, working_days_per_year)


def hours_per_year(runs: Decimal, minutes_per_run: Decimal) -> Decimal:
    """Manual effort: runs per year x minutes per run / 60."""
    _not_negative("runs", runs)
    _not_negative("minutes_per_run", minutes_per_run)
    return Decimal(runs) * Decimal(minutes_per_run) / MINUTES_PER_HOUR


def eur_for_hours(hours: Decimal, labour_cost_per_hour: Decimal) -> Decimal:
    """Hours x loaded labour cost per hour."""
    _not_negative("hours", hours)
    _not_negative("labour_cost_per_hour", labour_cost_per_hour)
    return Decimal(hours) * Decimal(labour_cost_per_hour)


def fte_for_hours(hours: Decimal, productive_hours_per_fte: int) -> Decimal:
    """Full-time equivalents: hours / productive hours per full-time employee."""
    _not_negative("hours", hours)
    if productive_hours_per_fte <= 0:
        raise ValueError("productive_hours_per_fte must be positive")
    return Decimal(hours) / Decimal(productive_hours_per_fte)


def error_hours_per_year(
    runs: Decimal, error_rate_percent: Decimal, minutes_to_fix_error: Decimal
) -> Decimal:
    """Runs per year x error rate x minutes to fix one error / 60."""
    _not_negative("runs", runs)
    _not_negative("error_rate_percent", error_rate_percent)
    _not_negative("minutes_to_fix_error", minutes_to_fix_error)
    if error_rate_percent > 100:
        raise ValueError("error_rate_percent must be at most 100")
    errors = Decimal(runs) * Decimal(error_rate_percent) / Decimal(100)
    return errors * Decimal(minutes_to_fix_error) / MINUTES_PER_HOUR


def error_cost_per_year(
    runs: Decimal,
    error_rate_percent: Decimal,
    minutes_to_fix_error: Decimal,
    labour_cost_per_hour: Decimal,
) -> Decimal:
    """Error hours per year x labour cost per hour."""
    hours = error_hours_per_year(runs, error_rate_percent, minutes_to_fix_error)
    return eur_for_hours(hours, labour_cost_per_hour)


def automation_saving_per_year(
    *,
    minutes_before: Decimal,
    minutes_after: Decimal,
    runs: Decimal,
    labour_cost_per_hour: Decimal,
    error_cost_avoided: Decimal = ZERO,
    running_cost: Decimal = ZERO,
) -> Decimal:
    """(minutes before - after) x runs / 60 x labour cost + error cost avoided - running cost.

    Negative when the automation costs more to run than it saves.
    """
    for name, value in (
        ("minutes_before", minutes_before),
        ("minutes_after", minutes_after),
        ("runs", runs),
        ("error_cost_avoided", error_cost_avoided),
        ("running_cost", running_cost),
    ):
        _not_negative(name, value)
    freed_minutes = Decimal(minutes_before) - Decimal(minutes_after)
    labour = freed_minutes * Decimal(runs) / MINUTES_PER_HOUR * Decimal(labour_cost_per_hour)
    return labour + Decimal(error_cost_avoided) - Decimal(running_cost)


def payback_months(investment: Decimal, saving_per_year: Decimal) -> Decimal | None:
    """Investment / saving per year x 12; None when it never pays back."""
    _not_negative("investment", investment)
    if saving_per_year <= 0:
        return None
    return Decimal(investment) / Decimal(saving_per_year) * MONTHS_PER_YEAR


def consolidation_saving(
    annual_costs_retired: Iterable[Decimal], manual_eur_disappearing: Decimal
) -> Decimal:
    """Annual cost of the systems retired + the manual integration effort that goes with them."""
    total = Decimal(manual_eur_disappearing)
    _not_negative("manual_eur_disappearing", total)
    for cost in annual_costs_retired:
        _not_negative("annual cost", cost)
        total += cost
    return total
