"""Generated: every page under /o/<org>/ refuses outsiders, anonymous visitors and read-only writes.

New views are covered as soon as they are added to a urls.py. A view whose URL takes a `pk`
must say which model it refers to (`model` on the class or `org_view(model=...)`), and that
model needs a factory in its app's tests/factories.py.
"""

import pytest
from django.urls import reverse

from leitstand.tenancy.models import Role
from tests.urlwalk import example_object, org_routes, route_url

ROUTES = org_routes()


@pytest.fixture
def urls(org, other_org):
    def build(route):
        needs_object = "pk" in route.params
        own = example_object(route, org) if needs_object else None
        foreign = example_object(route, other_org) if needs_object else None
        return route_url(route, org, own), (
            route_url(route, org, foreign) if needs_object else None
        )

    return build


def _personal(route) -> bool:
    return getattr(route.view, "personal", False)


def test_routes_were_found():
    names = {route.name for route in ROUTES}
    assert {"inventory:system_list", "inventory:system_edit", "cockpit:home", "members"} <= names


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_anonymous_visitor_is_sent_to_login(client, urls, route):
    own_url, _ = urls(route)
    for method in (client.get, client.post):
        response = method(own_url)
        assert response.status_code == 302, (method, own_url)
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_outsider_gets_404(login, outsider, urls, route):
    own_url, _ = urls(route)
    client = login(outsider)
    assert client.get(own_url).status_code == 404
    assert client.post(own_url).status_code == 404


@pytest.mark.parametrize("route", [r for r in ROUTES if "pk" in r.params], ids=lambda r: r.name)
def test_member_gets_404_for_another_organisations_object(login, owner, urls, route):
    _, foreign_url = urls(route)
    client = login(owner)
    statuses = {client.get(foreign_url).status_code, client.post(foreign_url).status_code}
    assert statuses <= {404, 405}  # 405: the view does not take that method at all
    assert 404 in statuses


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_viewer_reads_but_never_writes(login, viewer, urls, route):
    own_url, _ = urls(route)
    client = login(viewer)
    expected_get = 200 if route.required_role in (None, Role.VIEWER) else 403
    assert client.get(own_url).status_code in (
        expected_get,
        404 if _personal(route) else expected_get,
    )
    if _personal(route):  # changes only the viewer's own things (e.g. API tokens)
        assert client.post(own_url).status_code in (200, 302, 404)
    else:
        assert client.post(own_url).status_code == 403


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_owner_can_open_every_page(login, owner, urls, route):
    own_url, _ = urls(route)
    assert login(owner).get(own_url).status_code in (200, 405)
