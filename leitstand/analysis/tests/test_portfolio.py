"""From the snapshot to the rule table's inputs, and what a recommendation says it used."""

from dataclasses import replace
from datetime import date

from leitstand.analysis import analyze
from leitstand.analysis.modernisation import CapabilityMix, Overlap, Strategy, Support
from leitstand.analysis.portfolio import (
    a_year_after,
    ageing_on_premises,
    describe,
    support_status,
)
from leitstand.analysis.snapshot import (
    Assessment,
    Capability,
    Override,
    System,
    SystemResilienceFacts,
)
from leitstand.analysis.tests.builders import landscape

TODAY = date(2026, 11, 23)


def _portfolio(systems, assessments=(), overrides=(), capabilities=None):
    snapshot = replace(
        landscape(systems),
        assessments=tuple(assessments),
        overrides=tuple(overrides),
        as_of=TODAY,
    )
    if capabilities is not None:
        snapshot = replace(snapshot, capabilities=tuple(capabilities))
    analysis = analyze(snapshot)
    return {r.system.id: r for r in analysis.portfolio}, snapshot


def test_support_bands_match_the_inventory_badge():
    assert support_status(None, TODAY) is Support.UNKNOWN
    assert support_status(date(2026, 11, 22), TODAY) is Support.PAST
    assert support_status(TODAY, TODAY) is Support.SOON
    assert support_status(date(2027, 11, 22), TODAY) is Support.SOON
    assert support_status(date(2027, 11, 23), TODAY) is Support.OK
    assert a_year_after(date(2028, 2, 29)) == date(2029, 2, 28)


def test_hardware_eight_years_old_on_own_premises_is_ageing():
    old = System(1, "ERP", hosting="on_premises", introduced_on=date(2010, 1, 1))
    assert ageing_on_premises(old, TODAY, date(2018, 11, 23))
    assert not ageing_on_premises(old, TODAY, date(2018, 11, 24))
    assert not ageing_on_premises(old._replace(hosting="saas"), TODAY, date(2010, 1, 1))
    # software introduced in 2010 says nothing about the server: no recorded age, not ageing
    assert not ageing_on_premises(old, TODAY, None)


def test_past_support_caps_health_at_one_and_says_so():
    portfolio, snapshot = _portfolio(
        [System(1, "Access", end_of_support=date(2020, 10, 13))],
        [Assessment(1, 3, 3, 2, date(2020, 1, 1))],
    )
    recommendation = portfolio[1]
    assert recommendation.inputs.health == 1 and recommendation.health_capped
    assert recommendation.rule.id == "replace.end_of_support"
    keys = [fact.key for fact in describe(recommendation, snapshot).facts]
    assert keys == ["fact.assessment", "fact.health_capped", "fact.support_past"]


def test_overlapping_systems_consolidate_into_the_one_the_analysis_keeps():
    systems = [
        System(1, "CRM", capability_ids=(1,), user_count=8),
        System(2, "Private CRM", capability_ids=(1,), user_count=1, centrally_managed=False),
    ]
    portfolio, snapshot = _portfolio(systems, [Assessment(1, 3, 4, 3, TODAY)])
    assert portfolio[1].inputs.overlap is Overlap.KEEP
    assert portfolio[1].rule.id == "retain.default"
    assert portfolio[2].inputs.overlap is Overlap.RETIRE
    assert portfolio[2].strategy is Strategy.RETIRE  # even without an assessment
    explanation = describe(portfolio[2], snapshot).explanation
    assert explanation.key == "rule.retire.overlap"
    assert explanation.params["keep"].value == "CRM"


def test_capabilities_are_differentiating_standard_or_unknown():
    capabilities = [Capability(1, "Route planning", True), Capability(2, "Accounting", False)]
    systems = [
        System(1, "Planner", capability_ids=(1, 2)),
        System(2, "Books", capability_ids=(2,)),
        System(3, "Tool"),
    ]
    portfolio, _ = _portfolio(systems, capabilities=capabilities)
    assert portfolio[1].inputs.capabilities is CapabilityMix.DIFFERENTIATING
    assert portfolio[2].inputs.capabilities is CapabilityMix.STANDARD
    assert portfolio[3].inputs.capabilities is CapabilityMix.UNKNOWN


def test_an_override_decides_but_the_computed_strategy_stays_visible():
    portfolio, _ = _portfolio(
        [System(1, "ERP")],
        [Assessment(1, 4, 2, 2, TODAY)],
        [Override(1, "wrap", "Budget only in 2028.")],
    )
    recommendation = portfolio[1]
    assert recommendation.strategy == "wrap" and recommendation.overridden
    assert recommendation.computed_strategy is Strategy.REPLACE


def test_an_unassessed_system_is_a_data_gap_to_assess_first():
    portfolio, snapshot = _portfolio([System(1, "Website")])
    recommendation = portfolio[1]
    assert recommendation.strategy is None and recommendation.time is None
    text = describe(recommendation, snapshot)
    assert text.explanation.key == "rule.assess_first"
    assert [fact.key for fact in text.facts] == ["fact.not_assessed"]
    assert text.time is None


def test_the_facts_named_are_the_ones_the_rule_read_and_support_within_24_months_first():
    system = System(
        1,
        "LVS",
        hosting="on_premises",
        introduced_on=date(2015, 10, 1),
        end_of_support=date(2028, 9, 30),
    )
    portfolio, snapshot = _portfolio([system], [Assessment(1, 3, 3, 3, TODAY)])
    assert portfolio[1].rule.id == "retain.default"  # hardware age not recorded
    facts = (SystemResilienceFacts(1, hardware_since=date(2015, 10, 1)),)
    snapshot = replace(snapshot, resilience=facts)
    portfolio = {r.system.id: r for r in analyze(snapshot).portfolio}
    text = describe(portfolio[1], snapshot)
    assert portfolio[1].rule.id == "replatform.ageing_hosting"
    assert [fact.key for fact in text.facts] == [
        "fact.support_within_24",
        "fact.assessment",
        "fact.on_premises_since",
        "fact.application",
    ]
    assert text.facts[2].params["years"].value == 11
    assert text.time.key == "time.invest"
