from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis.kpis import (
    StandardKpi,
    baselines_from_steps,
    improvement,
    minutes_value_per_year,
)
from leitstand.analysis.processes.model import Process, ProcessStep

D = Decimal
values = st.decimals(min_value=0, max_value=1000, places=2)


def test_order_intake_from_15_minutes_to_45_seconds_is_worth_2090_hours():
    change = improvement(D(15), D("0.75"), "lower", target=D(1))
    assert change.better_by == D("14.25")
    assert change.percent == D(95)
    assert change.target_reached is True
    worth = minutes_value_per_year(D(15), D("0.75"), D(8800), D(45))
    assert worth.hours == 2090
    assert worth.eur == 94050
    assert worth.explanation.key == "kpi.minutes_value"


@given(baseline=values, latest=values)
def test_better_means_the_kpis_direction(baseline, latest):
    lower = improvement(baseline, latest, "lower")
    higher = improvement(baseline, latest, "higher")
    assert lower.better_by == -higher.better_by
    assert (lower.better_by > 0) == (latest < baseline)


def test_no_percentage_of_a_zero_baseline():
    assert improvement(D(0), D(5), "higher").percent is None


def test_baselines_come_from_the_steps():
    process = Process(
        1,
        "Order intake",
        "day",
        D(40),
        steps=(
            ProcessStep(1, "Mail arrives", 1, automated=True),
            ProcessStep(2, "Type it", 2, minutes_per_run=D(15), error_rate_percent=D(3)),
            ProcessStep(3, "Confirm", 3, minutes_per_run=D(2)),
        ),
    )
    baselines = baselines_from_steps(process)
    assert baselines[StandardKpi.MINUTES_PER_RUN] == 17
    assert baselines[StandardKpi.ERROR_RATE] == 3
    assert baselines[StandardKpi.SHARE_AUTOMATED] == D("33.3")
    assert baselines[StandardKpi.SATISFACTION] is None
    assert baselines_from_steps(process._replace(steps=()))[StandardKpi.SHARE_AUTOMATED] == 0
