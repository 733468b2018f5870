"""The API action `funding-plans/{id}/match/`: the plan's matching and figures, read from the
plan's own organisation only (its facts, its de-minimis aid, its plan)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.api.tests.test_api import api
from leitstand.funding.tests.factories import (
    DeMinimisAidFactory,
    FundingFactsFactory,
    FundingPlanFactory,
)

pytestmark = pytest.mark.django_db


def match_url(plan, org: str = "acme") -> str:
    return reverse("api:funding-plan-match", kwargs={"org": org, "pk": plan.pk})


@pytest.fixture
def saxon(org):
    """Medium-sized (56.5 FTE) in Saxony, 8.5 M turnover, no de-minimis aid yet."""
    org.federal_state = "SN"
    org.annual_revenue = Decimal(8_500_000)
    org.save()
    FundingFactsFactory(organisation=org)
    return org


@pytest.fixture
def bavarian_bakery(other_org):
    """Another organisation with other facts: small, Bavarian, with de-minimis aid."""
    other_org.federal_state = "BY"
    other_org.annual_revenue = Decimal(900_000)
    other_org.save()
    FundingFactsFactory(organisation=other_org, fte=Decimal(12), nace_section="C")
    DeMinimisAidFactory(
        organisation=other_org, granted_on=date(2025, 6, 1), amount=Decimal(150_000)
    )
    return other_org


def programme(body: dict, programme_id: str) -> dict:
    return next(row for row in body["programmes"] if row["id"] == programme_id)


def test_viewer_reads_the_match_with_programmes_reasons_and_plan_figures(viewer, saxon):
    plan = FundingPlanFactory(organisation=saxon, cost_external_consulting=Decimal(3500))
    response = api(viewer, saxon).get(match_url(plan))
    assert response.status_code == 200
    body = response.json()
    assert body["sme_class"] == "medium" and body["missing_facts"] == []
    assert body["de_minimis_headroom_eur"] == 300_000
    saxony = programme(body, "sn-digi-z-transformation")
    assert saxony["eligible"] is True and saxony["amount_eur"] == 23_100  # 35 % of 66,000
    assert saxony["reasons"] and saxony["last_verified"] and saxony["status"]
    bavaria = programme(body, "by-digitalbonus-standard")
    assert bavaria["eligible"] is False and bavaria["disqualifying"]
    assert body["plan"]["total_eur"] == 83_000
    assert body["plan"]["grants_eur"] + body["plan"]["own_share_eur"] == body["plan"]["total_eur"]
    assert "sn-digi-z-transformation" in {line["id"] for line in body["plan"]["lines"]}


def test_a_signed_contract_disqualifies_programmes_that_require_applying_first(viewer, saxon):
    plan = FundingPlanFactory(organisation=saxon, contract_signed_on=date(2026, 3, 3))
    body = api(viewer, saxon).get(match_url(plan)).json()
    saxony = programme(body, "sn-digi-z-transformation")
    assert saxony["eligible"] is False
    assert any("3 Mar 2026" in text or "2026-03-03" in text for text in saxony["disqualifying"])


def test_chosen_programmes_decide_the_plan_lines(viewer, saxon):
    plan = FundingPlanFactory(
        organisation=saxon,
        cost_external_consulting=Decimal(3500),
        chosen_programmes=["bafa-beratung"],
    )
    body = api(viewer, saxon).get(match_url(plan)).json()
    assert [line["id"] for line in body["plan"]["lines"]] == ["bafa-beratung"]


def test_match_uses_only_the_plans_own_organisation(viewer, saxon, bavarian_bakery):
    """The other organisation's facts and de-minimis aid never reach this plan's match."""
    plan = FundingPlanFactory(organisation=saxon)
    body = api(viewer, saxon).get(match_url(plan)).json()
    assert body["sme_class"] == "medium"
    assert body["de_minimis_headroom_eur"] == 300_000
    assert programme(body, "by-digitalbonus-standard")["eligible"] is False


def test_another_organisations_plan_is_not_found(owner, saxon, bavarian_bakery):
    foreign = FundingPlanFactory(organisation=bavarian_bakery)
    assert api(owner, saxon).get(match_url(foreign)).status_code == 404
    assert api(owner, saxon).get(match_url(foreign, org=bavarian_bakery.slug)).status_code == 404


def test_outsiders_and_anonymous_callers_see_nothing(outsider, other_org, saxon):
    plan = FundingPlanFactory(organisation=saxon)
    assert api(outsider, other_org).get(match_url(plan)).status_code == 404
    assert APIClient().get(match_url(plan)).status_code == 401


def test_match_is_read_only(editor, saxon):
    plan = FundingPlanFactory(organisation=saxon)
    assert api(editor, saxon).post(match_url(plan), {}, format="json").status_code == 405
