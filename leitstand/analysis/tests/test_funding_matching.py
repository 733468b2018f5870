"""A rule test for every programme of the catalogue: a company built from the programme's own
rules fits, and the same company changed in one fact (state, size, sector, de-minimis
headroom, a signed contract) does not. Then the cases a consultant checks by hand."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from leitstand.analysis.funding.catalogue import NACE_SECTIONS, TOPICS, Programme
from leitstand.analysis.funding.company import DeMinimisAid
from leitstand.analysis.funding.matching import (
    ELIGIBLE,
    MISSING,
    NOT_ELIGIBLE,
    effective_status,
    match_company,
)
from leitstand.analysis.tests.funding_builders import (
    catalogue_day,
    company,
    load_catalogue,
    other_state,
)

CATALOGUE = load_catalogue()
TODAY = catalogue_day(CATALOGUE)
PROGRAMMES = CATALOGUE.programmes
BIG_COSTS = {
    c: Decimal(40_000)
    for c in (
        "external_consulting",
        "software_licences",
        "implementation",
        "hardware",
        "training",
        "internal_staff",
    )
}


def fitting_company(programme: Programme, **changes):
    size = next(c for c in ("medium", "small", "micro", "none") if c in programme.size_classes)
    if programme.staff_below is not None and size == "medium":
        size = "small" if "small" in programme.size_classes else size
    facts = company(
        size,
        state=programme.states[0] if programme.states else "HE",
        nace_section=next(
            s for s in (programme.sectors or NACE_SECTIONS) if s not in programme.excluded_sectors
        ),
    )
    return replace(facts, **changes)


def costs_for(programme: Programme) -> dict:
    return {c: BIG_COSTS[c] for c in programme.costs} or dict(BIG_COSTS)


def decide(programme: Programme, facts, costs=None, today=TODAY):
    result = match_company(
        CATALOGUE, facts, costs if costs is not None else costs_for(programme), today
    )
    return result.match(programme.id)


def keys(reasons) -> set[str]:
    return {r.key for r in reasons}


@pytest.mark.parametrize("programme", PROGRAMMES, ids=lambda p: p.id)
def test_a_company_built_from_the_rules_fits_unless_the_programme_is_closed(programme):
    match = decide(programme, fitting_company(programme))
    if programme.status in ("ended", "successor"):
        assert match.decision == NOT_ELIGIBLE
        assert keys(match.blockers) & {"block.ended", "block.successor"}
    elif programme.status == "paused":
        assert match.decision == NOT_ELIGIBLE and "block.paused" in keys(match.blockers)
    else:
        assert match.decision == ELIGIBLE, [r.key for r in (*match.blockers, *match.missing)]
        if programme.kind == "grant" and programme.funding.rate_for(None, None) is not None:
            assert match.amount_eur > 0
        if programme.kind in ("loan", "loan_with_grant"):
            assert match.loan_eur > 0


OPEN = [p for p in PROGRAMMES if p.status == "open"]


@pytest.mark.parametrize("programme", [p for p in OPEN if p.states], ids=lambda p: p.id)
def test_a_company_in_another_state_does_not_fit(programme):
    facts = fitting_company(programme, state=other_state(programme.states))
    match = decide(programme, facts)
    assert match.decision == NOT_ELIGIBLE and "block.state" in keys(match.blockers)


@pytest.mark.parametrize(
    "programme",
    [p for p in OPEN if set(p.size_classes) != {"micro", "small", "medium", "none"}],
    ids=lambda p: p.id,
)
def test_a_company_of_a_size_not_allowed_does_not_fit(programme):
    size = next(c for c in ("none", "medium", "small", "micro") if c not in programme.size_classes)
    facts = replace(
        fitting_company(programme),
        **{
            k: v
            for k, v in company(size).__dict__.items()
            if k in ("fte", "turnover_eur", "balance_sheet_eur")
        },
    )
    match = decide(programme, facts)
    assert match.decision == NOT_ELIGIBLE
    assert keys(match.blockers) & {"block.size", "block.staff_limit"}


@pytest.mark.parametrize(
    "programme", [p for p in OPEN if p.sectors or p.excluded_sectors], ids=lambda p: p.id
)
def test_a_company_of_a_sector_not_allowed_does_not_fit(programme):
    section = next(
        s
        for s in NACE_SECTIONS
        if s in programme.excluded_sectors or (programme.sectors and s not in programme.sectors)
    )
    match = decide(programme, fitting_company(programme, nace_section=section))
    assert match.decision == NOT_ELIGIBLE and "block.sector" in keys(match.blockers)


@pytest.mark.parametrize(
    "programme",
    [p for p in OPEN if p.de_minimis == "yes" and p.kind != "free_advice"],
    ids=lambda p: p.id,
)
def test_no_de_minimis_headroom_left_does_not_fit(programme):
    used = (DeMinimisAid(TODAY - timedelta(days=100), Decimal(300_000), "Land"),)
    match = decide(programme, fitting_company(programme, de_minimis_aid=used))
    assert match.decision == NOT_ELIGIBLE
    assert "block.no_deminimis_headroom" in keys(match.blockers)


@pytest.mark.parametrize(
    "programme", [p for p in OPEN if p.apply_before_contract], ids=lambda p: p.id
)
def test_a_contract_already_signed_does_not_fit(programme):
    signed = date(TODAY.year, 3, 3)
    match = decide(programme, fitting_company(programme, contract_signed=signed))
    assert match.decision == NOT_ELIGIBLE
    blocker = next(r for r in match.blockers if r.key == "block.contract_signed")
    assert blocker.params["signed"].value == signed


def test_catalogue_covers_every_state_and_names_its_sources():
    covered = {s for p in PROGRAMMES if p.status in ("open", "paused") for s in p.states}
    assert covered | set(CATALOGUE.none_open) >= {
        "BW",
        "BY",
        "BE",
        "BB",
        "HB",
        "HH",
        "HE",
        "MV",
        "NI",
        "NW",
        "RP",
        "SL",
        "SN",
        "ST",
        "SH",
        "TH",
    }
    assert all(p.source.startswith("http") and p.last_verified for p in PROGRAMMES)
    assert any(p.status == "ended" for p in PROGRAMMES)


# ------------------------------------------------------------------ cases by hand
def programme(programme_id: str) -> Programme:
    return CATALOGUE.programme(programme_id)


def test_bavarian_digitalbonus_excludes_exactly_50_fte():
    bonus = programme("by-digitalbonus-standard")
    facts = company("small", state="BY", fte=Decimal(50))
    match = decide(bonus, facts)
    assert match.decision == NOT_ELIGIBLE and "block.size" in keys(match.blockers)
    assert decide(bonus, company("small", state="BY", fte=Decimal("49.5"))).eligible


def test_saxon_transformation_grant_pays_35_percent_to_medium_on_capped_costs():
    grant = programme("sn-digi-z-transformation")
    costs = {"software_licences": Decimal(50_000), "implementation": Decimal(80_000)}
    match = decide(grant, company("medium", state="SN"), costs)
    assert match.eligible_total == Decimal(130_000)
    assert match.amount_eur == Decimal(35_000)  # 35 % of the 100,000 cap
    small = decide(grant, company("small", state="SN"), costs)
    assert small.amount_eur == Decimal(30_000)  # 50 % of the 60,000 cap


def test_saxon_training_is_limited_to_a_fifth_of_the_eligible_costs():
    grant = programme("sn-digi-z-transformation")
    costs = {"implementation": Decimal(40_000), "training": Decimal(20_000)}
    match = decide(grant, company("medium", state="SN"), costs)
    assert match.eligible_costs["training"] == Decimal(10_000)  # 20 % of 50,000


def test_bafa_rate_is_80_percent_in_the_east_and_50_in_the_west():
    bafa = programme("bafa-beratung")
    costs = {"external_consulting": Decimal(5_000)}
    assert decide(bafa, company(state="SN"), costs).amount_eur == Decimal(2_800)
    assert decide(bafa, company(state="HE"), costs).amount_eur == Decimal(1_750)
    assert (
        decide(bafa, company(state="HE"), {"software_licences": Decimal(9_000)}).decision
        == NOT_ELIGIBLE
    )


def test_mv_needs_fewer_than_100_staff_and_a_listed_sector():
    mv = programme("mv-digitalisierungsfoerderung")
    open_mv = replace(mv, status="open")
    cat = replace(CATALOGUE, programmes=tuple(open_mv if p.id == mv.id else p for p in PROGRAMMES))
    costs = {"software_licences": Decimal(40_000)}
    fits = match_company(cat, company("medium", state="MV", nace_section="C"), costs, TODAY)
    assert fits.match(mv.id).eligible and fits.match(mv.id).amount_eur == Decimal(20_000)
    big = company("medium", state="MV", nace_section="C", fte=Decimal(100))
    assert "block.staff_limit" in keys(match_company(cat, big, costs, TODAY).match(mv.id).blockers)
    shop = company("medium", state="MV", nace_section="G")
    assert "block.sector" in keys(match_company(cat, shop, costs, TODAY).match(mv.id).blockers)


def test_bremen_needs_one_year_on_the_market_and_says_the_rate_is_unknown():
    bremen = programme("hb-digitaler-mittelstand")
    young = decide(bremen, company(state="HB", founded=TODAY.year))
    assert "block.age" in keys(young.blockers)
    older = decide(bremen, company(state="HB", founded=TODAY.year - 3))
    assert older.eligible and "warn.rate_unknown" in keys(older.warnings)


def test_kfw_tiers_cannot_be_combined_and_levelup_has_a_3_percent_grant_share():
    result = match_company(
        CATALOGUE, company(state="HE"), {"implementation": Decimal(100_000)}, TODAY
    )
    levelup = result.match("kfw-511-levelup")
    assert levelup.loan_eur == Decimal(100_000) and levelup.amount_eur == Decimal(3_000)
    assert set(levelup.conflicts) == {"kfw-511-basis", "kfw-511-highend"}
    assert "warn.not_combinable" in keys(levelup.warnings)


def test_missing_facts_are_named_instead_of_guessed():
    bonus = programme("by-digitalbonus-standard")
    match = decide(bonus, replace(company("small"), state=None, fte=None))
    assert match.decision == MISSING
    assert {"missing.state", "missing.size"} <= keys(match.missing)


def test_stale_entries_warn_and_expired_ones_never_show_as_open():
    levelup = programme("kfw-511-levelup")
    later = levelup.last_verified + timedelta(days=CATALOGUE.stale_after_days + 1)
    assert effective_status(levelup, later, CATALOGUE.stale_after_days) == "check_needed"
    stale = decide(levelup, company(state="HE"), today=later)
    assert "warn.stale" in keys(stale.warnings)
    bafa = programme("bafa-beratung")
    after = bafa.valid_until + timedelta(days=1)
    assert effective_status(bafa, after, CATALOGUE.stale_after_days) == "expired"
    assert "block.past_valid_until" in keys(decide(bafa, company(), today=after).blockers)


def test_de_minimis_amount_is_capped_by_the_headroom_left():
    grant = programme("sn-digi-z-transformation")
    th = programme("th-digitalbonus")
    used = (DeMinimisAid(TODAY - timedelta(days=30), Decimal(290_000), "Land"),)
    match = decide(
        th, company(state="TH", de_minimis_aid=used), {"software_licences": Decimal(40_000)}
    )
    assert match.amount_eur == Decimal(10_000)
    assert "warn.deminimis_capped" in keys(match.warnings)
    assert grant.de_minimis == "unknown"


@pytest.mark.parametrize("programme", [p for p in OPEN if p.topics], ids=lambda p: p.id)
def test_a_project_about_something_else_does_not_fit(programme):
    other = next(t for t in TOPICS if t not in programme.topics)
    match = decide(programme, fitting_company(programme, topics=(other,)))
    assert match.decision == NOT_ELIGIBLE and "block.topic" in keys(match.blockers)
    fits = decide(programme, fitting_company(programme, topics=programme.topics[:1]))
    assert fits.eligible and "match.topic" in keys(fits.reasons)


def test_without_a_topic_the_programme_says_what_it_funds():
    security = programme("nw-mid-digitale-sicherheit")
    match = decide(security, company(state="NW"))
    assert match.eligible and "warn.topic_unknown" in keys(match.warnings)
