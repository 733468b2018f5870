from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis import formulas

runs = st.decimals(min_value=0, max_value=10_000, places=2)
minutes = st.decimals(min_value=0, max_value=600, places=2)
percent = st.decimals(min_value=0, max_value=100, places=2)
money = st.decimals(min_value=0, max_value=500, places=2)
days = st.integers(min_value=1, max_value=366)
frequencies = st.sampled_from(["day", "week", "month", "year", "event"])


def test_runs_per_year_follow_the_method_defaults():
    assert formulas.runs_per_year(Decimal(40), "day", 220) == 8800
    assert formulas.runs_per_year(Decimal(5), "week", 220) == 240
    assert formulas.runs_per_year(Decimal(2), "month", 220) == 24
    assert formulas.runs_per_year(Decimal(3), "year", 220) == 3
    assert formulas.runs_per_year(Decimal(60), "event", 220) == 60


def test_manual_flow_costs_hours_times_rate():
    hours = formulas.hours_per_year(Decimal(8800), Decimal(17))
    assert hours.quantize(Decimal("0.01")) == Decimal("2493.33")
    assert formulas.eur_for_hours(Decimal(100), Decimal(45)) == 4500
    assert formulas.fte_for_hours(Decimal(4800), 1600) == 3


def test_error_cost_is_runs_times_rate_times_fix_time():
    hours = formulas.error_hours_per_year(Decimal(8800), Decimal(3), Decimal(15))
    assert hours == 66
    assert formulas.error_cost_per_year(Decimal(8800), Decimal(3), Decimal(15), Decimal(45)) == (
        66 * 45
    )


def test_automation_saving_and_payback():
    saving = formulas.automation_saving_per_year(
        minutes_before=Decimal(17),
        minutes_after=Decimal(1),
        runs=Decimal(8800),
        labour_cost_per_hour=Decimal(45),
        error_cost_avoided=Decimal(2970),
        running_cost=Decimal(1200),
    )
    assert saving == Decimal(16) * 8800 / 60 * 45 + 2970 - 1200
    assert formulas.payback_months(Decimal(12000), Decimal(24000)) == 6
    assert formulas.payback_months(Decimal(12000), Decimal(0)) is None


def test_consolidation_saving_adds_costs_and_manual_effort():
    assert formulas.consolidation_saving([Decimal(720), Decimal(300)], Decimal(100)) == 1120


@pytest.mark.parametrize(
    "call",
    [
        lambda: formulas.runs_per_year(Decimal(-1), "day", 220),
        lambda: formulas.hours_per_year(Decimal(1), Decimal(-5)),
        lambda: formulas.error_hours_per_year(Decimal(1), Decimal(101), Decimal(5)),
        lambda: formulas.error_hours_per_year(Decimal(1), Decimal(-1), Decimal(5)),
        lambda: formulas.consolidation_saving([Decimal(-1)], Decimal(0)),
        lambda: formulas.fte_for_hours(Decimal(1), 0),
    ],
)
def test_impossible_inputs_are_refused(call):
    with pytest.raises(ValueError):
        call()


@given(runs, frequencies, days, minutes, percent, minutes, money)
def test_effort_is_never_negative(n, frequency, working_days, per_run, rate, fix, wage):
    yearly = formulas.runs_per_year(n, frequency, working_days)
    hours = formulas.hours_per_year(yearly, per_run)
    assert yearly >= 0
    assert hours >= 0
    assert formulas.eur_for_hours(hours, wage) >= 0
    assert formulas.fte_for_hours(hours, 1600) >= 0
    assert formulas.error_cost_per_year(yearly, rate, fix, wage) >= 0


@given(runs, runs, minutes, frequencies)
def test_effort_grows_with_runs(first, second, per_run, frequency):
    low, high = sorted([first, second])
    assert formulas.hours_per_year(
        formulas.runs_per_year(low, frequency, 220), per_run
    ) <= formulas.hours_per_year(formulas.runs_per_year(high, frequency, 220), per_run)


@given(runs, minutes, minutes)
def test_effort_grows_with_minutes(n, first, second):
    low, high = sorted([first, second])
    assert formulas.hours_per_year(n, low) <= formulas.hours_per_year(n, high)


@given(st.decimals(min_value=0, max_value=1000, places=2), days)
def test_unit_conversions(n, working_days):
    per_day = formulas.runs_per_year(n, "day", working_days)
    assert per_day == n * working_days
    assert formulas.runs_per_year(n, "week", working_days) == n * 48
    assert formulas.runs_per_year(n, "month", working_days) == n * 12
    assert formulas.runs_per_year(n * 12, "year", working_days) == formulas.runs_per_year(
        n, "month", working_days
    )
    assert formulas.hours_per_year(per_day, Decimal(60)) == per_day


@given(runs, minutes, money)
def test_an_fte_is_the_productive_hours(n, per_run, wage):
    hours = formulas.hours_per_year(n, per_run)
    assert formulas.fte_for_hours(hours, 1600) * 1600 == pytest.approx(hours)
    assert formulas.eur_for_hours(hours, wage) == hours * wage
