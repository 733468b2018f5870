"""The rule table: one case per rule, and a property over every combination of inputs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis.messages import MESSAGE_KEYS
from leitstand.analysis.modernisation import (
    ASSESS_FIRST,
    HARDWARE_KINDS,
    RULES,
    CapabilityMix,
    Inputs,
    Overlap,
    Strategy,
    Support,
    TimeClass,
    decide,
    time_class,
)
from leitstand.analysis.vocabulary import Lifecycle


def assessed(criticality: int, health: int, integration: int, **facts) -> Inputs:
    return Inputs(criticality, health, integration, **facts)


# One representative case per rule: the inputs, and the rule that must decide them.
CASES = {
    "retire.retired": assessed(4, 4, 4, lifecycle=Lifecycle.RETIRED),
    "retain.planned": Inputs(lifecycle=Lifecycle.PLANNED),
    "retire.overlap": Inputs(overlap=Overlap.RETIRE),
    ASSESS_FIRST: Inputs(support=Support.PAST),
    "retire.low_value": assessed(1, 2, 4),
    "retire.phase_out": assessed(1, 4, 4, lifecycle=Lifecycle.PHASE_OUT),
    "replace.end_of_support": assessed(2, 1, 3, support=Support.PAST),
    "replace.support_ending": assessed(4, 2, 1, support=Support.SOON),
    "refactor.differentiating": assessed(3, 2, 3, capabilities=CapabilityMix.DIFFERENTIATING),
    "replace.poor_health": assessed(2, 1, 4),
    "replace.weak_and_critical": assessed(4, 2, 2, capabilities=CapabilityMix.STANDARD),
    "replace.phase_out": assessed(3, 4, 4, lifecycle=Lifecycle.PHASE_OUT),
    "wrap.not_integrable": assessed(3, 3, 2),
    "replatform.ageing_hosting": assessed(2, 3, 3, ageing_on_premises=True),
    "retain.default": assessed(3, 4, 3),
}


def test_every_rule_has_a_case():
    assert set(CASES) == {rule.id for rule in RULES}


@pytest.mark.parametrize(("rule_id", "inputs"), CASES.items(), ids=list(CASES))
def test_each_rule_decides_its_case(rule_id, inputs):
    rule = decide(inputs)
    assert rule.id == rule_id
    assert rule.strategy is (None if rule_id == ASSESS_FIRST else Strategy(rule_id.split(".")[0]))


def test_rules_are_found_by_their_strategy_name():
    for rule in RULES:
        if rule.id != ASSESS_FIRST:
            assert rule.id.split(".")[0] == rule.strategy.value


# Cases where the order of the rules matters: the first that holds wins.
@pytest.mark.parametrize(
    ("inputs", "rule_id"),
    [
        (assessed(4, 1, 1, support=Support.PAST, overlap=Overlap.RETIRE), "retire.overlap"),
        (assessed(4, 4, 4, overlap=Overlap.KEEP), "retain.default"),
        (assessed(4, 2, 2, support=Support.SOON), "replace.support_ending"),
        (assessed(4, 3, 2, support=Support.SOON), "wrap.not_integrable"),
        (assessed(3, 3, 2, ageing_on_premises=True), "wrap.not_integrable"),
        (assessed(3, 3, 2, kind="infrastructure"), "retain.default"),
        (
            assessed(3, 3, 2, kind="infrastructure", ageing_on_premises=True),
            "replatform.ageing_hosting",
        ),
        (
            assessed(4, 2, 1, capabilities=CapabilityMix.DIFFERENTIATING, kind="device"),
            "replace.weak_and_critical",
        ),
        (assessed(1, 4, 1, ageing_on_premises=True), "retain.default"),
        (assessed(2, 2, 2), "retain.default"),
    ],
)
def test_the_first_rule_that_holds_decides(inputs, rule_id):
    assert decide(inputs).id == rule_id


@pytest.mark.parametrize(
    ("criticality", "health", "integration", "expected"),
    [
        (4, 4, 4, TimeClass.INVEST),
        (3, 3, 2, TimeClass.INVEST),  # fit 5: good
        (3, 2, 2, TimeClass.MIGRATE),  # fit 4: poor
        (2, 4, 1, TimeClass.TOLERATE),
        (1, 1, 3, TimeClass.ELIMINATE),
    ],
)
def test_time_class_is_business_value_against_technical_fit(
    criticality, health, integration, expected
):
    assert time_class(assessed(criticality, health, integration)) is expected


def test_no_time_class_without_an_assessment():
    assert time_class(Inputs(criticality=3, health=None, integration=2)) is None


SCORES = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
INPUTS = st.builds(
    Inputs,
    criticality=SCORES,
    health=SCORES,
    integration=SCORES,
    lifecycle=st.sampled_from(list(Lifecycle)),
    support=st.sampled_from(list(Support)),
    overlap=st.sampled_from(list(Overlap)),
    ageing_on_premises=st.booleans(),
    capabilities=st.sampled_from(list(CapabilityMix)),
    kind=st.sampled_from(
        ["application", "suite", "spreadsheet", "authority_portal", "", *sorted(HARDWARE_KINDS)]
    ),
)


@settings(max_examples=600, deadline=None)
@given(INPUTS)
def test_every_combination_yields_exactly_one_strategy_with_an_explanation(inputs):
    holding = [rule for rule in RULES if rule.applies(inputs)]
    assert holding, "the last rule always holds"
    rule = decide(inputs)
    assert rule is holding[0]
    assert f"rule.{rule.id}" in MESSAGE_KEYS
    if rule.strategy is None:
        assert rule.id == ASSESS_FIRST and not inputs.assessed
    else:
        assert rule.strategy in Strategy
    assert (time_class(inputs) is None) is (not inputs.assessed)


@settings(max_examples=300, deadline=None)
@given(INPUTS)
def test_an_assessed_system_in_operation_always_gets_a_strategy(inputs):
    if inputs.assessed:
        assert decide(inputs).strategy in Strategy
