# The explanations use the multiplication and division signs.
# ruff: noqa: RUF001
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leitstand.flows import selectors
from leitstand.flows.models import Integration
from leitstand.flows.selectors import CELL_SHOWN
from leitstand.flows.tests.factories import DataObjectFactory, IntegrationFactory
from leitstand.inventory.tests.factories import CapabilityFactory, DepartmentFactory, SystemFactory
from leitstand.landscape.cache import forget_all

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"flows:{name}", kwargs={"org": "acme", **kwargs})


def test_list_shows_flows_with_their_yearly_effort(login, viewer, org):
    IntegrationFactory(organisation=org, source__name="Outlook", target__name="ERP")
    response = login(viewer).get(url("integration_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Outlook" in html and "ERP" in html
    assert "231 h" in html  # 10 a day x 220 days x 6 min / 60 = 220 h, + 11 h fixing errors
    assert "€10,395" in html  # 231 h x 45


def test_list_filters_by_category_and_system(login, viewer, org):
    manual = IntegrationFactory(organisation=org, method="manual")
    api = IntegrationFactory(organisation=org, method="api")
    client = login(viewer)
    listed = client.get(url("integration_list"), {"category": "automated"}).context["object_list"]
    assert list(listed) == [api]
    listed = client.get(url("integration_list"), {"system": manual.source_id}).context[
        "object_list"
    ]
    assert list(listed) == [manual]


@pytest.mark.parametrize("size", [3, 12])
def test_list_needs_a_fixed_number_of_queries(
    login, viewer, org, size, django_assert_max_num_queries
):
    for _ in range(size):
        flow = IntegrationFactory(organisation=org)
        flow.data_objects.add(DataObjectFactory(organisation=org))
    client = login(viewer)
    # + the filter choices' landscape stamp and rows, read once and kept (two selects), + the
    # landscape's size (beyond the supported size? once per landscape)
    with django_assert_max_num_queries(16):
        assert client.get(url("integration_list")).status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get(url("integration_list")).status_code == 200


def test_the_list_reads_a_page_so_the_database_can_walk_the_systems_by_name(login, viewer, org):
    """50,000 systems and 250,000 flows: sorting every flow by both names took 1.8 s a view
    on SQLite. Naming the source's organisation (and joining no organisation) lets it walk
    the systems through their (organisation, lower(name)) index: 1 ms (the plan needs the
    statistics of a large table, so this checks the query, the figures are in the README)."""
    for name in ("b", "A", "c"):
        IntegrationFactory(organisation=org, source__name=name, target__name=f"to {name}")
    client = login(viewer)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("integration_list"))
    listed = response.context["object_list"]
    assert [flow.source.name for flow in listed] == ["A", "b", "c"]
    assert listed[0].source.organisation == org and listed[0].target.organisation == org
    query = next(q["sql"] for q in queries if "LOWER(T5" in q["sql"])
    assert f'"inventory_system"."organisation_id" = {org.pk}' in query
    assert "tenancy_organisation" not in query
    (count,) = [q["sql"] for q in queries if "COUNT(*)" in q["sql"]]
    assert "JOIN" not in count  # counted without the systems
    assert f"/o/{org.slug}/integrations/{listed[0].pk}/" in response.content.decode()


def test_empty_list_invites_the_first_flow(login, editor):
    response = login(editor).get(url("integration_list"))
    assert "No integrations recorded yet" in response.content.decode()


def test_detail_shows_how_the_figure_is_computed(login, viewer, org):
    flow = IntegrationFactory(
        organisation=org,
        runs_per_period=40,
        minutes_per_run=17,
        error_rate_percent=3,
        minutes_to_fix_error=15,
    )
    html = login(viewer).get(flow.get_absolute_url()).content.decode()
    assert "40 per working day × 220 working days = 8,800 runs a year" in html
    assert "8,800 runs × 17 min ÷ 60 = 2,493 h of manual work" in html
    assert "€115,170" in html


def test_detail_says_what_is_missing(login, viewer, org):
    flow = IntegrationFactory(organisation=org, runs_per_period=None)
    html = login(viewer).get(flow.get_absolute_url()).content.decode()
    assert "cannot be computed yet" in html
    assert "how often data goes across" in html


def test_editor_records_a_flow_from_a_system_page(login, editor, org):
    source, target = SystemFactory(organisation=org), SystemFactory(organisation=org)
    orders = DataObjectFactory(organisation=org)
    client = login(editor)
    form = client.get(url("integration_create"), {"source": source.pk}).context["form"]
    assert form.initial["source"] == source.pk
    response = client.post(
        url("integration_create"),
        {
            "source": source.pk,
            "target": target.pk,
            "data_objects": [orders.pk],
            "method": "email",
            "frequency": "week",
            "runs_per_period": "5",
            "minutes_per_run": "10",
            "status": "active",
        },
    )
    flow = Integration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == flow.get_absolute_url()
    assert (flow.organisation, flow.source, flow.target) == (org, source, target)


def test_preselecting_a_foreign_system_is_refused(login, editor, other_org):
    foreign = SystemFactory(organisation=other_org)
    assert login(editor).get(url("integration_create"), {"target": foreign.pk}).status_code == 404


def test_self_loop_is_shown_as_a_form_error(login, editor, org):
    system = SystemFactory(organisation=org)
    response = login(editor).post(
        url("integration_create"),
        {
            "source": system.pk,
            "target": system.pk,
            "method": "api",
            "frequency": "day",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "from a system to itself" in response.content.decode()
    assert not Integration.objects.exists()


def test_editor_changes_and_deletes_a_flow(login, editor, org):
    flow = IntegrationFactory(organisation=org)
    client = login(editor)
    data = {
        "source": flow.source_id,
        "target": flow.target_id,
        "method": "api",
        "frequency": "day",
        "status": "planned",
    }
    assert client.post(url("integration_edit", pk=flow.pk), data).status_code == 302
    flow.refresh_from_db()
    assert (flow.method, flow.status) == ("api", "planned")
    history = client.get(url("integration_history", pk=flow.pk)).content.decode()
    assert "planned" in history
    assert client.post(url("integration_delete", pk=flow.pk)).status_code == 302
    assert not Integration.objects.exists()


def test_system_page_lists_its_flows_and_who_depends_on_it(login, viewer, org):
    erp = SystemFactory(organisation=org, name="ERP")
    tours = SystemFactory(organisation=org, name="Tours")
    portal = SystemFactory(organisation=org, name="Portal")
    IntegrationFactory(organisation=org, source=erp, target=tours)
    IntegrationFactory(organisation=org, source=tours, target=portal, method="api")
    html = login(viewer).get(erp.get_absolute_url()).content.decode()
    assert 'id="flows-panel"' in html
    assert "2 systems depend on it" in html
    assert "Portal" in html and "Tours" in html
    assert "Add a flow from this system" not in html  # viewers cannot add


def test_system_page_offers_editors_to_add_flows(login, editor, org):
    system = SystemFactory(organisation=org)
    html = login(editor).get(system.get_absolute_url()).content.decode()
    assert f"/o/acme/integrations/new/?source={system.pk}" in html
    assert f"/o/acme/integrations/new/?target={system.pk}" in html


def test_data_objects_list_their_masters(login, viewer, org):
    customers = DataObjectFactory(organisation=org, name_en="Customers")
    customers.master_systems.add(
        SystemFactory(organisation=org, name="CRM"), SystemFactory(organisation=org, name="ERP")
    )
    html = login(viewer).get(url("data_object_list")).content.decode()
    assert "more than one master" in html
    detail = login(viewer).get(customers.get_absolute_url()).content.decode()
    assert "Kept as master in 2 systems" in detail


@pytest.mark.parametrize("size", [2, 10])
def test_data_object_list_queries_do_not_grow(
    login, viewer, org, size, django_assert_max_num_queries
):
    for _ in range(size):
        DataObjectFactory(organisation=org).master_systems.add(SystemFactory(organisation=org))
    client = login(viewer)
    with django_assert_max_num_queries(10):
        assert client.get(url("data_object_list")).status_code == 200


def test_editor_marks_master_systems(login, editor, org):
    crm = SystemFactory(organisation=org)
    response = login(editor).post(
        url("data_object_create"), {"name_en": "Customers", "master_systems": [crm.pk]}
    )
    assert response.status_code == 302
    assert list(crm.mastered_data_objects.values_list("name_en", flat=True)) == ["Customers"]


def test_map_page_carries_the_graph(login, viewer, org):
    department = DepartmentFactory(organisation=org, name="Sales")
    erp = SystemFactory(organisation=org, name="ERP", annual_cost=Decimal(18000))
    erp.departments.add(department)
    IntegrationFactory(organisation=org, source=erp, method="spreadsheet")
    SystemFactory(organisation=org, name="Retired", lifecycle="retired")
    response = login(viewer).get(url("map"))
    html = response.content.decode()
    data = html.split('<script id="map-data" type="application/json">')[1].split("</script>")[0]
    graph = json.loads(data)
    labels = {node["label"] for node in graph["nodes"]}
    assert "ERP" in labels and "Retired" not in labels
    (edge,) = graph["edges"]
    assert edge["category"] == "manual"
    assert edge["hours"] == pytest.approx(231.0)
    assert graph["departments"][0]["name"] == "Sales"
    assert graph["urls"]["system"] == "/o/acme/systems/{id}/"


def test_map_page_without_systems_explains_what_to_do(login, viewer):
    html = login(viewer).get(url("map")).content.decode()
    assert "nothing to draw" in html
    assert "map-data" not in html


@pytest.mark.parametrize("size", [3, 15])
def test_map_queries_do_not_grow(login, viewer, org, size, django_assert_max_num_queries):
    for _ in range(size):
        IntegrationFactory(organisation=org)
    client = login(viewer)
    # the snapshot reads assessments and overrides too; + 1: the size that decides between
    # the whole map and the map by department
    with django_assert_max_num_queries(21):
        assert client.get(url("map")).status_code == 200


def test_capability_map_highlights_overlaps(login, viewer, org):
    crm = CapabilityFactory(organisation=org, name_en="CRM")
    sales = DepartmentFactory(organisation=org, name="Sales")
    for name in ("CAS", "HubSpot"):
        system = SystemFactory(organisation=org, name=name)
        system.capabilities.add(crm)
        system.departments.add(sales)
    response = login(viewer).get(url("capability_map"))
    html = response.content.decode()
    (row,) = response.context["rows"]
    assert row.overlap and [s.name for s in row.cells[0]] == ["CAS", "HubSpot"]
    assert "overlap-cell" in html
    assert "1 capability with overlapping systems" in html


def test_capability_map_names_the_first_systems_of_a_cell_and_links_the_rest(login, viewer, org):
    crm = CapabilityFactory(organisation=org, name_en="CRM")
    sales = DepartmentFactory(organisation=org, name="Sales")
    for number in range(CELL_SHOWN + 3):
        system = SystemFactory(organisation=org, name=f"CRM {number:02d}")
        system.capabilities.add(crm)
        system.departments.add(sales)
    response = login(viewer).get(url("capability_map"))
    (row,) = response.context["rows"]
    assert [s.name for s in row.cells[0]] == [f"CRM {n:02d}" for n in range(CELL_SHOWN)]
    assert len(row.cells[0]) == CELL_SHOWN + 3
    html = response.content.decode()
    assert f"CRM {CELL_SHOWN:02d}" not in html
    assert "and 3 more" in html
    assert f"?in_use=true&amp;capability={crm.pk}&amp;department={sales.pk}" in html


def test_a_data_object_lists_its_first_flows_and_links_all(login, viewer, org, monkeypatch):
    monkeypatch.setattr(selectors, "CARRIERS_SHOWN", 3)
    orders = DataObjectFactory(organisation=org, name_en="Orders")
    for number in range(5):
        source = SystemFactory(organisation=org, name=f"Source {number}")
        IntegrationFactory(organisation=org, source=source).data_objects.add(orders)
    response = login(viewer).get(url("data_object_detail", pk=orders.pk))
    assert [flow.source.name for flow in response.context["flows"]] == [
        "Source 0",
        "Source 1",
        "Source 2",
    ]
    html = response.content.decode()
    assert "The first 3 of 5 integrations: show all in the list" in html
    assert f"?data_object={orders.pk}" in html


def test_capability_map_without_assignments_explains_what_to_do(login, viewer):
    html = login(viewer).get(url("capability_map")).content.decode()
    assert "No system is assigned to a capability yet" in html


@pytest.mark.parametrize("size", [2, 10])
def test_system_page_with_its_flows_needs_a_fixed_number_of_queries(
    login, viewer, org, size, django_assert_max_num_queries
):
    hub = SystemFactory(organisation=org)
    for _ in range(size):
        IntegrationFactory(organisation=org, source=hub).data_objects.add(
            DataObjectFactory(organisation=org)
        )
        IntegrationFactory(organisation=org, target=hub)
    client = login(viewer)
    # + recommendation, + the organisation's analysis for the outage and resilience panels (its
    # snapshot: 20, the landscape stamp: 1)
    with django_assert_max_num_queries(41):
        assert client.get(hub.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(21):  # the analysis kept from the first visit
        assert client.get(hub.get_absolute_url()).status_code == 200


def _page_queries(client, path) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in captured]


def _chain(org, hub, length, prefix="Chain"):
    """hub -> 1 -> 2 -> ... -> length: every system of the chain depends on the hub."""
    previous = hub
    for number in range(length):
        following = SystemFactory(organisation=org, name=f"{prefix} {number:03d}")
        IntegrationFactory(organisation=org, source=previous, target=following)
        previous = following


def test_system_page_queries_do_not_grow_with_its_blast_radius(login, viewer, org, settings):
    """The same queries at 5 and at 60 dependents, on the first and on a later visit: the
    blast radius comes from the analysis kept for the landscape, not from every flow."""
    settings.LEITSTAND_PAGE_CACHE_MB = 0  # the page built each time, not sent from memory
    small = SystemFactory(organisation=org, name="Small hub")
    large = SystemFactory(organisation=org, name="Large hub")
    _chain(org, small, 5, prefix="Short")
    _chain(org, large, 60)
    client = login(viewer)
    client.get(small.get_absolute_url())  # the session remembers the organisation
    forget_all()
    cold = _page_queries(client, large.get_absolute_url())
    warm_large = _page_queries(client, large.get_absolute_url())
    warm_small = _page_queries(client, small.get_absolute_url())
    assert len(warm_large) == len(warm_small)
    assert len(warm_large) < len(cold)  # the snapshot is read once, then kept
    table = Integration._meta.db_table
    flow_reads = [sql for sql in warm_large if f'FROM "{table}"' in sql]
    assert flow_reads and all(f"= {large.pk}" in sql for sql in flow_reads)  # its flows only
    forget_all()
    assert len(_page_queries(client, small.get_absolute_url())) == len(cold)
    html = client.get(large.get_absolute_url()).content.decode()
    assert "60 systems depend on it" in html
    assert "Chain 000" in html and "Chain 029" in html and "Chain 030" not in html
    assert "and 30 more" in html


def test_dependents_follow_only_active_flows(login, viewer, org):
    erp = SystemFactory(organisation=org, name="ERP")
    shop = SystemFactory(organisation=org, name="Shop")
    IntegrationFactory(organisation=org, source=erp, target=shop, status="planned")
    client = login(viewer)
    assert (
        "No other system receives its data" in client.get(erp.get_absolute_url()).content.decode()
    )
    IntegrationFactory(organisation=org, source=erp, target=shop, status="active")
    html = client.get(erp.get_absolute_url()).content.decode()
    assert "1 system depends on it" in html  # the write renewed the kept analysis


def test_a_hub_lists_its_first_flows_per_direction_and_links_to_all(
    login, viewer, org, monkeypatch
):
    monkeypatch.setattr("leitstand.flows.panels.PANEL_ROWS", 3)
    monkeypatch.setattr("leitstand.flows.selectors.DEPENDENTS_LISTED", 2)
    hub = SystemFactory(organisation=org, name="Hub")
    for name in ["E", "D", "C", "B", "A"]:
        IntegrationFactory(organisation=org, source=hub, target__name=f"To {name}")
    IntegrationFactory(organisation=org, source__name="From Z", target=hub)
    response = login(viewer).get(hub.get_absolute_url())
    panel = next(p for p in response.context["panels"] if p.template.startswith("flows/"))
    outgoing = [flow.target.name for flow in panel.context["outgoing"]]
    assert outgoing == ["To A", "To B", "To C"]
    assert panel.context["outgoing_total"] == 5
    assert [flow.source.name for flow in panel.context["incoming"]] == ["From Z"]
    html = response.content.decode()
    assert "The first 3 of 5 flows" in html
    assert f"?system={hub.pk}" in html
    assert "5 systems depend on it" in html and "and 3 more" in html
