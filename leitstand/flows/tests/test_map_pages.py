"""The integration map beyond a size: by department or capability, a group's systems, one
system's neighbourhood and the search that opens it (issue 22, point 6)."""

import itertools
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leitstand.flows.tests.factories import DataObjectFactory, IntegrationFactory
from leitstand.inventory.tests.factories import CapabilityFactory, DepartmentFactory, SystemFactory

pytestmark = pytest.mark.django_db

MAP = "/o/acme/map/"


@pytest.fixture
def small_map(settings):
    """Draw at most 10 systems one by one."""
    settings.LEITSTAND_MAP_MAX_NODES = 10


def _json(html: str, name: str) -> dict:
    data = html.split(f'<script id="{name}" type="application/json">')[1].split("</script>")[0]
    return json.loads(data)


def _systems(org, count, **fields):
    return [SystemFactory(organisation=org, **fields) for _ in range(count)]


def _landscape(org):
    """Sales uses 8 systems, the store 4 (one of them also Sales'), 2 have no department;
    manual flows from Sales to the store, one automated back, one inside Sales."""
    sales = DepartmentFactory(organisation=org, name="Sales")
    store = DepartmentFactory(organisation=org, name="Store")
    sales_systems = _systems(org, 8)
    store_systems = _systems(org, 3)
    for system in sales_systems:
        system.departments.add(sales)
    for system in [*store_systems, sales_systems[0]]:
        system.departments.add(store)
    loose = _systems(org, 2)
    SystemFactory(organisation=org, name="Old", lifecycle="retired").departments.add(sales)
    IntegrationFactory(organisation=org, source=sales_systems[1], target=store_systems[0])
    IntegrationFactory(organisation=org, source=sales_systems[2], target=store_systems[1])
    IntegrationFactory(
        organisation=org, source=store_systems[2], target=sales_systems[3], method="api"
    )
    IntegrationFactory(organisation=org, source=sales_systems[4], target=sales_systems[5])
    IntegrationFactory(organisation=org, source=loose[0], target=sales_systems[6])
    return sales, store, sales_systems, store_systems, loose


def test_a_small_landscape_keeps_the_whole_map(login, viewer, org):
    _landscape(org)  # 13 systems in use: fewer than the 300 drawn by default
    html = login(viewer).get(MAP).content.decode()
    assert len(_json(html, "map-data")["nodes"]) == 13
    assert "group-data" not in html
    assert "too many to draw" not in html


def test_a_large_landscape_is_drawn_by_department_and_says_why(login, viewer, org, small_map):
    _landscape(org)
    response = login(viewer).get(MAP)
    html = response.content.decode()
    assert "map-data" not in html
    assert "13 systems are too many to draw at once" in html
    assert "grouped by department" in html
    graph = _json(html, "group-data")
    groups = {group["label"]: group for group in graph["groups"]}
    assert {name: group["systems"] for name, group in groups.items()} == {
        "Sales": 8,
        "Store": 4,
        "unassigned": 2,
    }
    assert groups["Sales"]["within"]["flows"] == 1
    links = {(link["source"], link["target"], link["category"]): link for link in graph["links"]}
    sales, store = groups["Sales"]["id"], groups["Store"]["id"]
    to_store = links[sales, store, "manual"]
    # two flows of 231 h (10 a day x 220 days x 6 min, + 11 h fixing errors); the system both
    # departments use sends none
    assert (to_store["flows"], to_store["hours"]) == (2, pytest.approx(462.0))
    assert links[store, sales, "automated"]["flows"] == 1
    assert links["gnone", sales, "manual"]["flows"] == 1
    assert groups["Sales"]["url"] == f"{MAP}?group={groups['Sales']['pk']}"


def test_the_grouping_by_capability_is_remembered_in_the_links(login, viewer, org, small_map):
    _sales, _store, sales_systems, _, _ = _landscape(org)
    invoicing = CapabilityFactory(organisation=org, name_en="Invoicing")
    for system in sales_systems[:3]:
        system.capabilities.add(invoicing)
    html = login(viewer).get(MAP, {"by": "capability"}).content.decode()
    assert "grouped by capability" in html
    graph = _json(html, "group-data")
    sizes = {group["label"]: group["systems"] for group in graph["groups"]}
    assert sizes == {"Invoicing": 3, "unassigned": 10}
    invoicing_group = next(g for g in graph["groups"] if g["label"] == "Invoicing")
    assert invoicing_group["url"] == f"{MAP}?by=capability&group={invoicing.pk}"
    assert 'name="by" value="capability"' in html  # the search keeps it too


