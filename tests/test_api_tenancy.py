"""Generated over every REST API resource: lists never show another organisation's rows,
relations never accept another organisation's ids, roles are those of the pages.

A resource registered in leitstand/api/urls.py is covered as soon as its model has a factory.
"""

import pytest
from django.urls import reverse
from rest_framework import relations
from rest_framework.test import APIClient

from leitstand.api.serializers import OrgRelatedField
from leitstand.api.tokens import create_token
from leitstand.api.urls import router
from tests.urlwalk import factories_by_model

FACTORIES = factories_by_model()
RESOURCES = [(prefix, viewset, basename) for prefix, viewset, basename in router.registry]


def _model(viewset):
    return getattr(viewset, "model", None) or viewset.serializer_class.Meta.model


def _client(user=None, organisation=None) -> APIClient:
    client = APIClient()
    if user is not None:
        _token, secret = create_token(organisation=organisation, user=user, name="walk")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def _make(viewset, organisation):
    return FACTORIES[_model(viewset)](organisation=organisation)


def test_every_resource_has_a_factory():
    missing = [prefix for prefix, viewset, _ in RESOURCES if _model(viewset) not in FACTORIES]
    assert not missing


@pytest.mark.parametrize(("prefix", "viewset", "basename"), RESOURCES, ids=str)
def test_list_never_contains_another_organisations_rows(
    org, other_org, owner, prefix, viewset, basename
):
    own, foreign = _make(viewset, org), _make(viewset, other_org)
    client = _client(owner, org)
    listing = client.get(
        reverse(f"api:{basename}-list", kwargs={"org": "acme"}), {"page_size": 500}
    )
    ids = {row["id"] for row in listing.json()["results"]}
    assert own.pk in ids and foreign.pk not in ids
    detail = reverse(f"api:{basename}-detail", kwargs={"org": "acme", "pk": foreign.pk})
    assert client.get(detail).status_code == 404
    assert client.delete(detail).status_code == 404


@pytest.mark.parametrize(("prefix", "viewset", "basename"), RESOURCES, ids=str)
def test_viewer_never_writes_and_strangers_see_nothing(
    org, other_org, viewer, outsider, prefix, viewset, basename
):
    own = _make(viewset, org)
    listing = reverse(f"api:{basename}-list", kwargs={"org": "acme"})
    detail = reverse(f"api:{basename}-detail", kwargs={"org": "acme", "pk": own.pk})
    client = _client(viewer, org)
    for response in (
        client.post(listing, {}, format="json"),
        client.patch(detail, {}, format="json"),
        client.delete(detail),
    ):
        assert response.status_code in (403, 405)
    assert _client().get(listing).status_code == 401
    assert _client(outsider, other_org).get(listing).status_code == 404


def _relation_fields(viewset) -> dict[str, bool]:
    serializer = viewset.serializer_class()
    found = {}
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        if isinstance(field, relations.ManyRelatedField) and isinstance(
            field.child_relation, OrgRelatedField
        ):
            found[name] = True
        elif isinstance(field, OrgRelatedField):
            found[name] = False
    return found


RELATIONS = [
    (basename, viewset, name, many)
    for _prefix, viewset, basename in RESOURCES
    for name, many in _relation_fields(viewset).items()
]


@pytest.mark.parametrize(("basename", "viewset", "field", "many"), RELATIONS, ids=str)
def test_another_organisations_id_in_a_relation_is_rejected(
    org, other_org, owner, basename, viewset, field, many
):
    own = _make(viewset, org)
    related_model = viewset.serializer_class().fields[field]
    related_model = (related_model.child_relation if many else related_model).queryset.model
    foreign = FACTORIES[related_model](organisation=other_org)
    detail = reverse(f"api:{basename}-detail", kwargs={"org": "acme", "pk": own.pk})
    value = [foreign.pk] if many else foreign.pk
    response = _client(owner, org).patch(detail, {field: value}, format="json")
    assert response.status_code == 400
    assert "in this organisation" in str(response.json()[field])


def test_relations_were_found():
    assert {("system", "owner"), ("system", "departments"), ("person", "department")} <= {
        (basename, field) for basename, _viewset, field, _many in RELATIONS
    }
