"""Before and after: how far a KPI moved from its baseline, and what fewer minutes are worth."""

from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.messages import Count, Eur, Hours, Message, Minutes
from leitstand.analysis.processes.model import Process


class Direction(StrEnum):
    LOWER = "lower"  # lower is better: minutes per run, error rate, cost
    HIGHER = "higher"  # higher is better: share automated, satisfaction


class Improvement(NamedTuple):
    baseline: Decimal
    latest: Decimal
    better_by: Decimal  # in the KPI's unit; negative when it got worse
    percent: Decimal | None  # of the baseline; None when the baseline is 0
    target_reached: bool | None  # None without a target


def improvement(
    baseline: Decimal, latest: Decimal, direction: str, target: Decimal | None = None
) -> Improvement:
    """The change from baseline to the latest measurement, counted in the better direction."""
    change = latest - baseline
    better_by = -change if direction == Direction.LOWER else change
    percent = None if baseline == 0 else better_by / abs(baseline) * 100
    reached = None
    if target is not None:
        reached = latest <= target if direction == Direction.LOWER else latest >= target
    return Improvement(baseline, latest, better_by, percent, reached)


class MinutesValue(NamedTuple):
    hours: Decimal
    eur: Decimal
    explanation: Message


def minutes_value_per_year(
    minutes_before: Decimal, minutes_after: Decimal, runs: Decimal, labour_cost_per_hour: Decimal
) -> MinutesValue:
    """Fewer minutes per run, in hours and euros a year: (before - after) x runs / 60 x rate."""
    hours = formulas.hours_freed_per_year(runs, minutes_before, minutes_after)
    eur = formulas.automation_saving_per_year(
        minutes_before=minutes_before,
        minutes_after=minutes_after,
        runs=runs,
        labour_cost_per_hour=labour_cost_per_hour,
    )
    message = Message(
        "kpi.minutes_value",
        {
            "before": Minutes(minutes_before),
            "after": Minutes(minutes_after),
            "runs_per_year": Count(runs),
            "hours": Hours(hours),
            "rate": Eur(labour_cost_per_hour),
            "eur": Eur(eur),
        },
    )
    return MinutesValue(hours, eur, message)


class StandardKpi(StrEnum):
    """The four KPIs every process is offered, named by their unit."""

    MINUTES_PER_RUN = "minutes_per_run"
    ERROR_RATE = "error_rate"
    SHARE_AUTOMATED = "share_automated"
    SATISFACTION = "satisfaction"


STANDARD_DIRECTIONS = {
    StandardKpi.MINUTES_PER_RUN: Direction.LOWER,
    StandardKpi.ERROR_RATE: Direction.LOWER,
    StandardKpi.SHARE_AUTOMATED: Direction.HIGHER,
    StandardKpi.SATISFACTION: Direction.HIGHER,
}


def baselines_from_steps(process: Process) -> dict[StandardKpi, Decimal | None]:
    """What the steps say today: minutes of work per run; errors per 100 runs (the steps'
    error rates added up, at most 100); automated steps as a share of all steps. Satisfaction
    cannot come from the steps: it comes from a survey."""
    steps = process.steps
    minutes = sum((step.minutes_per_run for step in steps), Decimal(0))
    errors = min(sum((step.error_rate_percent for step in steps), Decimal(0)), Decimal(100))
    automated = sum(1 for step in steps if step.automated)
    share = Decimal(automated * 100) / len(steps) if steps else Decimal(0)
    return {
        StandardKpi.MINUTES_PER_RUN: minutes,
        StandardKpi.ERROR_RATE: errors,
        StandardKpi.SHARE_AUTOMATED: share.quantize(Decimal("0.1")),
        StandardKpi.SATISFACTION: None,
    }