def test_opening_a_small_group_draws_its_systems_and_the_flows_between_them(
    login, viewer, org, small_map
):
    _sales, store, _, _store_systems, _ = _landscape(org)
    html = login(viewer).get(MAP, {"group": store.pk}).content.decode()
    graph = _json(html, "map-data")
    assert len(graph["nodes"]) == 4
    assert graph["edges"] == []  # the store's flows all go to systems of Sales
    assert "Flows to systems of other groups are left out" in html
    assert all(node["blast"] is None for node in graph["nodes"])


def test_opening_a_large_group_lists_its_systems_with_their_neighbourhoods(
    login, viewer, org, settings
):
    settings.LEITSTAND_MAP_MAX_NODES = 10
    sales = DepartmentFactory(organisation=org, name="Sales")
    systems = _systems(org, 12)
    for system in systems:
        system.departments.add(sales)
    response = login(viewer).get(MAP, {"group": sales.pk})
    html = response.content.decode()
    assert "map-data" not in html
    assert "12 systems are too many to draw at once" in html
    assert f'href="{MAP}?system={systems[0].pk}"' in html
    assert f"/o/acme/systems/?department={sales.pk}&amp;in_use=true" in html


def test_the_unassigned_group_holds_the_systems_without_department(login, viewer, org, small_map):
    *_, loose = _landscape(org)
    graph = _json(login(viewer).get(MAP, {"group": "none"}).content.decode(), "map-data")
    assert {node["pk"] for node in graph["nodes"]} == {system.pk for system in loose}


def test_another_organisations_group_or_system_is_not_found(login, viewer, org, other_org):
    foreign_department = DepartmentFactory(organisation=other_org)
    foreign_system = SystemFactory(organisation=other_org)
    client = login(viewer)
    assert client.get(MAP, {"group": foreign_department.pk}).status_code == 404
    assert client.get(MAP, {"system": foreign_system.pk}).status_code == 404
    assert client.get(MAP, {"q": foreign_system.name}).status_code == 200  # no match


def _chain(org, length):
    """System 0 -> 1 -> 2 -> ... : each system's neighbours are the one before and after."""
    systems = _systems(org, length)
    for source, target in itertools.pairwise(systems):
        flow = IntegrationFactory(organisation=org, source=source, target=target)
        flow.data_objects.add(DataObjectFactory(organisation=org))
    return systems


def test_a_neighbourhood_shows_the_system_its_neighbours_and_the_second_ring(login, viewer, org):
    systems = _chain(org, 8)
    IntegrationFactory(organisation=org, source=systems[2], target=systems[4])  # between them
    html = login(viewer).get(MAP, {"system": systems[3].pk}).content.decode()
    graph = _json(html, "map-data")
    drawn = {node["pk"] for node in graph["nodes"]}
    assert drawn == {system.pk for system in systems[1:6]}
    assert graph["centre"] == f"s{systems[3].pk}"
    # every flow between the drawn systems, the one between two neighbours too
    assert len(graph["edges"]) == 5
    assert "Neighbourhood of" in html and "the 2 systems it exchanges data with" in html
    assert "and 2 systems two flows away" in html


def test_a_neighbourhood_too_large_for_the_second_ring_draws_the_first(
    login, viewer, org, settings
):
    settings.LEITSTAND_MAP_MAX_NODES = 10
    hub, *spokes = _systems(org, 10)
    outer = _systems(org, 3)
    for spoke in spokes:
        IntegrationFactory(organisation=org, source=hub, target=spoke)
    for system in outer:
        IntegrationFactory(organisation=org, source=spokes[0], target=system)
    graph = _json(login(viewer).get(MAP, {"system": hub.pk}).content.decode(), "map-data")
    assert {node["pk"] for node in graph["nodes"]} == {hub.pk, *(s.pk for s in spokes)}


