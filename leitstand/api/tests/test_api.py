"""The REST API with the fixed personas: tokens, roles, relations, audit, filters."""

import json
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from rest_framework.test import APIClient

from leitstand.api.models import ApiToken
from leitstand.api.tokens import create_token
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import DepartmentFactory, PersonFactory, SystemFactory
from leitstand.tenancy.models import hash_token


def api(user, org) -> APIClient:
    client = APIClient()
    _token, secret = create_token(organisation=org, user=user, name="test")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def url(name: str, org: str = "acme", **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"org": org, **kwargs})


def test_editor_creates_updates_and_deletes_a_system_with_audit_entries(org, editor):
    client = api(editor, org)
    sales = DepartmentFactory(organisation=org, name="Sales")
    response = client.post(
        url("system-list"),
        {"name": "CRM", "annual_cost": "1200.50", "departments": [sales.pk]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    system = System.objects.get(pk=response.json()["id"])
    assert system.organisation == org and system.annual_cost == Decimal("1200.50")
    entry = LogEntry.objects.get_for_object(system).get()
    assert entry.actor == editor and entry.additional_data == {"organisation": org.pk}
    assert "departments" in entry.changes
    patched = client.patch(url("system-detail", pk=system.pk), {"version": "7"}, format="json")
    assert patched.status_code == 200 and patched.json()["version"] == "7"
    assert client.delete(url("system-detail", pk=system.pk)).status_code == 204
    assert LogEntry.objects.get_for_object(system).count() == 3


def test_kind_and_management_are_unknown_until_said_and_filter_apart(org, editor):
    client = api(editor, org)
    created = client.post(url("system-list"), {"name": "Liste"}, format="json").json()
    assert (created["kind"], created["centrally_managed"]) == ("", None)
    suite = {"name": "M365", "kind": "suite", "hosting": "saas", "centrally_managed": False}
    assert client.post(url("system-list"), suite, format="json").status_code == 201
    refused = client.post(url("system-list"), {"name": "X", "kind": "saas"}, format="json")
    assert refused.status_code == 400 and "kind" in refused.json()

    def names(query):
        return [row["name"] for row in client.get(url("system-list") + query).json()["results"]]

    assert names("?kind=unknown") == ["Liste"]
    assert names("?kind=suite") == ["M365"]
    assert names("?shadow_it=true") == ["M365"]
    assert names("?shadow_it=unknown") == ["Liste"]


@pytest.mark.parametrize(
    "query",
    [
        "no_owner=null",
        "no_owner=yes",
        "no_owner=1",
        "no_owner=",
        "lifecycle=",
        "sort=",
        "page=",
        "page=0",
        "page=last",
        "page=1&page=2",
    ],
)
def test_a_filter_value_the_schema_does_not_allow_gets_400(org, viewer, query):
    response = api(viewer, org).get(f"{url('system-list')}?{query}")
    assert response.status_code == 400, response.json()
    assert api(viewer, org).get(f"{url('system-list')}?no_owner=true&q=").status_code == 200
    assert api(viewer, org).get(f"{url('system-list')}?page=1").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"name": "CRM", "personal_data": 0},
        {"name": "CRM", "centrally_managed": "yes"},
        {"name": "CRM", "departments": {}},
        {"name": 7},
    ],
)
def test_a_body_of_the_wrong_types_gets_400(org, editor, body):
    response = api(editor, org).post(url("system-list"), body, format="json")
    assert response.status_code == 400, response.json()
    assert not System.objects.exists()


def test_viewer_reads_but_cannot_write(org, viewer):
    SystemFactory(organisation=org, name="ERP")
    client = api(viewer, org)
    assert client.get(url("system-list")).json()["count"] == 1
    assert client.post(url("system-list"), {"name": "X"}, format="json").status_code == 403


