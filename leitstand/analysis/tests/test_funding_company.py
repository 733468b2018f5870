"""EU SME class (Recommendation 2003/361/EC) on its thresholds, partner and linked
enterprises aggregated, and the rolling de-minimis headroom."""

from datetime import date
from decimal import Decimal

import pytest

from leitstand.analysis.funding.company import (
    CompanyFacts,
    DeMinimisAid,
    LinkedEnterprise,
    de_minimis_status,
    size_class,
    window_start,
)
from leitstand.analysis.tests.funding_builders import load_catalogue

CATALOGUE = load_catalogue()
THRESHOLDS = CATALOGUE.thresholds
RULE = CATALOGUE.de_minimis


def decide(fte, turnover=Decimal(1_000_000), balance=Decimal(1_000_000), **changes):
    facts = CompanyFacts(
        fte=Decimal(str(fte)) if fte is not None else None,
        turnover_eur=turnover,
        balance_sheet_eur=balance,
        has_linked_enterprises=changes.pop("has_linked_enterprises", False),
        **changes,
    )
    return size_class(facts, THRESHOLDS)


@pytest.mark.parametrize(
    ("fte", "expected"),
    [
        (0, "micro"),
        ("9.99", "micro"),
        (10, "small"),
        ("49.5", "small"),
        (50, "medium"),
        ("249.99", "medium"),
        (250, "none"),
    ],
)
def test_staff_thresholds_are_fewer_than(fte, expected):
    assert decide(fte).sme_class == expected


def test_exactly_50_fte_is_medium_and_says_why():
    decision = decide(50, Decimal(8_000_000), Decimal(4_000_000))
    assert decision.sme_class == "medium"
    keys = [r.key for r in decision.reasons]
    assert "sme.staff_not_below" in keys and keys[-1] == "sme.within"


def test_turnover_above_but_balance_sheet_within_keeps_the_class():
    assert decide(30, Decimal(12_000_000), Decimal(9_000_000)).sme_class == "small"


def test_turnover_and_balance_sheet_above_moves_up_a_class():
    decision = decide(30, Decimal(12_000_000), Decimal(11_000_000))
    assert decision.sme_class == "medium"
    assert "sme.money_above" in [r.key for r in decision.reasons]


def test_large_company_is_not_an_sme():
    assert decide(100, Decimal(60_000_000), Decimal(50_000_000)).sme_class == "none"


def test_medium_balance_sheet_limit_is_43_million():
    assert decide(100, Decimal(60_000_000), Decimal(43_000_000)).sme_class == "medium"


def test_partner_enterprise_counts_by_its_share():
    partner = LinkedEnterprise(
        "Holding", "partner", Decimal(30), Decimal(40), Decimal(1_000_000), Decimal(500_000)
    )
    decision = decide(40, linked_enterprises=(partner,), has_linked_enterprises=True)
    assert decision.fte == Decimal(52)  # 40 + 30 % of 40
    assert decision.sme_class == "medium"
    assert "sme.aggregated" in [r.key for r in decision.reasons]


def test_linked_enterprise_counts_in_full():
    linked = LinkedEnterprise(
        "Mother", "linked", None, Decimal(5), Decimal(9_500_000), Decimal(9_500_000)
    )
    decision = decide(
        8,
        Decimal(1_000_000),
        Decimal(1_000_000),
        linked_enterprises=(linked,),
        has_linked_enterprises=True,
    )
    assert decision.fte == Decimal(13)
    assert decision.turnover_eur == Decimal(10_500_000)
    assert decision.sme_class == "medium"  # 13 FTE, 10.5 M turnover and balance sheet


def test_linked_enterprises_without_figures_leave_the_class_open():
    decision = decide(20, has_linked_enterprises=True)
    assert decision.sme_class is None
    assert set(decision.possible) == {"small", "medium", "none"}
    assert "linked_enterprises" in decision.missing


def test_already_too_large_is_decided_even_with_unknown_partners():
    decision = decide(300, Decimal(90_000_000), Decimal(90_000_000), has_linked_enterprises=True)
    assert decision.sme_class == "none"


def test_missing_staff_is_named():
    decision = decide(None)
    assert decision.sme_class is None
    assert decision.missing == ("fte",)


def test_unknown_money_with_few_staff_is_still_an_sme_but_open():
    decision = decide(5, None, None)
    assert decision.sme_class is None
    assert set(decision.possible) == {"micro", "small", "medium", "none"}
    assert {"turnover_eur", "balance_sheet_eur"} <= set(decision.missing)


def test_headroom_counts_aid_in_the_rolling_three_years():
    today = date(2026, 12, 7)
    aid = (
        DeMinimisAid(date(2023, 12, 7), Decimal(100_000), "counts: exactly three years"),
        DeMinimisAid(date(2023, 12, 6), Decimal(50_000), "too old"),
        DeMinimisAid(date(2026, 1, 15), Decimal(20_000), "BAFA"),
    )
    status = de_minimis_status(CompanyFacts(de_minimis_aid=aid), RULE, today)
    assert status.used_eur == Decimal(120_000)
    assert status.headroom_eur == Decimal(180_000)
    assert "deminimis.older_aid_ignored" in [r.key for r in status.reasons]


def test_headroom_never_negative_and_unknown_without_a_declaration():
    over = (DeMinimisAid(date(2026, 1, 1), Decimal(350_000), "x"),)
    assert (
        de_minimis_status(CompanyFacts(de_minimis_aid=over), RULE, date(2026, 6, 1)).headroom_eur
        == 0
    )
    assert de_minimis_status(CompanyFacts(), RULE, date(2026, 6, 1)).headroom_eur is None
    total = CompanyFacts(de_minimis_total_eur=Decimal(12_500))
    assert de_minimis_status(total, RULE, date(2026, 6, 1)).headroom_eur == Decimal(287_500)


def test_window_start_on_29_february():
    assert window_start(date(2028, 2, 29), 3) == date(2025, 2, 28)
