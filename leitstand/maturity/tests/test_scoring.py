"""Scoring of the self-assessment (pure): each axis 0-100 as the mean of its items, overall the
mean of the six, the DII count with Eurostat's bands, the weakest axis, the change."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leitstand.analysis.maturity.scoring import band_of, compare, score_assessment
from leitstand.maturity.catalogue import load_catalogue

CATALOGUE = load_catalogue()
AXES = [axis.key for axis in CATALOGUE.axes]
VALUES = ("yes", "partly", "no", "unknown")


def _only(axis: str, value: str) -> dict[str, str]:
    return {item.key: value for item in CATALOGUE.items_of(axis)}


@pytest.mark.parametrize("axis", AXES)
def test_an_axis_answered_yes_throughout_scores_100_and_advanced(axis):
    result = score_assessment(CATALOGUE, _only(axis, "yes"))
    scores = result.axis_by_key
    assert scores[axis].score == 100
    assert scores[axis].band.key == "advanced"
    assert all(scores[other].score == 0 for other in AXES if other != axis)


@pytest.mark.parametrize("axis", AXES)
def test_an_axis_answered_partly_throughout_scores_50(axis):
    assert score_assessment(CATALOGUE, _only(axis, "partly")).axis_by_key[axis].score == 50


@pytest.mark.parametrize("axis", AXES)
def test_an_axis_is_the_mean_of_its_items(axis):
    items = CATALOGUE.items_of(axis)
    answers = {items[0].key: "yes"}
    if len(items) > 2:
        answers[items[1].key] = "partly"
    reached = Decimal(1) + (Decimal("0.5") if len(items) > 2 else 0)
    expected = int((reached / len(items) * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    score = score_assessment(CATALOGUE, answers).axis_by_key[axis]
    assert score.score == expected
    assert score.reached == reached
    assert score.unknown == len(items) - len(answers)


def test_strategy_two_yes_one_no_is_67_moderately_advanced():
    answers = {"strategy_plan": "yes", "strategy_budget": "yes", "strategy_risks": "no"}
    strategy = score_assessment(CATALOGUE, answers).axis_by_key["strategy"]
    assert (strategy.score, strategy.band.key) == (67, "moderately_advanced")


def test_readiness_counts_eleven_items():
    answers = {item.key: "yes" for item in CATALOGUE.items_of("readiness")}
    answers["readiness_supported"] = "partly"
    assert score_assessment(CATALOGUE, answers).axis_by_key["readiness"].score == 95  # 10.5/11


def test_overall_is_the_mean_of_the_six_shown_axis_scores():
    answers = {**_only("strategy", "yes"), **_only("green", "partly")}
    result = score_assessment(CATALOGUE, answers)
    assert result.overall == Decimal("25.0")  # (100 + 0 + 0 + 0 + 0 + 50) / 6
    assert result.overall_band.key == "basic"


@pytest.mark.parametrize(
    ("count", "band", "basic"),
    [
        (0, "very_low", False),
        (3, "very_low", False),
        (4, "low", True),
        (6, "low", True),
        (7, "high", True),
        (9, "high", True),
        (10, "very_high", True),
        (12, "very_high", True),
    ],
)
def test_dii_count_and_band(count, band, basic):
    answers = {item.key: "yes" for item in CATALOGUE.dii_items[:count]}
    answers.update({item.key: "no" for item in CATALOGUE.dii_items[count:]})
    result = score_assessment(CATALOGUE, answers)
    assert result.dii_count == count
    assert result.dii_band.key == band
    assert result.dii_at_least_basic is basic


def test_only_yes_counts_for_the_dii_and_judgement_items_never_do():
    answers = {item.key: "yes" for item in CATALOGUE.items if not item.dii}
    answers["dii_erp"] = "unknown"
    assert score_assessment(CATALOGUE, answers).dii_count == 0


def test_unknown_and_nonsense_count_zero_and_are_open():
    result = score_assessment(CATALOGUE, {"dii_erp": "maybe", "dii_crm": "yes"})
    assert "dii_erp" in result.open_items
    assert "dii_crm" not in result.open_items
    assert len(result.open_items) == 25


def test_the_weakest_axis_is_the_lowest_and_the_first_on_a_tie():
    assert score_assessment(CATALOGUE, {}).weakest.key == "strategy"
    answers = {item.key: "yes" for item in CATALOGUE.items}
    answers["green_energy"] = "no"
    assert score_assessment(CATALOGUE, answers).weakest.key == "green"


def test_dma_bands_use_the_score_rounded_half_up():
    bands = CATALOGUE.dma_bands
    assert band_of(bands, Decimal("25.4")).key == "basic"
    assert band_of(bands, Decimal("25.5")).key == "average"
    assert band_of(bands, 76).key == "advanced"


def test_change_per_axis_and_per_item():
    before = {"dii_erp": "no", "strategy_plan": "partly"}
    after = {"dii_erp": "yes", "strategy_plan": "partly", "green_energy": "no"}
    change = compare(CATALOGUE, before, after)
    readiness = next(a for a in change.axes if a.key == "readiness")
    assert (readiness.before, readiness.after, readiness.delta) == (0, 9, 9)
    assert [(i.key, i.before, i.after, i.direction) for i in change.items] == [
        ("dii_erp", "no", "yes", 1),
        ("green_energy", "unknown", "no", 0),
    ]
    assert change.dii_delta == 1


def test_dii_counts_of_different_variants_are_not_compared():
    change = compare(CATALOGUE, {}, {"dii_erp": "yes"}, "v4", "v3")
    assert change.dii_delta is None
    assert change.dii_after == 1


KEYS = [item.key for item in CATALOGUE.items]
# one value per item (a missing answer is "unknown"): cheap to generate even on a busy machine
answers_strategy = st.lists(st.sampled_from(VALUES), min_size=len(KEYS), max_size=len(KEYS)).map(
    lambda values: dict(zip(KEYS, values, strict=True))
)
ROBUST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROBUST
@given(answers_strategy)
def test_property_scores_stay_in_range_and_overall_is_the_mean(answers):
    result = score_assessment(CATALOGUE, answers)
    scores = [axis.score for axis in result.axes]
    assert all(0 <= score <= 100 for score in scores)
    assert abs(result.overall - Decimal(sum(scores)) / 6) <= Decimal("0.05")
    assert result.dii_count == sum(
        1 for item in CATALOGUE.dii_items if answers.get(item.key) == "yes"
    )
    assert 0 <= result.dii_count <= 12


@ROBUST
@given(answers_strategy, st.sampled_from(KEYS))
def test_property_a_better_answer_never_lowers_a_score(answers, key):
    lower = {**answers, key: "no"}
    higher = {**answers, key: "yes"}
    before, after = score_assessment(CATALOGUE, lower), score_assessment(CATALOGUE, higher)
    assert all(a.score >= b.score for a, b in zip(after.axes, before.axes, strict=True))
    assert after.overall >= before.overall
    assert after.dii_count >= before.dii_count
