"""The rule table: one case per rule, and a property over every combination of inputs."""

import itertools

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
    "replace.spreadsheet": assessed(3, 3, 1, kind="spreadsheet", carries_process=True),
    "retire.spreadsheet": assessed(1, 3, 1, kind="spreadsheet", carries_process=True),
    "wrap.not_integrable": assessed(3, 3, 2, manual_work=True),
    "replatform.ageing_hosting": assessed(2, 3, 3, ageing_on_premises=True),
    "retain.watch": assessed(2, 2, 3),
    "retain.little_manual_work": assessed(3, 3, 2),
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
        (assessed(4, 3, 2, support=Support.SOON, manual_work=True), "wrap.not_integrable"),
        (assessed(3, 3, 2, ageing_on_premises=True, manual_work=True), "wrap.not_integrable"),
        (assessed(3, 3, 2, ageing_on_premises=True), "replatform.ageing_hosting"),
        (assessed(3, 3, 2, kind="infrastructure", manual_work=True), "retain.default"),
        (assessed(3, 3, 2, kind="infrastructure", ageing_on_premises=True), "retain.default"),
        (assessed(3, 3, 2, kind="suite", manual_work=True), "retain.default"),
        (
            assessed(4, 2, 1, capabilities=CapabilityMix.DIFFERENTIATING, kind="device"),
            "replace.weak_and_critical",
        ),
        (assessed(1, 4, 1, ageing_on_premises=True), "retain.default"),
        (assessed(2, 2, 2), "retain.watch"),
        (assessed(2, 2, 2, kind="spreadsheet"), "retain.watch"),  # carries no process
        (assessed(2, 4, 4, kind="spreadsheet", carries_process=True), "replace.spreadsheet"),
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
    manual_work=st.booleans(),
    carries_process=st.booleans(),
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


# Every combination of the three axes (4 x 4 x 4 = 64) times the overlap, lifecycle, support,
# hosting and kind facts: a rule decides, weak health is never "in good shape" or wrapped, the
# kind is respected and the TIME class never contradicts the strategy.
KINDS = ("application", "suite", "infrastructure", "device", "spreadsheet", "authority_portal", "")
COMBINATIONS = [
    Inputs(
        criticality,
        health,
        integration,
        lifecycle=lifecycle,
        support=support,
        overlap=overlap,
        ageing_on_premises=ageing,
        kind=kind,
        manual_work=manual,
        carries_process=carries,
        capabilities=capabilities,
    )
    for criticality, health, integration in itertools.product(range(1, 5), repeat=3)
    for lifecycle in Lifecycle
    for support in Support
    for overlap in Overlap
    for ageing in (False, True)
    for kind in KINDS
    for manual in (False, True)
    for carries in (False, True)
    for capabilities in (CapabilityMix.STANDARD, CapabilityMix.DIFFERENTIATING)
]
CONTRADICTING = {
    Strategy.RETIRE: {TimeClass.TOLERATE, TimeClass.INVEST, TimeClass.MIGRATE},
    Strategy.REPLACE: {TimeClass.TOLERATE, TimeClass.INVEST, TimeClass.ELIMINATE},
    Strategy.RETAIN: {TimeClass.MIGRATE, TimeClass.ELIMINATE},
    Strategy.WRAP: {TimeClass.TOLERATE, TimeClass.ELIMINATE},
    Strategy.REFACTOR: {TimeClass.TOLERATE, TimeClass.ELIMINATE},
    Strategy.REPLATFORM: {TimeClass.TOLERATE, TimeClass.ELIMINATE},
}


def test_all_64_score_combinations_with_every_fact_get_a_consistent_rule():
    scores = {(i.criticality, i.health, i.integration) for i in COMBINATIONS}
    assert len(scores) == 64
    fired = set()
    for inputs in COMBINATIONS:
        rule = decide(inputs)
        fired.add(rule.id)
        strategy = rule.strategy
        assert strategy in Strategy, inputs
        time = time_class(inputs, strategy)
        assert time not in CONTRADICTING[strategy], (inputs, rule.id, time)
        if inputs.health <= 2 and inputs.lifecycle not in (Lifecycle.PLANNED, Lifecycle.RETIRED):
            # weak health: replaced, refactored, re-platformed, retired, or kept and watched
            assert rule.id not in ("retain.default", "retain.little_manual_work"), inputs
            assert strategy is not Strategy.WRAP, inputs
        if strategy in (Strategy.WRAP, Strategy.REFACTOR, Strategy.REPLATFORM):
            assert inputs.kind == "application", (inputs, rule.id)
        if strategy is Strategy.WRAP:
            assert inputs.manual_work and inputs.health >= 3, inputs
        if inputs.kind == "spreadsheet" and inputs.carries_process:
            assert strategy in (Strategy.REPLACE, Strategy.RETIRE, Strategy.RETAIN), inputs
            if inputs.lifecycle in (Lifecycle.ACTIVE, Lifecycle.PHASE_OUT):
                assert strategy is not Strategy.RETAIN, inputs
    assert fired == {rule.id for rule in RULES} - {ASSESS_FIRST}


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (assessed(1, 4, 4, overlap=Overlap.RETIRE), TimeClass.ELIMINATE),  # not "tolerate"
        (assessed(4, 4, 4, lifecycle=Lifecycle.PHASE_OUT), TimeClass.MIGRATE),  # not "invest"
        (assessed(2, 2, 2), TimeClass.TOLERATE),  # kept and watched: not "eliminate"
        (assessed(3, 3, 1), TimeClass.INVEST),  # kept: not "migrate"
        (assessed(4, 4, 4), TimeClass.INVEST),
    ],
)
def test_the_time_class_follows_the_strategy_against_the_scores(inputs, expected):
    assert time_class(inputs, decide(inputs).strategy) is expected
