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
PERCENT_MINUTES_PER_HOUR = Decimal(100 * 60)  # a percentage of runs, in minutes, to hours
ZERO = Decimal(0)


def _refuse_negative(**values: Decimal | int) -> None:
    """Called once a check failed: say which input was negative."""
    for name, value in values.items():
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
    if runs_per_period < 0 or working_days_per_year < 0:
        _refuse_negative(runs_per_period=runs_per_period, working_days=working_days_per_year)
    return runs_per_period * periods_per_year(frequency, working_days_per_year)


def hours_per_year(runs: Decimal, minutes_per_run: Decimal) -> Decimal:
    """Manual effort: runs per year x minutes per run / 60."""
    if runs < 0 or minutes_per_run < 0:
        _refuse_negative(runs=runs, minutes_per_run=minutes_per_run)
    return runs * minutes_per_run / MINUTES_PER_HOUR


def eur_for_hours(hours: Decimal, labour_cost_per_hour: Decimal) -> Decimal:
    """Hours x loaded labour cost per hour."""
    if hours < 0 or labour_cost_per_hour < 0:
        _refuse_negative(hours=hours, labour_cost_per_hour=labour_cost_per_hour)
    return hours * labour_cost_per_hour


def fte_for_hours(hours: Decimal, productive_hours_per_fte: int) -> Decimal:
    """Full-time equivalents: hours / productive hours per full-time employee."""
    if hours < 0:
        _refuse_negative(hours=hours)
    if productive_hours_per_fte <= 0:
        raise ValueError("productive_hours_per_fte must be positive")
    return hours / Decimal(productive_hours_per_fte)


def error_hours_per_year(
    runs: Decimal, error_rate_percent: Decimal, minutes_to_fix_error: Decimal
) -> Decimal:
    """Runs per year x error rate x minutes to fix one error / 60."""
    if runs < 0 or error_rate_percent < 0 or minutes_to_fix_error < 0:
        _refuse_negative(runs=runs, error_rate=error_rate_percent, minutes=minutes_to_fix_error)
    if error_rate_percent > 100:
        raise ValueError("error_rate_percent must be at most 100")
    return runs * error_rate_percent * minutes_to_fix_error / PERCENT_MINUTES_PER_HOUR


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
    _refuse_negative(
        minutes_before=minutes_before,
        minutes_after=minutes_after,
        runs=runs,
        error_cost_avoided=error_cost_avoided,
        running_cost=running_cost,
    )
    freed_minutes = Decimal(minutes_before) - Decimal(minutes_after)
    labour = freed_minutes * Decimal(runs) / MINUTES_PER_HOUR * Decimal(labour_cost_per_hour)
    return labour + Decimal(error_cost_avoided) - Decimal(running_cost)


def hours_freed_per_year(runs: Decimal, minutes_before: Decimal, minutes_after: Decimal) -> Decimal:
    """(minutes before - minutes after) x runs per year / 60; negative when it takes longer."""
    _refuse_negative(runs=runs, minutes_before=minutes_before, minutes_after=minutes_after)
    return (Decimal(minutes_before) - Decimal(minutes_after)) * Decimal(runs) / MINUTES_PER_HOUR


def payback_months(investment: Decimal, saving_per_year: Decimal) -> Decimal | None:
    """Investment / saving per year x 12; None when it never pays back."""
    _refuse_negative(investment=investment)
    if saving_per_year <= 0:
        return None
    return Decimal(investment) / Decimal(saving_per_year) * MONTHS_PER_YEAR


def consolidation_saving(
    annual_costs_retired: Iterable[Decimal], manual_eur_disappearing: Decimal
) -> Decimal:
    """Annual cost of the systems retired + the manual integration effort that goes with them."""
    total = Decimal(manual_eur_disappearing)
    _refuse_negative(manual_eur_disappearing=total)
    for cost in annual_costs_retired:
        _refuse_negative(annual_cost=cost)
        total += cost
    return total
