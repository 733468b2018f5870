"""Guided answers to scores, and the facts' defaults and bounds."""

from datetime import date

import pytest

from leitstand.assessment.questions import catalogue, question_by_key
from leitstand.assessment.scoring import SystemFacts, fact_bounds, fact_defaults, guided_score

NO_FACTS = SystemFacts(None, False, (), ())


def test_the_catalogue_has_questions_for_each_axis_in_both_languages():
    for axis, questions in catalogue().items():
        assert questions.questions, axis
        for question in questions.questions:
            assert question.texts["en"] and question.texts["de"]
            assert len(question.options) >= 3
            assert all(o.texts["en"] and o.texts["de"] for o in question.options)
    assert len(question_by_key()) == sum(len(a.questions) for a in catalogue().values())


def test_criticality_takes_the_highest_answer():
    score = guided_score(
        "criticality", {"gone_for_a_day": "team_slowed", "records": "originals"}, {}
    )
    assert score.value == 3
    assert [a.option.score for a in score.answers] == [2, 3]
    assert "highest" in score.combination


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"vendor_updates": "installed", "trouble": "few_times_a_year"}, 3),  # 3.5: half down
        ({"vendor_updates": "installed", "trouble": "rarely", "who_can_run_it": "two"}, 4),  # 3.67
        ({"vendor_updates": "installed", "trouble": "rarely", "written_down": "partly"}, 3),
        ({"vendor_updates": "ending", "who_can_run_it": "one", "written_down": "partly"}, 2),
    ],
)
def test_health_is_the_average_rounded_with_halves_down(answers, expected):
    assert guided_score("health", answers, {}).value == expected


def test_an_answer_can_cap_health():
    answers = {"vendor_updates": "ended", "trouble": "rarely", "who_can_run_it": "several"}
    score = guided_score("health", answers, {})
    assert score.value == 1
    assert "limits it to 1" in score.combination


def test_ended_support_caps_health_and_api_flows_raise_integration():
    facts = SystemFacts(date(2020, 10, 13), True, ("Portal",), ())
    bounds = fact_bounds(facts)
    health = guided_score("health", {"vendor_updates": "installed", "trouble": "rarely"}, bounds)
    assert health.value == 1 and health.bound is bounds["health"]
    assert "13 Oct 2020" in health.bound.reason
    integration = guided_score("integration", {"read_automatically": "by_hand"}, bounds)
    assert integration.value == 3 and "Portal" in integration.bound.reason


def test_no_answer_gives_no_score():
    assert guided_score("integration", {"read_automatically": ""}, {}).value is None
    assert guided_score("integration", {"unknown": "api"}, {}).value is None


@pytest.mark.parametrize(
    ("facts", "health", "integration"),
    [
        (NO_FACTS, None, 1),
        (SystemFacts(None, False, (), ("Accounting",)), None, 2),
        (SystemFacts(None, False, ("Shop",), ("Accounting",)), None, 3),
        (SystemFacts(date(2020, 1, 1), True, (), ()), 1, 1),
    ],
)
def test_facts_set_the_defaults(facts, health, integration):
    defaults = fact_defaults(facts)
    assert (defaults["health"].value if "health" in defaults else None) == health
    assert defaults["integration"].value == integration
