"""Golden test: Muster Logistik's resilience facts raise exactly these findings (DOMAIN.md)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.resilience.models import SystemResilience

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 23)


@pytest.fixture
def demo(shared_demo):
    organisation = shared_demo
    return analyze(replace(landscape_snapshot(organisation), as_of=AS_OF))


def found(demo, kind) -> dict[str, str]:
    """First subject's name -> severity, for one kind."""
    return {f.subjects[0].name: f.severity for f in demo.findings if f.kind == kind}


def test_erp_facts(demo):
    erp = next(s for s in demo.snapshot.systems if s.name == "ProLog ERP 9")
    facts = demo.snapshot.resilience_by_system[erp.id]
    assert facts.restore_tested_on == date(2026, 3, 12)
    assert facts.restore_test_ok is True
    assert facts.restore_duration_hours == Decimal(10)
    assert erp.owner_id is not None and erp.deputy_id is None


def test_restore_tests_missing(demo):
    assert set(found(demo, Kind.NO_RESTORE_TEST)) == {
        "Microsoft 365 Business Standard",
        "CAS genesisWorld",  # last test 5 Nov 2024: older than 12 months
        "Synology NAS (Netzlaufwerk)",  # a USB disk in the same room, never tested
        "LagerMeister LVS 4",
        "MDE-Handscanner",  # no backup at all
        "Kundenportal (Shopware)",
        "Website (WordPress)",
        "Rechnungsdruck (Access-Datenbank)",
    }


def test_two_factor(demo):
    assert found(demo, Kind.MISSING_TWO_FACTOR) == {
        "Kundenportal (Shopware)": "high",
        "TourPlan Pro": "medium",
        "FleetTrack Telematik": "medium",
        "Website (WordPress)": "medium",
    }


def test_emergency_plans_mostly_missing(demo):
    plans = found(demo, Kind.NO_EMERGENCY_PLAN)
    assert len(plans) == 14
    assert plans["Veeam Backup"] == "medium"  # exists, never tested
    assert "DATEV Lohn und Gehalt" not in plans  # tested in May 2026


def test_single_person_dependencies(demo):
    people = {
        f.subjects[0].name: [s.name for s in f.subjects[1:]]
        for f in demo.findings
        if f.kind == Kind.SINGLE_PERSON_DEPENDENCY
    }
    assert people == {
        "Thomas Becker": ["ProLog ERP 9", "Synology NAS (Netzlaufwerk)", "Veeam Backup"],
        "Andreas Koch": ["LagerMeister LVS 4", "MDE-Handscanner"],
        "Julia Wagner": ["CAS genesisWorld"],
        "Lisa Neumann": ["Website (WordPress)"],
        "Helga Schulz": ["Rechnungsdruck (Access-Datenbank)"],
    }


def test_support_outside_eu_and_vendors(demo):
    assert found(demo, Kind.END_OF_SUPPORT) == {
        "MDE-Handscanner": "high",
        "Rechnungsdruck (Access-Datenbank)": "high",
        "ProLog ERP 9": "medium",
        "LagerMeister LVS 4": "medium",
    }
    assert set(found(demo, Kind.PERSONAL_DATA_OUTSIDE_EU)) == {
        "Microsoft 365 Business Standard",
        "HubSpot CRM (Free)",
        "Airtable",
    }
    assert found(demo, Kind.VENDOR_CONCENTRATION) == {}


def test_no_resilience_gaps(demo):
    assert demo.data_gaps == ()


def test_loading_twice_and_reset_keeps_one_row_per_system():
    call_command("load_demo")
    call_command("load_demo")
    count = SystemResilience.objects.filter(organisation__slug="muster-logistik").count()
    assert count == 15
    call_command("load_demo", "--reset")
    assert SystemResilience.objects.filter(organisation__slug="muster-logistik").count() == 15
