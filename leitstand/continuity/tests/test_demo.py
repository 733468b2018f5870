"""Golden test: Muster Logistik's business impact, computed from the demo data."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.core.wording import render_all
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot

pytestmark = pytest.mark.django_db

ERP = "ProLog ERP 9"
ORDER_INTAKE = "Auftragsannahme per E-Mail"
AS_OF = date(2026, 11, 23)


@pytest.fixture
def organisation(shared_demo):
    """The demo with its resilience facts: the ERP's last restore test on 2026-03-12 was ok
    and took 10 hours; it is backed up daily."""
    return shared_demo


@pytest.fixture
def demo(organisation):
    return analyze(replace(landscape_snapshot(organisation), as_of=AS_OF))


def _system_id(analysis, name):
    return next(s.id for s in analysis.snapshot.systems if s.name == name)


def test_an_hour_without_the_erp_costs_1437_eur(demo):
    # Order intake: 40 x 220 x 350 = 3,080,000 / (220 x 10 h) = 1,400 x 30 % = 420
    #   + 12 people x 45 = 540 + 150 penalties = 1,110
    # Field service: 8 x 220 x 420 = 739,200 / (220 x 8 h) = 420 x 35 % = 147 + 4 x 45 = 327
    # Invoice dispatch does not need the ERP: Access reads the ERP's export by hand, once a day
    # (a manual transfer passes no requirement on). 1,110 + 327 = 1,437.
    assert demo.outage_cost_by_system[_system_id(demo, ERP)] == Decimal("1437.00")


def test_outage_costs_tell_the_systems_apart(demo):
    cost = {s.name: demo.outage_cost_by_system[s.id] for s in demo.snapshot.systems}
    # The portal feeds the ERP by API 12 times a day (every 2 h, within order intake's 4 h).
    assert cost["Kundenportal (Shopware)"] == Decimal("1437.00")
    assert cost["Microsoft 365 Business Standard"] == Decimal("1200.00")  # 1,110 + 90
    assert cost["Dropbox"] == Decimal("327.00")  # a field-service step stores the photo there
    assert cost["Rechnungsdruck (Access-Datenbank)"] == Decimal("90.00")
    # The contact form mails 3 times a day (every 8 h): too rare for order intake's 4 h,
    # often enough for invoicing's 72 h
    assert cost["Website (WordPress)"] == Decimal("90.00")
    # copied by hand, weekly: no process needs them within its RTO
    for name in ("Kundenliste.xlsx", "HubSpot CRM (Free)", "Airtable", "CAS genesisWorld"):
        assert cost[name] == 0
        assert demo.facts.continuity.systems[_system_id(demo, name)].rto is None
    assert max(list(cost.values()).count(value) for value in cost.values() if value) <= 2


def test_the_erp_inherits_order_intakes_four_hours(demo):
    row = demo.facts.continuity.systems[_system_id(demo, ERP)]
    order_intake = next(p for p in demo.snapshot.processes if p.name == ORDER_INTAKE)
    assert row.rto.hours == Decimal(4)
    assert row.rpo.hours == Decimal(4)
    assert row.rto.process_id == order_intake.id
    assert row.rto.path == (row.system_id,)


def test_the_ten_hour_restore_misses_the_rto(demo):
    gaps = [f for f in demo.findings if f.kind == Kind.RTO_GAP and f.subjects[0].name == ERP]
    assert len(gaps) == 1
    assert gaps[0].severity == "high"
    assert [s.name for s in gaps[0].subjects] == [ERP, ORDER_INTAKE]
    text = render_all(gaps[0].explanation)
    assert "within 4.0 h" in text
    assert "took 10.0 h" in text


def test_the_erp_daily_backup_misses_the_four_hour_rpo(demo):
    gaps = [f for f in demo.findings if f.kind == Kind.RPO_GAP and f.subjects[0].name == ERP]
    assert len(gaps) == 1
    assert "every 24.0 h" in render_all(gaps[0].explanation)


def test_the_analysis_json_lists_outage_cost_per_hour(demo):
    rows = analysis_as_json(demo)["resilience"]["outage_cost_per_hour"]
    costs = [row["eur_per_hour"] for row in rows]
    assert costs == sorted(costs, reverse=True)
    erp = next(row for row in rows if row["system"] == ERP)
    assert erp == {
        "system": ERP,
        "eur_per_hour": 1437.0,
        "processes": [ORDER_INTAKE, "Servicebericht Außendienst"],
    }
    assert set(analysis_as_json(demo)["resilience"]) == {"check", "outage_cost_per_hour"}


def test_loading_the_demo_twice_keeps_one_business_impact_per_process(
    monkeypatch, settings, tmp_path
):
    from django.core.management import call_command

    from leitstand.continuity.models import BusinessImpact

    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "secret-demo")
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("load_demo", "--reset", verbosity=0)
    assert BusinessImpact.objects.filter(organisation__slug="muster-logistik").count() == 3
