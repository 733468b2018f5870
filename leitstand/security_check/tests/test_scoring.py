"""The scorer: exact figures, table tests per rule, and properties that hold for any answers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis.company_check.scoring import (
    Outcome,
    answers_for_outcome,
    compare,
    percent_of_maximum,
    requirement_result,
    result_as_json,
    score_check,
)
from leitstand.security_check.catalogue import load_catalogue

CATALOGUE = load_catalogue()
NUMBERS = [r.number for r in CATALOGUE.requirements]
WITH_STATUS = ["07", "24", "25", "26"]


def outcomes(**given: str) -> dict:
    """Item answers for {number: outcome}; requirements not named are met."""
    chosen = {number: "met" for number in NUMBERS}
    chosen.update({key.removeprefix("r"): value for key, value in given.items()})
    return {
        number: answers_for_outcome(CATALOGUE.requirement(number), outcome)
        for number, outcome in chosen.items()
    }


def all_(outcome: str) -> dict:
    return outcomes(**{f"r{n}": outcome for n in NUMBERS})


def test_all_27_relevant_and_met_score_37():
    result = score_check(CATALOGUE, all_("met"))
    assert (result.score, result.max_score, result.percent) == (37, 37, Decimal("100.0"))
    assert result.top_unmet == () and result.band == "green"


def test_all_not_met_score_minus_15_and_0_percent():
    result = score_check(CATALOGUE, all_("not_met"))
    assert (result.score, result.max_score, result.min_score) == (-15, 37, -15)
    assert result.percent == Decimal("0.0")
    assert result.top_unmet == (1, 5, 11, 15, 20)
    assert result.band == "red"


def test_no_answers_at_all_count_as_not_met_and_are_all_open():
    result = score_check(CATALOGUE, {})
    assert result.score == -15
    assert result.max_score == 37  # an unanswered status question keeps the requirement
    assert all(r.outcome == Outcome.UNKNOWN for r in result.requirements)
    assert len(result.open_questions) == sum(len(r.items) for r in CATALOGUE.requirements)


def test_not_relevant_drops_out_of_score_and_maximum():
    result = score_check(CATALOGUE, outcomes(r07="not_relevant", r24="not_relevant"))
    assert (result.score, result.max_score) == (35, 35)
    assert result.percent == Decimal("100.0")


def test_all_four_not_relevant_all_else_unmet():
    result = score_check(
        CATALOGUE,
        outcomes(**{f"r{n}": "not_relevant" if n in WITH_STATUS else "not_met" for n in NUMBERS}),
    )
    assert (result.score, result.max_score) == (-15, 33)


@pytest.mark.parametrize(
    ("answers", "outcome", "open_items"),
    [
        ({"a": "yes", "b": "yes"}, Outcome.MET, ()),
        ({"a": "yes", "b": "no"}, Outcome.NOT_MET, ()),
        ({"a": "yes", "b": "unknown"}, Outcome.UNKNOWN, ("b",)),
        ({"a": "no", "b": "unknown"}, Outcome.NOT_MET, ("b",)),
        ({"a": "yes"}, Outcome.UNKNOWN, ("b",)),  # a missing part is not known
        ({}, Outcome.UNKNOWN, ("a", "b")),
    ],
)
def test_a_requirement_is_met_only_when_every_part_is_yes(answers, outcome, open_items):
    result = requirement_result(CATALOGUE.requirement("01"), answers)
    assert result.outcome == outcome
    assert result.open_items == open_items


@pytest.mark.parametrize(
    ("answers", "outcome", "points", "max_points"),
    [
        ({"status": "no"}, Outcome.NOT_RELEVANT, 0, 0),
        ({"status": "no", "a": "no", "b": "no"}, Outcome.NOT_RELEVANT, 0, 0),
        ({"status": "yes", "a": "yes", "b": "yes"}, Outcome.MET, 1, 1),
        ({"status": "unknown", "a": "yes", "b": "yes"}, Outcome.MET, 1, 1),
        ({"status": "yes", "a": "no", "b": "yes"}, Outcome.NOT_MET, 0, 1),
    ],
)
def test_a_status_question_answered_no_makes_the_requirement_not_relevant(
    answers, outcome, points, max_points
):
    result = requirement_result(CATALOGUE.requirement("24"), answers)
    assert (result.outcome, result.points, result.max_points) == (outcome, points, max_points)


def test_status_no_on_a_requirement_without_status_question_changes_nothing():
    result = requirement_result(CATALOGUE.requirement("11"), {"status": "no", "a": "no"})
    assert result.outcome == Outcome.NOT_MET
    assert result.points == -3


@pytest.mark.parametrize(
    ("guests", "part_b", "outcome"),
    [
        ("no", "no", Outcome.MET),  # no guests: the guest-network part drops out
        ("no", "unknown", Outcome.MET),
        ("yes", "no", Outcome.NOT_MET),
        ("yes", "yes", Outcome.MET),
        ("unknown", "no", Outcome.NOT_MET),  # not known: the part still applies
    ],
)
def test_wlan_guest_part_applies_only_when_guests_use_the_wlan(guests, part_b, outcome):
    answers = {"status": "yes", "guests": guests, "a": "yes", "b": part_b}
    assert requirement_result(CATALOGUE.requirement("25"), answers).outcome == outcome


@pytest.mark.parametrize(
    ("score", "maximum", "percent"),
    [(37, 37, "100.0"), (18, 36, "50.0"), (19, 37, "51.4"), (0, 37, "0.0"), (-15, 37, "0.0")],
)
def test_percent_is_the_score_over_the_relevant_maximum_and_never_negative(score, maximum, percent):
    assert percent_of_maximum(score, maximum) == Decimal(percent)


def test_unmet_lists_top_requirements_first():
    result = score_check(CATALOGUE, outcomes(r02="not_met", r20="not_met", r05="unknown"))
    assert [r.requirement.number for r in result.unmet] == ["05", "20", "02"]
    assert result.top_unmet == (5, 20)


def test_result_as_json_has_the_exchange_keys():
    data = result_as_json(score_check(CATALOGUE, outcomes(r11="not_met", r07="not_relevant")))
    assert data["score"] == 36 - 3 - 3
    assert data["max_score"] == 36
    assert data["percent"] == 83.3
    assert data["top_unmet"] == [11]
    assert data["requirements"]["07"] == "not_relevant"


def test_compare_lists_changed_requirements_with_their_kind():
    before = score_check(CATALOGUE, outcomes(r03="not_met", r07="not_relevant"))
    after = score_check(CATALOGUE, outcomes(r13="not_met"))
    changes = {c.number: c.kind for c in compare(before, after)}
    assert changes == {"03": "newly_met", "07": "newly_met", "13": "newly_unmet"}
    assert (before.score, after.score) == (35, 36)


OUTCOME = st.sampled_from(["met", "not_met", "unknown"])


@st.composite
def checks(draw):
    chosen = {}
    for number in NUMBERS:
        options = ["met", "not_met", "unknown"]
        if number in WITH_STATUS:
            options.append("not_relevant")
        chosen[f"r{number}"] = draw(st.sampled_from(options))
    return chosen


@given(checks(), st.sampled_from(NUMBERS))
def test_turning_a_requirement_from_not_met_to_met_never_lowers_the_score(chosen, number):
    worse = score_check(CATALOGUE, outcomes(**{**chosen, f"r{number}": "not_met"}))
    better = score_check(CATALOGUE, outcomes(**{**chosen, f"r{number}": "met"}))
    assert better.score > worse.score
    assert better.percent >= worse.percent


@given(checks(), st.sampled_from(WITH_STATUS))
def test_not_relevant_never_lowers_the_result_compared_with_not_met(chosen, number):
    unmet = score_check(CATALOGUE, outcomes(**{**chosen, f"r{number}": "not_met"}))
    dropped = score_check(CATALOGUE, outcomes(**{**chosen, f"r{number}": "not_relevant"}))
    assert dropped.score >= unmet.score
    assert dropped.percent >= unmet.percent


@given(checks())
def test_score_stays_within_the_range_of_the_relevant_requirements(chosen):
    result = score_check(CATALOGUE, outcomes(**chosen))
    assert result.min_score <= result.score <= result.max_score
    assert Decimal("0") <= result.percent <= Decimal("100")
    assert -15 <= result.score <= 37
