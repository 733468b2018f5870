"""Funding per roadmap initiative: a plan started from an initiative takes its chosen option's
costs, its KPIs become goals, its page shows the funding, the roadmap sums it up, and the
command matches an initiative."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from leitstand.funding.models import FundingPlan
from leitstand.funding.tests.factories import FundingFactsFactory, FundingPlanFactory
from leitstand.kpis.tests.factories import KpiFactory
from leitstand.roadmap.tests.factories import InitiativeFactory, InitiativeOptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(org):
    org.federal_state = "HE"
    org.annual_revenue = Decimal(6_000_000)
    org.save()
    FundingFactsFactory(organisation=org, fte=Decimal(30))
    initiative = InitiativeFactory(organisation=org, name="Auftragsannahme", problem="PDFs tippen")
    InitiativeOptionFactory(
        organisation=org,
        initiative=initiative,
        licences_eur=Decimal(6000),
        implementation_eur=Decimal(12000),
        internal_hours=Decimal(80),
        training_eur=Decimal(2400),
        chosen=True,
    )
    return initiative


def test_new_plan_from_an_initiative_takes_the_business_case(login, editor, org, initiative):
    client = login(editor)
    url = reverse("funding:plan_create", kwargs={"org": org.slug}) + f"?initiative={initiative.pk}"
    page = client.get(url).content.decode()
    assert 'value="Auftragsannahme"' in page and 'value="3,600.00"' in page  # 80 h x 45


def test_initiative_page_offers_a_plan_then_shows_it(login, editor, org, initiative):
    client = login(editor)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert 'id="funding-panel"' in page and "Start a funding plan" in page
    assert "could get about" in page
    FundingPlanFactory(organisation=org, initiative=initiative, name="Plan A")
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Plan A" in page and "grants and grant shares" in page


def test_costs_follow_the_business_case_on_request(login, editor, org, initiative):
    plan = FundingPlanFactory(organisation=org, initiative=initiative)
    client = login(editor)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "costs differ from the business case." in page
    client.post(reverse("funding:plan_costs", kwargs={"org": org.slug, "pk": plan.pk}))
    plan.refresh_from_db()
    assert plan.cost_software_licences == 6000 and plan.cost_internal_staff == Decimal("3600")
    assert (
        "differ from the business case" not in client.get(plan.get_absolute_url()).content.decode()
    )


def test_kpis_become_measurable_goals(login, viewer, org, initiative):
    kpi = KpiFactory(organisation=org, name="Minuten pro Auftrag")
    initiative.kpis.add(kpi)
    plan = FundingPlanFactory(organisation=org, initiative=initiative)
    page = login(viewer).get(plan.get_absolute_url()).content.decode()
    assert "Minuten pro Auftrag: 15 min → 1 min" in page


def test_option_of_another_initiative_is_refused(login, editor, org, initiative):
    other = InitiativeOptionFactory(organisation=org)
    plan = FundingPlanFactory.build(organisation=org, initiative=initiative, option=other)
    with pytest.raises(Exception, match="option of the plan"):
        plan.full_clean()


def test_roadmap_shows_funding_expected(login, viewer, org, initiative):
    FundingPlanFactory(organisation=org, initiative=initiative)
    page = login(viewer).get(reverse("roadmap:roadmap", kwargs={"org": org.slug})).content.decode()
    assert 'id="funding-section"' in page
    # the summary card holds the sum only; the table per initiative is the section below
    card = page.split('id="sum-funding"')[1].split("</div></div>")[0]
    assert "<table" not in card and 'href="#funding-section"' in card


def test_command_matches_an_initiative_with_or_without_a_plan(org, initiative):
    out = StringIO()
    call_command(
        "funding",
        "match",
        "--org",
        org.slug,
        "--initiative",
        str(initiative.pk),
        "--json",
        "--on",
        "2026-12-07",
        stdout=out,
    )
    document = json.loads(out.getvalue())
    assert document["sme_class"] == "small"
    assert document["plan"]["total_eur"] == 24000
    digi = next(p for p in document["programmes"] if p["id"] == "he-digi-zuschuss")
    assert digi["eligible"] is False  # paused between calls
    FundingPlanFactory(organisation=org, initiative=initiative, name="With plan")
    out = StringIO()
    call_command(
        "funding",
        "match",
        "--org",
        org.slug,
        "--initiative",
        str(initiative.pk),
        "--json",
        "--on",
        "2026-12-07",
        stdout=out,
    )
    assert json.loads(out.getvalue())["plan"]["total_eur"] == 79500
    assert FundingPlan.objects.filter(initiative=initiative).count() == 1
