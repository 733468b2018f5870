"""The organisation's settings and its members change through tenancy.services: the settings
page and the API call the same functions, each change with one audit entry in its author's
name, and a save without a change writes nothing."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.api.tokens import create_token
from leitstand.tenancy import services
from leitstand.tenancy.models import Membership

pytestmark = pytest.mark.django_db


def _api(user, org) -> APIClient:
    client = APIClient()
    _token, secret = create_token(organisation=org, user=user, name="test")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def _settings(org, **changes) -> dict:
    """The settings form as the page sends it, with `changes`."""
    return {
        "name": org.name,
        "slug": org.slug,
        "industry": org.industry,
        "labour_cost_per_hour": str(org.labour_cost_per_hour),
        "working_days_per_year": str(org.working_days_per_year),
        "productive_hours_per_fte": str(org.productive_hours_per_fte),
        "wrap_min_manual_hours": str(org.wrap_min_manual_hours),
        **changes,
    }


def test_the_settings_page_and_the_api_save_through_the_service(login, owner, org, monkeypatch):
    written = []
    real = services.save_organisation

    def spy(organisation, values, *, actor):
        written.append((values["industry"], actor))
        return real(organisation, values, actor=actor)

    monkeypatch.setattr(services, "save_organisation", spy)
    page = login(owner).post(
        reverse("organisation_settings", kwargs={"org": org.slug}),
        _settings(org, industry="Logistik"),
    )
    assert page.status_code == 302
    api = _api(owner, org).patch(
        reverse("api:organisation", kwargs={"org": org.slug}), {"industry": "Handel"}, format="json"
    )
    assert api.status_code == 200, api.content
    assert written == [("Logistik", owner), ("Handel", owner)]
    org.refresh_from_db()
    assert org.industry == "Handel"
    updates = LogEntry.objects.get_for_object(org).filter(action=LogEntry.Action.UPDATE)
    assert [entry.actor for entry in updates] == [owner, owner]


def test_settings_saved_without_a_change_write_nothing(login, owner, org):
    client = _api(owner, org)
    before = LogEntry.objects.count()
    page = login(owner).post(
        reverse("organisation_settings", kwargs={"org": org.slug}), _settings(org)
    )
    assert page.status_code == 302
    api = client.patch(
        reverse("api:organisation", kwargs={"org": org.slug}),
        {"industry": org.industry},
        format="json",
    )
    assert api.status_code == 200
    assert LogEntry.objects.count() == before


def test_the_api_changes_and_removes_a_member_in_the_owners_name(owner, editor, org):
    client = _api(owner, org)
    membership = Membership.objects.get(user=editor, organisation=org)
    detail = reverse("api:member-detail", kwargs={"org": org.slug, "pk": membership.pk})
    assert client.patch(detail, {"role": "viewer"}, format="json").status_code == 200
    assert client.delete(detail).status_code == 204
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entries = LogEntry.objects.get_for_object(membership).order_by("pk")
    assert [(entry.action, entry.actor) for entry in entries][-2:] == [
        (LogEntry.Action.UPDATE, owner),
        (LogEntry.Action.DELETE, owner),
    ]
