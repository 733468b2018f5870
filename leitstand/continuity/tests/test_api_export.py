"""Business impacts through the REST API and in the complete JSON export."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.api.tokens import create_token
from leitstand.continuity.models import BusinessImpact
from leitstand.continuity.tests.factories import BusinessImpactFactory
from leitstand.demo.loader import MUSTER_LOGISTIK, load_organisation
from leitstand.exports.document import export_document, load_document
from leitstand.onboarding.services import create_organisation
from leitstand.processes.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


def api(user, org) -> APIClient:
    client = APIClient()
    _token, secret = create_token(organisation=org, user=user, name="test")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def url(name, **kwargs):
    return reverse(f"api:{name}", kwargs={"org": "acme", **kwargs})


def test_editor_records_a_business_impact_through_the_api(org, editor):
    process = ProcessFactory(organisation=org)
    response = api(editor, org).post(
        url("business-impact-list"),
        {"process": process.pk, "damage_money_4h": "high", "rto_hours": "2", "rpo_hours": "1"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["mtpd_hours"] == 4
    assert BusinessImpact.objects.get().rto_hours == Decimal(2)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"damage_money_4h": "high", "rto_hours": "8"}, "rto_hours"),  # longer than the MTPD
        ({"rpo_hours": "-1"}, "rpo_hours"),
        ({"margin_percent": "101"}, "margin_percent"),
    ],
)
def test_the_api_refuses_bad_input_and_writes_nothing(org, editor, data, field):
    process = ProcessFactory(organisation=org)
    response = api(editor, org).post(
        url("business-impact-list"), {"process": process.pk, **data}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not BusinessImpact.objects.exists()


def test_a_second_business_impact_for_one_process_is_refused(org, editor):
    impact = BusinessImpactFactory(organisation=org)
    response = api(editor, org).post(
        url("business-impact-list"), {"process": impact.process.pk}, format="json"
    )
    assert response.status_code == 400
    assert BusinessImpact.objects.count() == 1


def test_business_impacts_survive_the_json_round_trip(owner):
    demo = load_organisation(MUSTER_LOGISTIK, {})
    document = json.loads(json.dumps(export_document(demo)))
    assert len(document["business_impacts"]) == 3
    copy = create_organisation(owner=owner, name="Copy GmbH", slug="copy")
    counts = load_document(copy, document)
    assert counts["business_impacts"] == 3

    def rows(organisation):
        return sorted(
            (
                i.process.name,
                i.mtpd_hours,
                i.rto_hours,
                i.rpo_hours,
                i.margin_percent,
                i.people_idle,
            )
            for i in BusinessImpact.objects.for_org(organisation).select_related("process")
        )

    assert rows(copy) == rows(demo)
