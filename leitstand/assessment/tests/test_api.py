"""Assessments and overrides through the REST API: the same rules as on the pages."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.api.tokens import create_token
from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.assessment.tests.factories import AssessmentFactory
from leitstand.inventory.tests.factories import SystemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(org, editor):
    _token, secret = create_token(organisation=org, user=editor, name="test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def url(basename: str, **kwargs) -> str:
    action = "detail" if "pk" in kwargs else "list"
    return reverse(f"api:{basename}-{action}", kwargs={"org": "acme", **kwargs})


def test_an_assessment_is_recorded_with_guided_answers(api, org, editor):
    system = SystemFactory(organisation=org)
    response = api.post(
        url("assessment"),
        {
            "system": system.pk,
            "criticality_method": "guided",
            "health": 3,
            "integration": 1,
            "answers": {"gone_for_a_day": "customers_notice", "records": "copies"},
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["criticality"] == 3 and body["assessed_by_email"] == editor.email
    assessment = Assessment.objects.get()
    assert assessment.criticality_method == "guided" and assessment.assessed_by == editor
    assert LogEntry.objects.get_for_object(assessment).get().actor == editor


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"criticality": 5, "health": 3, "integration": 2}, "criticality"),
        ({"criticality": 3, "health": 0, "integration": 2}, "health"),
        ({"criticality": 3, "health": 3}, "integration"),
        ({"criticality": 3, "health": 3, "integration": 2, "answers": {"x": "y"}}, "answers"),
    ],
)
def test_bad_scores_and_answers_are_rejected(api, org, payload, field):
    system = SystemFactory(organisation=org)
    response = api.post(url("assessment"), {"system": system.pk, **payload}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Assessment.objects.exists()


def test_past_support_keeps_health_at_1(api, org):
    system = SystemFactory(organisation=org, end_of_support=date(2020, 1, 31))
    payload = {"system": system.pk, "criticality": 3, "health": 2, "integration": 2}
    response = api.post(url("assessment"), payload, format="json")
    assert response.status_code == 400 and "never above 1" in str(response.json()["health"])


def test_another_organisations_system_cannot_be_assessed(api, other_org):
    foreign = SystemFactory(organisation=other_org)
    payload = {"system": foreign.pk, "criticality": 3, "health": 3, "integration": 2}
    response = api.post(url("assessment"), payload, format="json")
    assert response.status_code == 400
    assert "in this organisation" in str(response.json()["system"])


def test_an_override_needs_a_reason_and_remembers_the_computed_strategy(api, org, editor):
    system = AssessmentFactory(organisation=org).system
    missing = api.post(
        url("recommendation-override"),
        {"system": system.pk, "strategy": "retain", "reason": " "},
        format="json",
    )
    assert missing.status_code == 400 and "reason" in missing.json()
    response = api.post(
        url("recommendation-override"),
        {"system": system.pk, "strategy": "retain", "reason": "Works well enough for now."},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["computed_strategy"] == "retain"  # no manual flows: no wrap
    assert RecommendationOverride.objects.get().decided_by == editor


def test_lists_filter_by_system(api, org):
    first = AssessmentFactory(organisation=org)
    AssessmentFactory(organisation=org)
    rows = api.get(url("assessment"), {"system": first.system_id}).json()["results"]
    assert [row["id"] for row in rows] == [first.pk]