def test_anonymous_and_revoked_tokens_get_401(org, editor):
    assert APIClient().get(url("system-list")).status_code == 401
    client = APIClient()
    token, secret = create_token(organisation=org, user=editor, name="old")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.get(url("system-list")).status_code == 200
    token.revoked_at = token.created_at
    token.save()
    assert client.get(url("system-list")).status_code == 401


def test_a_token_opens_only_its_own_organisation(org, other_org, editor):
    from leitstand.tenancy.tests.factories import MembershipFactory

    MembershipFactory(user=editor, organisation=other_org, role="editor")
    client = api(editor, org)
    assert client.get(url("system-list", org="other")).status_code == 404


def test_outsider_gets_404(org, outsider, other_org):
    client = api(outsider, other_org)
    assert client.get(url("system-list")).status_code == 404


def test_another_organisations_id_in_a_relation_is_rejected(org, other_org, editor):
    foreign = PersonFactory(organisation=other_org, name="Spy")
    response = api(editor, org).post(
        url("system-list"), {"name": "CRM", "owner": foreign.pk}, format="json"
    )
    assert response.status_code == 400
    assert "in this organisation" in response.json()["owner"][0]
    assert not System.objects.filter(name="CRM").exists()


def test_names_are_unique_ignoring_case_and_model_rules_apply(org, editor):
    SystemFactory(organisation=org, name="ERP")
    person = PersonFactory(organisation=org)
    client = api(editor, org)
    duplicate = client.post(url("system-list"), {"name": "erp"}, format="json")
    assert duplicate.status_code == 400 and "already exists" in duplicate.json()["name"][0]
    same = client.post(
        url("system-list"), {"name": "CRM", "owner": person.pk, "deputy": person.pk}, format="json"
    )
    assert same.status_code == 400 and "deputy" in same.json()


def test_list_is_filterable_searchable_and_paginated_with_few_queries(
    org, viewer, django_assert_max_num_queries
):
    for number in range(120):
        SystemFactory(organisation=org, name=f"Tool {number:03d}", lifecycle="active")
    SystemFactory(organisation=org, name="Mainframe", lifecycle="retired")
    client = api(viewer, org)
    with django_assert_max_num_queries(9):
        page = client.get(url("system-list")).json()
    assert page["count"] == 121 and len(page["results"]) == 100
    assert client.get(url("system-list"), {"lifecycle": "retired"}).json()["count"] == 1
    assert client.get(url("system-list"), {"q": "mainf"}).json()["count"] == 1


def test_members_and_settings_are_for_owners(org, owner, editor):
    editor_client = api(editor, org)
    assert editor_client.get(url("member-list")).status_code == 403
    assert editor_client.get(url("organisation")).status_code == 200
    assert (
        editor_client.patch(url("organisation"), {"industry": "x"}, format="json").status_code
        == 403
    )
    owner_client = api(owner, org)
    assert owner_client.get(url("member-list")).json()["count"] == 2
    changed = owner_client.patch(
        url("organisation"), {"labour_cost_per_hour": "50.00"}, format="json"
    )
    assert changed.status_code == 200
    org.refresh_from_db()
    assert org.labour_cost_per_hour == Decimal("50.00")
    own = owner_client.get(url("member-list")).json()["results"]
    mine = next(member for member in own if member["email"] == owner.email)
    refused = owner_client.patch(
        url("member-detail", pk=mine["id"]), {"role": "viewer"}, format="json"
    )
    assert refused.status_code == 400  # the last owner stays an owner


def test_token_page_shows_the_secret_once_and_stores_only_a_hash(login, org, editor):
    client = login(editor)
    response = client.post(reverse("api_tokens", kwargs={"org": "acme"}), {"name": "Backup"})
    text = response.content.decode()
    token = ApiToken.objects.get()
    secret = text.split('readonly value="')[1].split('"')[0]
    assert secret.startswith("ls_") and token.token_hash == hash_token(secret)
    assert secret not in client.get(reverse("api_tokens", kwargs={"org": "acme"})).content.decode()
    bearer = APIClient()
    bearer.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert bearer.get(url("system-list")).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    revoke = reverse("api_token_revoke", kwargs={"org": "acme", "pk": token.pk})
    assert "Revoke" in client.get(revoke).content.decode()
    client.post(revoke)
    assert bearer.get(url("system-list")).status_code == 401


