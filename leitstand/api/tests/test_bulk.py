"""A JSON list in one POST: created all or nothing, validated like single objects."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from leitstand.api.tests.test_api import api
from leitstand.api.viewsets import BULK_LIMIT
from leitstand.flows.models import Integration
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import (
    DepartmentFactory,
    PersonFactory,
    SystemFactory,
    VendorFactory,
)
from leitstand.tenancy.stamps import landscape_token

pytestmark = pytest.mark.django_db


def systems_url(org="acme"):
    return reverse("api:system-list", kwargs={"org": org})


def test_a_list_creates_every_object_with_its_links_and_audit_entry(org, editor):
    sales, it = DepartmentFactory(organisation=org), DepartmentFactory(organisation=org)
    owner, vendor = PersonFactory(organisation=org), VendorFactory(organisation=org)
    before = landscape_token(org)
    body = [
        {"name": "ERP", "owner": owner.pk, "vendor": vendor.pk, "departments": [sales.pk, it.pk]},
        {"name": "Shop", "annual_cost": "99.50", "kind": "application"},
    ]
    response = api(editor, org).post(systems_url(), body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert [row["name"] for row in created] == ["ERP", "Shop"]
    assert sorted(created[0]["departments"]) == sorted([sales.pk, it.pk])
    erp = System.objects.for_org(org).get(name="ERP")
    assert (erp.owner, erp.vendor) == (owner, vendor)
    assert set(erp.departments.all()) == {sales, it}
    assert str(System.objects.get(name="Shop").annual_cost) == "99.50"
    entry = LogEntry.objects.get_for_object(erp).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor == editor
    assert entry.additional_data == {"organisation": org.pk}
    assert "departments" in entry.changes and "name" in entry.changes
    assert landscape_token(org) != before  # the analysis sees the new systems
    assert System.objects.get(name="Shop").search_text.startswith("shop")


def test_one_invalid_object_creates_nothing_and_is_pointed_out(org, editor, other_org):
    foreign = PersonFactory(organisation=other_org)
    SystemFactory(organisation=org, name="Existing")
    client = api(editor, org)
    before = landscape_token(org)
    body = [
        {"name": "Fine"},
        {"name": "Negative", "annual_cost": "-5"},
        {"name": "Foreign owner", "owner": foreign.pk},
        {"name": "existing"},
    ]
    response = client.post(systems_url(), body, format="json")
    assert response.status_code == 400
    errors = response.json()  # by the position in the list, only the objects with errors
    assert set(errors) == {"1", "2", "3"}
    assert "annual_cost" in errors["1"]
    assert "owner" in errors["2"]
    assert "name" in errors["3"]  # the name rule ignores case, as for one object
    assert list(System.objects.for_org(org).values_list("name", flat=True)) == ["Existing"]
    assert landscape_token(org) == before


def test_the_same_name_twice_in_one_list_is_refused(org, editor):
    body = [{"name": "CRM"}, {"name": "crm "}]
    response = api(editor, org).post(systems_url(), body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"1"} and "name" in response.json()["1"]
    assert not System.objects.exists()


def test_a_failure_while_writing_leaves_nothing(org, editor, monkeypatch):
    """All or nothing also when the database refuses a row after validation."""
    from leitstand.core import audit

    def broken(obj, attrs, links, actor):
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "_creation_entry", broken)
    client = api(editor, org)
    client.raise_request_exception = False
    response = client.post(systems_url(), [{"name": "A"}, {"name": "B"}], format="json")
    assert response.status_code == 500
    assert not System.objects.exists()


def test_empty_and_too_long_lists_are_refused(org, editor):
    client = api(editor, org)
    assert client.post(systems_url(), [], format="json").status_code == 400
    too_many = [{"name": f"S{n}"} for n in range(BULK_LIMIT + 1)]
    response = client.post(systems_url(), too_many, format="json")
    assert response.status_code == 400 and str(BULK_LIMIT) in response.json()["detail"]
    assert not System.objects.exists()


def test_viewers_cannot_post_lists(org, viewer):
    response = api(viewer, org).post(systems_url(), [{"name": "X"}], format="json")
    assert response.status_code == 403
    assert not System.objects.exists()


def test_flows_in_bulk_between_own_systems(org, editor):
    erp, shop = SystemFactory(organisation=org), SystemFactory(organisation=org)
    body = [
        {"source": erp.pk, "target": shop.pk, "method": "api"},
        {"source": shop.pk, "target": erp.pk, "method": "file"},
    ]
    response = api(editor, org).post(
        reverse("api:integration-list", kwargs={"org": "acme"}), body, format="json"
    )
    assert response.status_code == 201, response.json()
    assert Integration.objects.for_org(org).count() == 2
