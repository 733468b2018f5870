from decimal import Decimal

from leitstand.analysis.costs import integration_figures, manual_totals
from leitstand.analysis.tests.builders import SETTINGS, flow


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
