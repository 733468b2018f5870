"""Golden test: the demo company's portfolio, by the rules, on a fixed day (support dates move)."""

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from leitstand.analysis import analyze
from leitstand.assessment.models import Assessment
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 23)

EXPECTED = {
    "ProLog ERP 9": "replace.support_ending",
    "Microsoft 365 Business Standard": "retain.default",
    "DATEV Unternehmen online": "retain.default",
    "DATEV Lohn und Gehalt": "retain.default",
    # 385 h of typing, but 346 h end with the customer list and the free CRM: kept
    "CAS genesisWorld": "retain.little_manual_work",
    "HubSpot CRM (Free)": "retire.overlap",
    "Kundenliste.xlsx": "retire.overlap",
    "Trello": "retire.overlap",  # Planner in Microsoft 365 is the first home
    "Airtable": "retire.overlap",
    "Dropbox": "retire.overlap",
    "Synology NAS (Netzlaufwerk)": "retain.default",
    "TourPlan Pro": "retain.default",
    "FleetTrack Telematik": "retain.default",
    "LagerMeister LVS 4": "replatform.ageing_hosting",
    "MDE-Handscanner": "replace.end_of_support",
    "Kundenportal (Shopware)": "refactor.differentiating",
    "Website (WordPress)": "assess_first",
    "sipgate Telefonanlage": "assess_first",
    "Veeam Backup": "retain.default",
    "Rechnungsdruck (Access-Datenbank)": "replace.end_of_support",
    "DocuWare": "retain.default",
    "Personio": "retain.default",
    "Clockodo Zeiterfassung": "retain.default",
}


@pytest.fixture
def demo(shared_demo):
    organisation = shared_demo
    return analyze(replace(landscape_snapshot(organisation), as_of=AS_OF))


def test_every_system_gets_the_rule_the_story_needs(demo):
    assert {r.system.name: r.rule.id for r in demo.portfolio} == EXPECTED


def test_the_spread_uses_the_whole_spectrum(demo):
    computed = Counter(r.computed_strategy for r in demo.portfolio)
    assert computed == {
        "retain": 11,
        "retire": 5,
        "replace": 3,
        "replatform": 1,
        "refactor": 1,
        None: 2,
    }
    # the wrap is a person's decision: the ERP, wrapped until its successor is chosen
    assert Counter(r.strategy for r in demo.portfolio)["wrap"] == 1


def test_the_erp_near_its_end_of_support_is_replaced_by_the_rules_and_wrapped_by_a_person(demo):
    erp = next(r for r in demo.portfolio if r.system.name == "ProLog ERP 9")
    assert (erp.inputs.criticality, erp.inputs.health, erp.inputs.integration) == (4, 2, 2)
    assert erp.computed_strategy == "replace" and erp.strategy == "wrap"
    assert "2028" in erp.override.reason


def test_guided_answers_gave_the_values_and_the_history_shows_the_change(shared_demo):
    organisation = shared_demo
    erp = Assessment.objects.for_org(organisation).filter(system__name="ProLog ERP 9")
    assert list(erp.values_list("health", "health_method")) == [(2, "guided"), (3, "direct")]
    access = erp.model.objects.for_org(organisation).get(system__name__startswith="Rechnungs")
    assert (access.criticality, access.health, access.integration) == (3, 1, 2)


def test_the_json_tells_the_same_story(demo):
    rows = {row["system"]: row for row in analysis_as_json(demo)["portfolio"]}
    assert len(rows) == 23
    erp = rows["ProLog ERP 9"]["recommendation"]
    assert erp["strategy"] == "wrap" and erp["computed_strategy"] == "replace"
    assert erp["overridden"] and erp["rule"] == "replace.support_ending"
    assert "30 Jun 2027" in erp["explanation"]
    assert rows["Rechnungsdruck (Access-Datenbank)"]["recommendation"]["strategy"] == "replace"
    assert rows["Airtable"]["recommendation"]["explanation"].startswith(
        "Airtable and Microsoft 365 Business Standard both cover"
    )
    assert rows["Website (WordPress)"]["assessment"] is None
