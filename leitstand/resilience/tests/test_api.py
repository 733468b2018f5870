from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from leitstand.api.tests.test_api import api
from leitstand.inventory.tests.factories import PersonFactory, SystemFactory
from leitstand.resilience.models import SystemResilience
from leitstand.resilience.tests.factories import SystemResilienceFactory

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs) -> str:
    return reverse(f"api:resilience-{name}", kwargs={"org": "acme", **kwargs})


def test_editor_creates_updates_and_deletes_facts_with_audit(org, editor):
    client = api(editor, org)
    system = SystemFactory(organisation=org)
    created = client.post(
        url("list"),
        {"system": system.pk, "backup_exists": True, "backup_copies": 3, "two_factor": "none"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    facts = SystemResilience.objects.get(pk=created.json()["id"])
    assert facts.organisation == org and facts.backup_copies == 3
    patched = client.patch(url("detail", pk=facts.pk), {"two_factor": "enforced"}, format="json")
    assert patched.status_code == 200 and patched.json()["two_factor"] == "enforced"
    assert client.get(url("list")).json()["count"] == 1
    assert client.delete(url("detail", pk=facts.pk)).status_code == 204
    assert LogEntry.objects.get_for_object(facts).count() == 3


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"restore_tested_on": "FUTURE"}, "restore_tested_on"),
        ({"restore_duration_hours": "-2"}, "restore_duration_hours"),
        ({"backup_copies": 0}, "backup_copies"),
        ({"backup_copies": 2, "backup_media": 5}, "backup_media"),
        ({"two_factor": "sometimes"}, "two_factor"),
    ],
)
def test_bad_input_is_refused(org, editor, payload, field):
    if payload.get("restore_tested_on") == "FUTURE":
        payload = {"restore_tested_on": (timezone.localdate() + timedelta(days=1)).isoformat()}
    system = SystemFactory(organisation=org)
    response = api(editor, org).post(url("list"), {"system": system.pk, **payload}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not SystemResilience.objects.exists()


def test_second_row_for_a_system_is_refused(org, editor):
    existing = SystemResilienceFactory(organisation=org)
    response = api(editor, org).post(url("list"), {"system": existing.system_id}, format="json")
    assert response.status_code == 400 and "system" in response.json()


def test_relations_of_another_organisation_are_refused(org, other_org, editor):
    client = api(editor, org)
    foreign_system = SystemFactory(organisation=other_org)
    foreign_person = PersonFactory(organisation=other_org)
    assert client.post(url("list"), {"system": foreign_system.pk}, format="json").status_code == 400
    own = SystemFactory(organisation=org)
    response = client.post(
        url("list"), {"system": own.pk, "backup_responsible": foreign_person.pk}, format="json"
    )
    assert response.status_code == 400 and "backup_responsible" in response.json()


def test_viewer_reads_but_cannot_write(org, viewer):
    SystemResilienceFactory(organisation=org)
    client = api(viewer, org)
    assert client.get(url("list")).json()["count"] == 1
    system = SystemFactory(organisation=org)
    assert client.post(url("list"), {"system": system.pk}, format="json").status_code == 403


def test_other_organisations_facts_are_invisible(org, other_org, editor):
    foreign = SystemResilienceFactory(organisation=other_org)
    client = api(editor, org)
    assert client.get(url("list")).json()["count"] == 0
    assert client.get(url("detail", pk=foreign.pk)).status_code == 404


def test_filter_by_system(org, viewer):
    wanted = SystemResilienceFactory(organisation=org)
    SystemResilienceFactory(organisation=org)
    response = api(viewer, org).get(url("list"), {"system": wanted.system_id})
    assert [row["id"] for row in response.json()["results"]] == [wanted.pk]
