"""The roadmap's arithmetic: payback against a system's end, counted once, years."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis.roadmap import (
    PlannedCase,
    SystemEnd,
    add_months,
    payback_warnings,
    plan_totals,
)


def test_add_months_keeps_the_day_or_the_month_end():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)
    assert add_months(date(2027, 1, 1), Decimal("0.5")) == date(2027, 1, 17)


def test_wrap_of_an_erp_replaced_in_2028_warns_when_it_pays_back_later():
    replacement = SystemEnd("ProLog ERP 9", date(2028, 6, 30), "replacement", "ERP replacement")
    warnings = payback_warnings(
        date(2027, 4, 1), Decimal(60000), Decimal(12000), Decimal(60), [replacement]
    )
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.system_end == replacement
    assert warning.paid_back_on == date(2032, 4, 1)
    assert round(warning.benefit_months) == 15
    assert round(warning.recovered_share, 2) == Decimal("0.25")


def test_no_warning_when_it_pays_back_before_the_end():
    end = SystemEnd("ERP", date(2028, 6, 30), "end_of_support")
    assert (
        payback_warnings(date(2027, 1, 1), Decimal(1000), Decimal(12000), Decimal(1), [end]) == ()
    )


def test_no_payback_warning_for_risk_only_investments_ends_already_past_or_no_start():
    end = SystemEnd("ERP", date(2028, 6, 30), "end_of_support")
    assert payback_warnings(date(2027, 1, 1), Decimal(1000), Decimal(0), None, [end]) == ()
    assert payback_warnings(None, Decimal(1000), Decimal(10), Decimal(200), [end]) == ()
    past = SystemEnd("Access database", date(2020, 10, 13), "end_of_support")
    assert (
        payback_warnings(date(2027, 1, 1), Decimal(1000), Decimal(10), Decimal(200), [past]) == ()
    )


def case(pk, cash=(), hours=(), investment=0, start=None, benefit=None, running=0):
    return PlannedCase(
        initiative_id=pk,
        name=f"I{pk}",
        invest_on=start,
        benefit_start=benefit,
        investment_eur=Decimal(investment),
        running_cost_eur_per_year=Decimal(running),
        cash_by_source=tuple((s, Decimal(v)) for s, v in cash),
        hours_by_source=tuple((s, Decimal(v)) for s, v in hours),
    )


def test_two_initiatives_on_the_same_process_count_its_hours_once_and_say_so():
    totals = plan_totals(
        [case(1, hours=[("process:4", 2400)]), case(2, hours=[("process:4", 2200)])]
    )
    assert totals.capacity_hours_per_year == 2400
    (overlap,) = totals.overlaps
    assert overlap.source == "process:4"
    assert overlap.initiative_ids == (1, 2)
    assert overlap.counted == 2400
    assert overlap.left_out == 2200


def test_years_count_investment_when_spent_and_savings_from_the_rollout_month():
    totals = plan_totals(
        [
            case(
                1,
                cash=[("option:1", 1200)],
                investment=5000,
                start=date(2027, 1, 10),
                benefit=date(2027, 7, 1),
                running=600,
            )
        ],
        years=[2027, 2028],
    )
    first, second = totals.years
    assert first.investment_eur == 5000 and second.investment_eur == 0
    assert first.cash_saved_eur == 600 and second.cash_saved_eur == 1200
    assert first.running_cost_eur == 300 and second.running_cost_eur == 600


@settings(deadline=None)  # timing varies on a shared machine
@given(
    st.lists(
        st.tuples(
            st.integers(1, 5),
            st.sampled_from(["process:1", "process:2", "option:9"]),
            st.integers(0, 5000),
        ),
        max_size=12,
    )
)
def test_counted_once_total_is_the_sum_of_each_sources_largest_claim(claims):
    cases = {}
    for pk, source, value in claims:
        cases.setdefault(pk, []).append((source, value))
    totals = plan_totals([case(pk, hours=pairs) for pk, pairs in cases.items()])
    largest: dict[str, int] = {}
    for _pk, source, value in claims:
        largest[source] = max(largest.get(source, 0), value)
    assert totals.capacity_hours_per_year == sum(largest.values())


@settings(deadline=None)  # timing varies on a shared machine
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.decimals(min_value=0, max_value=10**9, places=1, allow_nan=False),
)
def test_any_payback_however_long_gives_a_date_or_a_warning(start, payback):
    end = SystemEnd("ERP", date(2030, 1, 1), "end_of_support")
    warnings = payback_warnings(start, Decimal(1000), Decimal(1), payback, [end])
    assert len(warnings) <= 1
    assert add_months(start, payback) >= start
