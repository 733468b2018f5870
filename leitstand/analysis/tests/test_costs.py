from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis import formulas
from leitstand.analysis.costs import figures_by_integration, integration_figures, manual_totals
from leitstand.analysis.snapshot import Integration
from leitstand.analysis.tests.builders import SETTINGS, flow
from leitstand.analysis.vocabulary import METHOD_CATEGORY, Frequency, MethodCategory


def test_manual_flow_has_hours_euros_and_error_cost():
    figures = integration_figures(
        flow(1, 1, 2, runs="40", minutes="17", error="3", fix="15"), SETTINGS
    )
    assert figures.runs_per_year == 8800
    assert figures.manual_hours.quantize(Decimal("0.1")) == Decimal("2493.3")
    assert figures.error_hours == 66
    assert figures.total_eur.quantize(Decimal(1)) == 115170
    assert figures.missing == ()


def test_automated_flow_needs_no_minutes():
    figures = integration_figures(flow(1, 1, 2, method="api", minutes=None, error=None), SETTINGS)
    assert figures.manual_hours == 0
    assert figures.error_hours == 0
    assert figures.missing == ()


def test_unknown_numbers_of_a_manual_flow_are_gaps_not_zero():
    figures = integration_figures(flow(1, 1, 2, runs=None, minutes=None, error=None), SETTINGS)
    assert figures.manual_hours is None
    assert figures.total_eur is None
    assert figures.fte is None
    assert set(figures.missing) == {"runs_per_period", "minutes_per_run", "error_rate_percent"}


def test_error_rate_without_fix_time_is_a_gap():
    figures = integration_figures(flow(1, 1, 2, error="2", fix=None), SETTINGS)
    assert figures.manual_hours == 220  # 10 runs a day x 220 days x 6 min / 60
    assert figures.error_hours is None
    assert figures.missing == ("minutes_to_fix_error",)


def test_totals_leave_unknown_flows_out_and_say_so():
    known = integration_figures(flow(1, 1, 2, runs="10", minutes="6"), SETTINGS)
    unknown = integration_figures(flow(2, 1, 3, runs=None), SETTINGS)
    errors_unknown = integration_figures(flow(3, 2, 3, error=None), SETTINGS)
    totals = manual_totals([known, unknown, errors_unknown], SETTINGS)
    assert totals.manual_hours == known.manual_hours + errors_unknown.manual_hours
    assert totals.counted == 2
    assert totals.left_out == 1
    assert totals.errors_unknown == 1
    assert totals.manual_eur == totals.manual_hours * 45
    assert totals.manual_fte == totals.manual_hours / 1600


def test_unknown_runs_with_known_errors_are_a_gap_even_at_zero_minutes():
    figures = integration_figures(
        flow(1, 1, 2, runs=None, minutes="0", error="2", fix="10"), SETTINGS
    )
    assert figures.manual_hours == 0
    assert figures.error_hours is None
    assert figures.missing == ("runs_per_period",)


maybe_number = st.one_of(st.none(), st.decimals(min_value=0, max_value=1_000, places=2))


@given(
    method=st.sampled_from(sorted(METHOD_CATEGORY)),
    frequency=st.sampled_from([str(f) for f in Frequency]),
    runs=maybe_number,
    minutes=maybe_number,
    error=st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=2)),
    fix=maybe_number,
    working_days=st.integers(min_value=0, max_value=366),
)
def test_figures_are_the_formulas_applied_one_by_one(
    method, frequency, runs, minutes, error, fix, working_days
):
    """The inlined batch computation agrees with the formula functions to the last digit."""
    settings = SETTINGS._replace(working_days_per_year=working_days)
    integration = Integration(1, 1, 2, method, frequency, runs, minutes, error, fix)
    figures = figures_by_integration([integration], settings)[1]

    automated = METHOD_CATEGORY[method] is MethodCategory.AUTOMATED
    expected_runs = None
    if runs is not None:
        expected_runs = formulas.runs_per_year(runs, frequency, working_days)
    if minutes is None and automated:
        minutes = Decimal(0)
    expected_hours = None
    if minutes == 0:
        expected_hours = Decimal(0)
    elif expected_runs is not None and minutes is not None:
        expected_hours = formulas.hours_per_year(expected_runs, minutes)
    if error is None:
        expected_errors = Decimal(0) if automated else None
    elif error == 0:
        expected_errors = Decimal(0)
    elif fix is None or expected_runs is None:
        expected_errors = None
    else:
        expected_errors = formulas.error_hours_per_year(expected_runs, error, fix)

    assert figures.runs_per_year == expected_runs
    assert figures.manual_hours == expected_hours
    assert figures.error_hours == expected_errors
    assert ("minutes_per_run" in figures.missing) == (minutes is None)
    if figures.missing:
        assert figures.manual_hours is None or figures.error_hours is None


def test_negative_inputs_are_refused_by_the_formulas():
    with pytest.raises(ValueError, match="minutes_per_run must not be negative"):
        integration_figures(flow(1, 1, 2, minutes="-1"), SETTINGS)
    with pytest.raises(ValueError, match="error_rate_percent must be at most 100"):
        integration_figures(flow(1, 1, 2, error="101", fix="5"), SETTINGS)
