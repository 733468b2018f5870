"""Business case per option: the figures against the plain formulas of DOMAIN.md."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis.business_case import Effect, Investment, business_case

money = st.decimals(min_value=0, max_value=500_000, places=2, allow_nan=False)
hours = st.decimals(min_value=0, max_value=20_000, places=1, allow_nan=False)
labour = st.decimals(min_value=1, max_value=200, places=2, allow_nan=False)


def test_order_intake_case_shows_cash_and_capacity_apart():
    case = business_case(
        Investment(
            licences_eur=Decimal(6000),
            implementation_eur=Decimal(12000),
            internal_hours=Decimal(80),
            training_eur=Decimal(2400),
            running_cost_eur_per_year=Decimal(4800),
        ),
        Effect(hours_freed_per_year=Decimal(2400)),
        Decimal(45),
        1600,
    )
    assert case.investment_eur == 6000 + 12000 + 80 * 45 + 2400  # 24,000
    assert case.cash_eur_per_year == -4800  # a new subscription: it costs cash
    assert case.capacity_hours_per_year == 2400
    assert case.capacity_fte == Decimal("1.5")
    assert case.capacity_eur_per_year == 108_000
    assert case.benefit_eur_per_year == 108_000 - 4800
    assert case.payback_months == Decimal(24000) / Decimal(103200) * 12
    assert (
        case.payback_months_if_30_percent_less
        == Decimal(24000) / (Decimal(108000) * Decimal("0.7") - 4800) * 12
    )
    assert case.risk_eur_per_year is None


def test_an_option_that_only_costs_never_pays_back():
    case = business_case(
        Investment(implementation_eur=Decimal(5000), running_cost_eur_per_year=Decimal(100)),
        Effect(),
        Decimal(45),
        1600,
    )
    assert case.payback_months is None
    assert case.payback_months_if_30_percent_less is None


def test_risk_reduced_is_outage_cost_times_hours_and_stays_out_of_the_payback():
    without = business_case(
        Investment(training_eur=Decimal(1000)),
        Effect(cash_saved_eur_per_year=Decimal(500)),
        45,
        1600,
    )
    with_risk = business_case(
        Investment(training_eur=Decimal(1000)),
        Effect(
            cash_saved_eur_per_year=Decimal(500),
            outage_eur_per_hour=Decimal(2000),
            outage_hours_avoided_per_year=Decimal(8),
        ),
        45,
        1600,
    )
    assert with_risk.risk_eur_per_year == 16000
    assert with_risk.payback_months == without.payback_months == 24


@settings(deadline=None)  # timing varies on a shared machine
@given(money, money, hours, money, money, money, hours, labour, st.integers(1000, 2000))
def test_case_equals_the_plain_formulas(
    licences, implementation, internal, training, running, saved, freed, cost, per_fte
):
    case = business_case(
        Investment(licences, implementation, internal, training, running),
        Effect(cash_saved_eur_per_year=saved, hours_freed_per_year=freed),
        cost,
        per_fte,
    )
    investment = licences + implementation + internal * cost + training
    capacity = freed * cost
    benefit = saved - running + capacity
    reduced = (saved + capacity) * Decimal("0.7") - running
    assert case.investment_eur == investment
    assert case.cash_eur_per_year == saved - running
    assert case.capacity_eur_per_year == capacity
    assert case.capacity_fte == freed / per_fte
    assert case.payback_months == (investment / benefit * 12 if benefit > 0 else None)
    assert case.payback_months_if_30_percent_less == (
        investment / reduced * 12 if reduced > 0 else None
    )


@settings(deadline=None)  # timing varies on a shared machine
@given(money, money, hours, labour)
def test_thirty_percent_less_never_pays_back_sooner(investment, saved, freed, cost):
    case = business_case(
        Investment(implementation_eur=investment, running_cost_eur_per_year=Decimal(0)),
        Effect(cash_saved_eur_per_year=saved, hours_freed_per_year=freed),
        cost,
        1600,
    )
    if case.payback_months is None:
        assert case.payback_months_if_30_percent_less is None
    elif case.payback_months_if_30_percent_less is not None:
        assert case.payback_months_if_30_percent_less >= case.payback_months
