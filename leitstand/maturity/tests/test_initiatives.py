"""Which roadmap initiatives raise an axis (pure matching, and from the database)."""

import pytest

from leitstand.analysis.maturity.initiatives import InitiativeFacts, raising, strategy_of
from leitstand.maturity.catalogue import load_catalogue
from leitstand.maturity.selectors import initiative_facts
from leitstand.processes.tests.factories import AutomationScenarioFactory
from leitstand.roadmap.tests.factories import FindingStateFactory, InitiativeFactory

CATALOGUE = load_catalogue()
ALL_OPEN = {item.key for item in CATALOGUE.items}


def _names(axis, initiatives, open_items=ALL_OPEN):
    return [(f.name, keys) for f, keys in raising(CATALOGUE, axis, initiatives, open_items)]


def test_an_initiative_addressing_manual_transfers_raises_data():
    wrap = InitiativeFacts(1, "Schnittstelle", "idea", frozenset({"manual_transfer"}))
    assert _names("data", [wrap]) == [("Schnittstelle", ("data_integration",))]
    assert _names("automation", [wrap]) == []


def test_an_automation_scenario_raises_automation_and_a_wrap_raises_data():
    scenario = InitiativeFacts(1, "Auftragsannahme", "approved", has_scenario=True)
    wrap = InitiativeFacts(2, "ERP umhüllen", "in_pilot", strategy="wrap")
    replace = InitiativeFacts(3, "ERP ablösen", "idea", strategy="replace")
    assert _names("automation", [scenario, wrap]) == [
        ("Auftragsannahme", ("automation_processes",))
    ]
    assert _names("data", [scenario, wrap]) == [("ERP umhüllen", ("data_integration",))]
    assert _names("readiness", [replace]) == [("ERP ablösen", ("readiness_supported",))]


def test_an_item_already_answered_yes_needs_no_initiative():
    scenario = InitiativeFacts(1, "Auftragsannahme", "approved", has_scenario=True)
    assert _names("automation", [scenario], ALL_OPEN - {"automation_processes"}) == []


def test_strategy_is_read_from_a_recommendation_proposal_only():
    assert strategy_of("recommendation:12:wrap") == "wrap"
    assert strategy_of("group:overlap:action.consolidate") == ""
    assert strategy_of("") == ""


@pytest.mark.django_db
def test_facts_come_from_the_roadmap_without_stopped_initiatives(org):
    active = InitiativeFactory(organisation=org, name="Backups", status="approved")
    active.findings.add(FindingStateFactory(organisation=org, kind="no_restore_test"))
    scenario = AutomationScenarioFactory(organisation=org)
    automated = InitiativeFactory(organisation=org, name="Automate", proposal_key="candidate:1")
    automated.scenarios.add(scenario)
    InitiativeFactory(organisation=org, name="Stopped", status="stopped")
    facts = {f.name: f for f in initiative_facts(org)}
    assert set(facts) == {"Backups", "Automate"}
    assert facts["Backups"].finding_kinds == {"no_restore_test"}
    assert facts["Automate"].has_scenario
    assert _names("data", list(facts.values())) == [("Backups", ("data_protection",))]
