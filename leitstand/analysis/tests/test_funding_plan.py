"""The funding plan adds up, whatever the company, the costs and the programmes chosen."""

from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis.funding.catalogue import COST_CATEGORIES, STATES
from leitstand.analysis.funding.company import DeMinimisAid
from leitstand.analysis.funding.matching import match_company
from leitstand.analysis.funding.plan import build_plan, suggested_programmes
from leitstand.analysis.tests.funding_builders import catalogue_day, company, load_catalogue

CATALOGUE = load_catalogue()
TODAY = catalogue_day(CATALOGUE)
IDS = [p.id for p in CATALOGUE.programmes]

amounts = st.integers(min_value=0, max_value=400_000).map(Decimal)
costs_strategy = st.fixed_dictionaries({c: amounts for c in COST_CATEGORIES})
companies = st.builds(
    lambda size, state, used: company(
        size,
        state=state,
        de_minimis_aid=(DeMinimisAid(TODAY - timedelta(days=10), Decimal(used), "x"),),
    ),
    st.sampled_from(["micro", "small", "medium", "none"]),
    st.sampled_from(STATES),
    st.integers(min_value=0, max_value=320_000),
)


def check_invariants(plan, result):
    assert sum(plan.costs.values()) == plan.total_eur
    grant_only = sum(line.grant_eur for line in plan.lines if line.loan_eur == 0)
    assert grant_only + plan.loans_eur + plan.own_funds_eur == plan.total_eur
    assert plan.own_funds_eur >= 0
    assert plan.own_share_eur == plan.total_eur - plan.grants_eur
    assert 0 <= plan.grants_eur <= plan.total_eur
    for category in COST_CATEGORIES:
        assert 0 <= plan.funded_by_category[category] <= plan.costs[category]
    for line in plan.lines:
        assert sum(line.funded_by_category.values()) in (line.grant_eur, line.loan_eur)
        assert line.match.eligible
    if result.de_minimis.headroom_eur is not None:
        assert plan.de_minimis_eur <= result.de_minimis.headroom_eur


@settings(max_examples=150, deadline=None)
@given(companies, costs_strategy)
def test_suggested_plan_adds_up(facts, costs):
    result = match_company(CATALOGUE, facts, costs, TODAY)
    plan = build_plan(result, suggested_programmes(result), costs)
    check_invariants(plan, result)
    assert not [i for i in plan.issues if i.key == "plan.not_combinable"]


@settings(max_examples=150, deadline=None)
@given(companies, costs_strategy, st.lists(st.sampled_from(IDS), max_size=8))
def test_any_choice_adds_up_and_leaves_out_what_does_not_fit(facts, costs, chosen):
    result = match_company(CATALOGUE, facts, costs, TODAY)
    plan = build_plan(result, chosen, costs)
    check_invariants(plan, result)
    used = {line.programme_id for line in plan.lines}
    for programme_id in used:
        assert not set(result.match(programme_id).conflicts) & used


def test_a_saxon_medium_company_order_intake_plan():
    """Muster Logistik's size (56.5 FTE) placed in Saxony, with 83,000 EUR of order-intake
    costs: Saxon grant, BAFA, KfW LevelUp (the demo itself is in NW: funding/tests/test_demo.py)."""
    facts = company(
        "medium",
        state="SN",
        fte=Decimal("56.5"),
        turnover_eur=Decimal(8_500_000),
        balance_sheet_eur=Decimal(4_200_000),
    )
    costs = {
        "external_consulting": Decimal(3_500),
        "software_licences": Decimal(18_000),
        "implementation": Decimal(42_000),
        "training": Decimal(6_000),
        "internal_staff": Decimal(13_500),
    }
    result = match_company(CATALOGUE, facts, costs, TODAY)
    chosen = suggested_programmes(result)
    assert {"sn-digi-z-transformation", "bafa-beratung", "kfw-511-levelup"} <= set(chosen)
    plan = build_plan(result, chosen, costs)
    by_id = {line.programme_id: line for line in plan.lines}
    assert by_id["sn-digi-z-transformation"].grant_eur == Decimal("23100.00")  # 35 % of 66,000
    assert by_id["bafa-beratung"].grant_eur == Decimal("2800.00")  # 80 % of 3,500
    # The loan finances what the grants leave: 83,000 - 23,100 - 2,800 = 57,100; 3 % share.
    assert by_id["kfw-511-levelup"].loan_eur == Decimal("57100.00")
    assert by_id["kfw-511-levelup"].grant_eur == Decimal("1713.00")
    assert plan.total_eur == Decimal(83_000)
    assert plan.own_funds_eur == 0
    assert plan.own_share_eur == Decimal(83_000) - Decimal("27613.00")