def test_a_hub_draws_the_neighbours_it_exchanges_most_with(login, viewer, org, settings):
    settings.LEITSTAND_MAP_MAX_NODES = 10
    hub, *spokes = _systems(org, 13)
    for spoke in spokes:
        IntegrationFactory(organisation=org, source=hub, target=spoke)
    busiest = spokes[-1]
    IntegrationFactory(organisation=org, source=busiest, target=hub)
    html = login(viewer).get(MAP, {"system": hub.pk}).content.decode()
    drawn = {node["pk"] for node in _json(html, "map-data")["nodes"]}
    assert len(drawn) == 10 and hub.pk in drawn and busiest.pk in drawn
    assert "the 12 systems it exchanges data with" in html
    assert "the 9 with the most flows are drawn" in html


def test_a_retired_system_has_no_neighbourhood_on_the_map(login, viewer, org):
    old = SystemFactory(organisation=org, name="Old ERP", lifecycle="retired")
    html = login(viewer).get(MAP, {"system": old.pk}).content.decode()
    assert "Old ERP is retired, so it is not on the map." in html
    assert "map-data" not in html


@pytest.mark.parametrize("length", [6, 40])
def test_a_neighbourhood_needs_the_same_queries_whatever_the_size(login, viewer, org, length):
    systems = _chain(org, length)
    client = login(viewer)
    url = f"{MAP}?system={systems[2].pk}"
    client.get(url)  # the session and the organisation's settings: read on every page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == NEIGHBOURHOOD_QUERIES, [q["sql"] for q in queries]


#: session, user, membership (twice: the view and the page's navigation), the user's
#: organisations; the system; flows touching it, flows of its neighbours; the systems with
#: their departments and capabilities; the flows between them and the data they carry; the
#: departments and data objects (names, colours).
NEIGHBOURHOOD_QUERIES = 15


def test_the_search_opens_the_system_named(login, viewer, org):
    erp = SystemFactory(organisation=org, name="ProLog ERP")
    SystemFactory(organisation=org, name="ProLog ERP Archive")
    response = login(viewer).get(MAP, {"q": "prolog erp"})
    assert response.status_code == 302
    assert response["Location"] == f"{MAP}?system={erp.pk}"


def test_the_search_lists_several_matches_and_keeps_the_grouping(login, viewer, org):
    shop = SystemFactory(organisation=org, name="Web shop")
    SystemFactory(organisation=org, name="Shop floor terminal")
    SystemFactory(organisation=org, name="Shopware (retired)", lifecycle="retired")
    html = login(viewer).get(MAP, {"q": "shop", "by": "capability"}).content.decode()
    assert f'href="{MAP}?by=capability&amp;system={shop.pk}"' in html
    assert "Shop floor terminal" in html
    assert "Shopware" not in html


def test_the_search_says_when_nothing_matches(login, viewer, org):
    SystemFactory(organisation=org, name="ERP")
    html = login(viewer).get(MAP, {"q": "CRM"}).content.decode()
    assert "No system in use has a name like that." in html


def test_the_grouped_map_is_kept_until_the_landscape_changes(login, viewer, org, small_map):
    _landscape(org)
    client = login(viewer)
    client.get(MAP)
    with CaptureQueriesContext(connection) as kept:
        client.get(MAP)
    with CaptureQueriesContext(connection) as capability:
        client.get(MAP, {"by": "capability"})
    assert len(kept) < len(capability)
    SystemFactory(organisation=org)
    graph = _json(client.get(MAP).content.decode(), "group-data")
    assert graph["systems"] == 14


def test_invalid_places_fall_back_to_the_whole_map(login, viewer, org):
    SystemFactory(organisation=org)
    client = login(viewer)
    for query in ({"system": "x"}, {"group": "-1"}, {"system": "9" * 30}, {"by": "vendor"}):
        assert client.get(MAP, query).status_code == 200


def test_the_map_url_is_the_one_named(org):
    assert reverse("flows:map", kwargs={"org": org.slug}) == MAP


def test_only_the_arrows_carrying_most_flows_are_drawn(login, viewer, org, small_map, monkeypatch):
    monkeypatch.setattr("leitstand.flows.mapgroups.MAX_LINKS", 2)
    _landscape(org)  # three arrows between groups: Sales -> Store carries two flows
    html = login(viewer).get(MAP).content.decode()
    graph = _json(html, "group-data")
    assert len(graph["links"]) == 2 and graph["links"][0]["flows"] == 2
    assert "1 arrow carrying the fewest flows is left out." in html