def test_editors_cannot_revoke_someone_elses_token(login, org, editor, owner):
    token, _secret = create_token(organisation=org, user=owner, name="Owner's")
    revoke = reverse("api_token_revoke", kwargs={"org": "acme", "pk": token.pk})
    assert login(editor).post(revoke).status_code == 404


@pytest.mark.parametrize("header", ["Bearer", "Bearer nope", "Bearer ls_unknown", "Token abc"])
def test_malformed_credentials_are_refused(org, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert client.get(url("system-list")).status_code in (401, 403)


def test_session_auth_needs_csrf_for_writes(org, editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url("system-list")).status_code == 200
    assert client.post(url("system-list"), {"name": "X"}, format="json").status_code == 403


def test_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get(reverse("api:schema"))
    assert schema.status_code == 200 and b"/api/v1/o/{org}/systems/" in schema.content
    docs = client.get(reverse("api:docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/" in docs
    assert "cdn" not in docs.lower()


def test_list_and_detail_show_the_same_relations(org, viewer):
    system = SystemFactory(organisation=org, name="ERP", owner=PersonFactory(organisation=org))
    system.departments.add(
        DepartmentFactory(organisation=org, name="B"), DepartmentFactory(organisation=org, name="A")
    )
    client = api(viewer, org)
    listed = client.get(url("system-list")).json()["results"][0]
    detail = client.get(url("system-detail", pk=system.pk)).json()
    assert sorted(listed["departments"]) == sorted(detail["departments"])
    assert len(listed["departments"]) == 2
    assert listed["owner"] == detail["owner"] == system.owner_id


def test_a_viewer_creates_a_read_only_token_for_scripts(login, org, viewer):
    client = login(viewer)
    response = client.post(reverse("api_tokens", kwargs={"org": "acme"}), {"name": "Reporting"})
    secret = response.content.decode().split('readonly value="')[1].split('"')[0]
    bearer = APIClient()
    bearer.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert bearer.get(url("system-list")).status_code == 200
    assert bearer.post(url("system-list"), {"name": "X"}, format="json").status_code == 403
    token = ApiToken.objects.get(user=viewer)
    client.post(reverse("api_token_revoke", kwargs={"org": "acme", "pk": token.pk}))
    assert bearer.get(url("system-list")).status_code == 401


def test_list_pages_show_exactly_what_the_serializer_shows(org, viewer):
    """Lists are built from values() rows (api.listing); they must equal the serializer."""
    from leitstand.api.listing import list_shape
    from leitstand.inventory.api import CapabilitySerializer, SystemSerializer
    from leitstand.inventory.models import Capability

    owner = PersonFactory(organisation=org)
    system = SystemFactory(
        organisation=org,
        name="ERP",
        owner=owner,
        annual_cost=Decimal("1234.5"),
        end_of_support="2027-12-31",
        personal_data=True,
    )
    system.departments.add(
        DepartmentFactory(organisation=org, name="B"), DepartmentFactory(organisation=org, name="A")
    )
    SystemFactory(organisation=org, name="Bare")
    Capability.objects.create(organisation=org, key="billing", name_en="Billing")
    client = api(viewer, org)
    for name, serializer, model in (
        ("system-list", SystemSerializer, System),
        ("capability-list", CapabilitySerializer, Capability),
    ):
        assert list_shape(serializer) is not None
        listed = client.get(url(name)).json()["results"]
        expected = [
            serializer(instance).data
            for instance in model.objects.for_org(org).order_by(*model._meta.ordering, "pk")
        ]
        assert listed == json.loads(json.dumps(expected, cls=DjangoJSONEncoder))
