"""The demo: Muster Logistik (NW, about 60 people) is medium-sized and gets matching results
and funding plans that add up for its order-intake automation and its e-invoicing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from leitstand.funding import selectors
from leitstand.funding.models import FundingPlan
from leitstand.tenancy.models import Organisation

pytestmark = pytest.mark.django_db
ON = date(2026, 12, 7)


@pytest.fixture
def muster(monkeypatch, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "secret-demo")
    call_command("load_demo", verbosity=0)
    return Organisation.objects.get(slug="muster-logistik")


def test_demo_funding(muster):
    """One demo load (about 10 s) for all demo facts."""
    medium_sized_with_its_headroom(muster)
    order_intake_plan_adds_up(muster)
    e_invoicing_plan_shows_the_signed_contract(muster)
    the_bakery_fits_the_bavarian_digitalbonus()


def medium_sized_with_its_headroom(muster):
    result = selectors.company_match(muster, ON)
    assert result.size.sme_class == "medium"
    assert result.de_minimis.headroom_eur == Decimal(298_250)  # go-digital 2022 no longer counts


def order_intake_plan_adds_up(muster):
    plan = FundingPlan.objects.get(organisation=muster, name="Auftragsannahme automatisieren")
    assert plan.initiative.name == "Auftragsannahme automatisieren"
    # the chosen option's business case: 6,000 + 12,000 + 80 h x 45 + 2,400
    assert plan.costs()["internal_staff"] == Decimal("3600.00")
    result = selectors.plan_match(plan, ON)
    levelup = result.match("kfw-511-levelup")
    assert levelup.eligible and levelup.loan_eur == Decimal(24_000)
    assert not result.match("nw-mid-digitale-sicherheit").eligible  # IT security only
    assert not result.match("nw-mid-digitalisierung").eligible  # products only
    figures = selectors.plan_figures(plan, result)
    assert figures.total_eur == Decimal(24_000)
    assert figures.grants_eur == Decimal("720.00")  # 3 % grant share of the loan
    assert figures.own_share_eur == Decimal("23280.00")
    assert any("Bearbeitungszeit pro Auftrag" in goal for goal in selectors.kpi_goals(plan))


def e_invoicing_plan_shows_the_signed_contract(muster):
    plan = FundingPlan.objects.get(organisation=muster, name="E-Rechnung empfangen und versenden")
    result = selectors.plan_match(plan, ON)
    for programme_id in ("kfw-511-levelup", "bafa-beratung"):
        blockers = {r.key for r in result.match(programme_id).blockers}
        assert "block.contract_signed" in blockers
    figures = selectors.plan_figures(plan, result)
    assert figures.total_eur == Decimal("7680.00")  # 3,500 + 2,500 + 24 h x 45 + 600
    assert figures.grants_eur == 0 and figures.own_share_eur == figures.total_eur


def the_bakery_fits_the_bavarian_digitalbonus():
    bakery = Organisation.objects.get(slug="baeckerei-beispiel")
    plan = FundingPlan.objects.get(organisation=bakery)
    result = selectors.plan_match(plan, ON)
    bonus = result.match("by-digitalbonus-standard")
    assert result.size.sme_class == "small"
    assert bonus.eligible and bonus.amount_eur == Decimal("5150.00")  # hardware not funded
