"""The REST API's lists and objects are sent from memory until the landscape changes
(leitstand.tenancy.pagecache), like the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leitstand.api.tests.test_api import api, url
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.tenancy.pagecache import page_cache_lookups
from leitstand.tenancy.stamps import bump_landscape

pytestmark = pytest.mark.django_db


def _hits() -> float:
    return page_cache_lookups.labels("hit")._value.get()


def _names(response) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


def test_a_list_read_again_is_sent_from_memory_until_the_landscape_changes(org, viewer, editor):
    SystemFactory(organisation=org, name="ERP")
    reader = api(viewer, org)
    first = reader.get(url("system-list"), {"page_size": 50})
    hits = _hits()
    with CaptureQueriesContext(connection) as queries:
        again = reader.get(url("system-list"), {"page_size": 50})
    assert _hits() == hits + 1
    assert again.status_code == 200 and again["Content-Type"] == "application/json"
    assert again.content == first.content
    assert len(queries) <= 5, [q["sql"] for q in queries]  # token, membership, stamp

    created = api(editor, org).post(url("system-list"), {"name": "Webshop"}, format="json")
    assert created.status_code == 201
    assert _names(reader.get(url("system-list"), {"page_size": 50})) == ["ERP", "Webshop"]

    system = System.objects.get(name="ERP")
    System.objects.filter(pk=system.pk).update(name="ERP neu")  # no signal
    bump_landscape(org)
    assert reader.get(url("system-detail", pk=system.pk)).json()["name"] == "ERP neu"


def test_kept_per_query_host_and_format(org, viewer):
    SystemFactory(organisation=org, name="ERP")
    SystemFactory(organisation=org, name="Webshop")
    reader = api(viewer, org)
    assert _names(reader.get(url("system-list"), {"page_size": 1})) == ["ERP"]
    second = reader.get(url("system-list"), {"page_size": 1, "page": 2})
    assert _names(second) == ["Webshop"]
    assert _names(reader.get(url("system-list"), {"q": "web"})) == ["Webshop"]
    first = reader.get(url("system-list"), {"page_size": 1}).json()
    elsewhere = reader.get(url("system-list"), {"page_size": 1}, HTTP_HOST="127.0.0.1").json()
    assert first["next"].startswith("http://testserver/")
    assert elsewhere["next"].startswith("http://127.0.0.1/")  # absolute links follow the host
    compact = reader.get(url("system-list")).content
    indented = reader.get(url("system-list"), HTTP_ACCEPT="application/json; indent=2").content
    assert b"\n" not in compact and b"\n  " in indented  # kept per Accept header
    assert reader.get(url("system-list"), HTTP_ACCEPT="text/html").status_code == 406


def test_errors_and_other_organisations_are_never_sent_from_memory(org, other_org, viewer):
    system = SystemFactory(organisation=org, name="ERP")
    reader = api(viewer, org)
    assert reader.get(url("system-detail", pk=system.pk + 1000)).status_code == 404
    assert reader.get(url("system-detail", pk=system.pk + 1000)).status_code == 404
    assert reader.get(url("system-detail", pk=system.pk)).status_code == 200
    # the same path under another organisation: the token does not open it
    assert reader.get(url("system-list", org=other_org.slug)).status_code == 404
    revoked = api(viewer, org)
    revoked.credentials(HTTP_AUTHORIZATION="Bearer ls_unknown")
    assert revoked.get(url("system-detail", pk=system.pk)).status_code == 401
