from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leitstand.inventory.models import Department, System
from leitstand.inventory.tests.factories import (
    CapabilityFactory,
    DepartmentFactory,
    PersonFactory,
    SystemFactory,
    VendorFactory,
)
from leitstand.tenancy.stamps import bump_landscape

pytestmark = pytest.mark.django_db


def url(name, org, **kwargs):
    return reverse(f"inventory:{name}", kwargs={"org": org.slug, **kwargs})


def names(response):
    return [system.name for system in response.context["object_list"]]


def test_list_shows_only_own_systems(login, viewer, org, other_org):
    SystemFactory(organisation=org, name="Mine")
    SystemFactory(organisation=other_org, name="Theirs")
    response = login(viewer).get(url("system_list", org))
    assert names(response) == ["Mine"]


def test_search_finds_by_name_description_and_vendor(login, viewer, org):
    vendor = VendorFactory(organisation=org, name="DATEV eG")
    SystemFactory(organisation=org, name="Lohn", vendor=vendor)
    SystemFactory(organisation=org, name="Tourenplaner", description="plant Touren")
    SystemFactory(organisation=org, name="Other")
    client = login(viewer)
    assert names(client.get(url("system_list", org), {"q": "datev"})) == ["Lohn"]
    assert names(client.get(url("system_list", org), {"q": "TOUREN"})) == ["Tourenplaner"]


def test_search_reads_the_search_column_and_follows_edits(login, editor, org, other_org):
    vendor = VendorFactory(organisation=org, name="Sage GmbH")
    system = SystemFactory(organisation=org, name="Buchhaltung", version="V2024.1")
    SystemFactory(organisation=other_org, name="Buchhaltung extern")
    client = login(editor)
    assert names(client.get(url("system_list", org), {"q": "v2024"})) == ["Buchhaltung"]
    assert names(client.get(url("system_list", org), {"q": "sage"})) == []
    System.objects.filter(pk=system.pk).update(vendor=vendor, description="Löhne und Gehälter")
    bump_landscape(org)  # as every write through a page or service does
    assert names(client.get(url("system_list", org), {"q": "sage"})) == ["Buchhaltung"]
    assert names(client.get(url("system_list", org), {"q": "und geh"})) == ["Buchhaltung"]
    assert names(client.get(url("system_list", org), {"q": "100%"})) == []
    with CaptureQueriesContext(connection) as captured:
        client.get(url("system_list", org), {"q": "buch"})
    searched = [q["sql"] for q in captured if "search_text" in q["sql"]]
    assert searched and not any("UPPER" in sql for sql in searched)


def _people(org, count):
    return [PersonFactory(organisation=org, name=f"Person {n:04d}") for n in range(count)]


def test_a_long_owner_list_is_a_type_ahead_field(login, viewer, org):
    people = _people(org, 60)
    SystemFactory(organisation=org, name="ERP", owner=people[42])
    client = login(viewer)
    html = client.get(url("system_list", org)).content.decode()
    owner_select = html[html.index('name="owner"') - 200 : html.index('name="owner"') + 400]
    assert 'data-typeahead="/o/acme/choices/people/"' in owner_select
    assert "Person 0001" not in html  # not the 60 options
    filtered = client.get(url("system_list", org), {"owner": people[42].pk})
    assert names(filtered) == ["ERP"]
    html = filtered.content.decode()
    assert f'<option value="{people[42].pk}" selected>Person 0042</option>' in html


def test_a_short_owner_list_stays_a_select(login, viewer, org):
    _people(org, 5)
    html = login(viewer).get(url("system_list", org)).content.decode()
    assert "data-typeahead" not in html
    assert "Person 0004" in html


def test_the_choices_endpoint_suggests_the_organisations_entries(login, viewer, org, other_org):
    _people(org, 30)
    PersonFactory(organisation=org, name="Anna Berg")
    PersonFactory(organisation=other_org, name="Anna Fremd")
    client = login(viewer)
    found = client.get(url("person_choices", org), {"q": "anna"}).json()
    assert [entry["label"] for entry in found["results"]] == ["Anna Berg"]
    assert found["more"] is False
    first = client.get(url("person_choices", org)).json()
    assert len(first["results"]) == 20 and first["more"] is True
    assert first["results"][0]["label"] == "Anna Berg"  # by label
    vendors = client.get(url("vendor_choices", org), {"q": "zzz"}).json()
    assert vendors == {"results": [], "more": False}


def test_the_choices_endpoint_is_for_members_only(client, outsider, org):
    client.force_login(outsider, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url("person_choices", org)).status_code in (403, 404)


def test_filters_combine(login, viewer, org):
    sales = DepartmentFactory(organisation=org, name="Sales")
    crm = CapabilityFactory(organisation=org)
    owner = PersonFactory(organisation=org)
    match = SystemFactory(
        organisation=org, name="HubSpot", centrally_managed=False, hosting="saas", owner=owner
    )
    match.departments.add(sales)
    match.capabilities.add(crm)
    SystemFactory(organisation=org, name="CAS", hosting="saas", owner=owner).departments.add(sales)
    query = {
        "department": sales.pk,
        "capability": crm.pk,
        "shadow_it": "true",
        "hosting": "saas",
        "owner": owner.pk,
        "lifecycle": "active",
    }
    assert names(login(viewer).get(url("system_list", org), query)) == ["HubSpot"]


def test_end_of_support_filter_includes_past_and_upcoming(login, viewer, org):
    today = timezone.localdate()
    SystemFactory(organisation=org, name="Past", end_of_support=today - timedelta(days=400))
    SystemFactory(organisation=org, name="Soon", end_of_support=today + timedelta(days=100))
    SystemFactory(organisation=org, name="Later", end_of_support=today + timedelta(days=800))
    SystemFactory(organisation=org, name="Unknown")
    response = login(viewer).get(
        url("system_list", org), {"eos_within": "12", "sort": "end_of_support"}
    )
    assert names(response) == ["Past", "Soon"]


def test_invalid_filter_value_shows_a_message_not_an_error(login, viewer, org):
    response = login(viewer).get(url("system_list", org), {"eos_within": "abc"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_sorting_by_cost_descending(login, viewer, org):
    SystemFactory(organisation=org, name="Cheap", annual_cost=10)
    SystemFactory(organisation=org, name="Dear", annual_cost=1000)
    assert names(login(viewer).get(url("system_list", org), {"sort": "-annual_cost"})) == [
        "Dear",
        "Cheap",
    ]


def test_list_paginates(login, viewer, org, settings):
    SystemFactory.create_batch(30, organisation=org)
    client = login(viewer)
    first = client.get(url("system_list", org))
    assert len(first.context["object_list"]) == 25
    assert len(client.get(url("system_list", org), {"page": 2}).context["object_list"]) == 5


def _add_systems(org, count):
    departments = DepartmentFactory.create_batch(3, organisation=org)
    owner, vendor = PersonFactory(organisation=org), VendorFactory(organisation=org)
    for system in SystemFactory.create_batch(count, organisation=org, owner=owner, vendor=vendor):
        system.departments.set(departments)
        system.capabilities.add(CapabilityFactory(organisation=org))


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "page", ["system_list", "person_list", "department_list", "vendor_list", "capability_list"]
)
def test_list_query_count_does_not_grow_with_entries(login, viewer, org, page):
    client = login(viewer)
    client.get(url(page, org))  # the session remembers the organisation (written once)
    _add_systems(org, 3)
    few = _queries(client, url(page, org))
    _add_systems(org, 20)
    assert _queries(client, url(page, org)) == few
    assert few <= 16  # first visit after a change: the filter choices are read and kept
    assert _queries(client, url(page, org)) <= few  # kept: only their landscape stamp is read


def test_empty_list_invites_the_first_system(login, editor, org):
    response = login(editor).get(url("system_list", org))
    assert "Add the first system" in response.content.decode()


def test_editor_creates_a_system(login, editor, org):
    department = DepartmentFactory(organisation=org)
    response = login(editor).post(
        url("system_create", org),
        {
            "name": "Clockodo",
            "kind": "application",
            "lifecycle": "active",
            "annual_cost": "2900",
            "departments": [department.pk],
        },
    )
    system = System.objects.get(organisation=org, name="Clockodo")
    assert response.status_code == 302
    assert response["Location"] == system.get_absolute_url()
    assert list(system.departments.all()) == [department]


def test_invalid_create_shows_errors_and_saves_nothing(login, editor, org):
    response = login(editor).post(
        url("system_create", org), {"name": "", "kind": "application", "lifecycle": "active"}
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert not System.objects.exists()


def test_inline_validation_answers_without_saving(login, editor, org):
    response = login(editor).post(
        url("system_create", org),
        {"name": "Valid name", "kind": "application", "lifecycle": "active", "annual_cost": "-3"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="wrap-annual_cost"' in response.content.decode()
    assert "annual_cost" in response.context["form"].errors
    assert not System.objects.exists()
    response = login(editor).post(
        url("system_create", org),
        {"name": "Valid", "kind": "application", "lifecycle": "active"},
        HTTP_HX_REQUEST="true",
    )
    assert not System.objects.exists()


def test_editor_edits_a_system(login, editor, org):
    system = SystemFactory(organisation=org, name="Old")
    response = login(editor).post(
        url("system_edit", org, pk=system.pk),
        {"name": "New", "kind": "application", "lifecycle": "phase_out"},
    )
    assert response.status_code == 302
    system.refresh_from_db()
    assert (system.name, system.lifecycle) == ("New", "phase_out")


def test_delete_asks_for_confirmation_first(login, editor, org):
    system = SystemFactory(organisation=org, name="Gone soon")
    client = login(editor)
    page = client.get(url("system_delete", org, pk=system.pk))
    assert "Delete “Gone soon”?" in page.content.decode()
    assert System.objects.filter(pk=system.pk).exists()
    response = client.post(url("system_delete", org, pk=system.pk))
    assert response.status_code == 302
    assert not System.objects.filter(pk=system.pk).exists()


def test_deleting_a_department_keeps_its_systems(login, editor, org):
    department = DepartmentFactory(organisation=org)
    system = SystemFactory(organisation=org)
    system.departments.add(department)
    login(editor).post(url("department_delete", org, pk=department.pk))
    assert not Department.objects.filter(pk=department.pk).exists()
    assert system.departments.count() == 0


def test_detail_escapes_hostile_names(login, viewer, org):
    system = SystemFactory(
        organisation=org, name="<script>alert('x')</script>", description="<b>bold</b>"
    )
    content = login(viewer).get(url("system_detail", org, pk=system.pk)).content.decode()
    assert "<script>alert('x')</script>" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    assert "&lt;b&gt;bold&lt;/b&gt;" in content


def test_detail_shows_unknown_cost_as_unknown(login, viewer, org):
    system = SystemFactory(organisation=org, annual_cost=None)
    assert "unknown" in login(viewer).get(url("system_detail", org, pk=system.pk)).content.decode()


def test_history_lists_changes_with_author(login, editor, org):
    client = login(editor)
    client.post(
        url("system_create", org), {"name": "Tracked", "kind": "application", "lifecycle": "active"}
    )
    system = System.objects.get(name="Tracked")
    client.post(
        url("system_edit", org, pk=system.pk),
        {"name": "Tracked", "kind": "application", "lifecycle": "retired"},
    )
    entries = client.get(url("system_history", org, pk=system.pk)).context["entries"]
    assert [entry.get_action_display() for entry in entries] == ["update", "create"]
    assert all(entry.actor == editor for entry in entries)


def test_viewer_sees_no_edit_buttons(login, viewer, org):
    system = SystemFactory(organisation=org)
    content = login(viewer).get(url("system_detail", org, pk=system.pk)).content.decode()
    assert url("system_edit", org, pk=system.pk) not in content
    assert "New system" not in login(viewer).get(url("system_list", org)).content.decode()


@pytest.mark.parametrize("entity", ["department", "person", "vendor", "capability"])
def test_other_entities_have_working_pages(login, editor, org, entity):
    client = login(editor)
    data = {
        "department": {"name": "Lager"},
        "person": {"name": "Helga Schulz", "job_title": "Buchhaltung"},
        "vendor": {
            "name": "DATEV eG",
            "jurisdiction": "eu",
            "contract_end": "2027-01-31",
            "notice_period_months": 3,
        },
        "capability": {
            "name_de": "Tourenplanung",
            "name_en": "Route planning",
            "differentiating": "on",
        },
    }[entity]
    assert client.post(url(f"{entity}_create", org), data).status_code == 302
    listing = client.get(url(f"{entity}_list", org), {"q": next(iter(data.values()))[:4]})
    assert listing.status_code == 200
    assert len(listing.context["object_list"]) == 1
    obj = listing.context["object_list"][0]
    assert client.get(url(f"{entity}_detail", org, pk=obj.pk)).status_code == 200
    assert client.post(url(f"{entity}_delete", org, pk=obj.pk)).status_code == 302


def test_vendor_list_shows_notice_deadline(login, viewer, org):
    VendorFactory(
        organisation=org, name="ProLog", contract_end=date(2026, 12, 31), notice_period_months=3
    )
    assert "30 Sep 2026" in login(viewer).get(url("vendor_list", org)).content.decode()


def test_the_owner_filter_lists_a_person_added_after_the_first_visit(login, editor, org):
    client = login(editor)
    PersonFactory(organisation=org, name="Erika Muster")
    assert "Erika Muster" in client.get(url("system_list", org)).content.decode()
    client.post(url("person_create", org), {"name": "Max <b>Neu</b>"})
    content = client.get(url("system_list", org)).content.decode()
    assert "Max &lt;b&gt;Neu&lt;/b&gt;" in content  # kept choices are refreshed, and escaped


def test_department_and_person_lists_count_systems_and_people(login, viewer, org):
    sales = DepartmentFactory(organisation=org, name="Sales")
    DepartmentFactory(organisation=org, name="Empty")
    erika = PersonFactory(organisation=org, name="Erika", department=sales)
    PersonFactory(organisation=org, name="Max", department=sales)
    for number in range(3):
        system = SystemFactory(organisation=org, name=f"S{number}", owner=erika, deputy=None)
        system.departments.add(sales)
    SystemFactory(organisation=org, name="Other", deputy=erika)
    client = login(viewer)
    departments = {
        d.name: (d.system_count, d.people_count)
        for d in client.get(url("department_list", org)).context["object_list"]
    }
    assert departments == {"Sales": (3, 2), "Empty": (0, 0)}
    people = {
        p.name: (p.owned_count, p.deputy_count)
        for p in client.get(url("person_list", org)).context["object_list"]
    }
    assert people["Erika"] == (3, 1)
    assert people["Max"] == (0, 0)


def test_a_department_page_lists_the_first_systems_and_links_to_all(login, viewer, org):
    from leitstand.inventory.views import LISTED_SYSTEMS

    sales = DepartmentFactory(organisation=org, name="Sales")
    for number in range(LISTED_SYSTEMS + 3):
        SystemFactory(organisation=org, name=f"Tool {number:03d}").departments.add(sales)
    page = login(viewer).get(url("department_detail", org, pk=sales.pk))
    assert [s.name for s in page.context["systems"]][:2] == ["Tool 000", "Tool 001"]
    assert len(page.context["systems"]) == LISTED_SYSTEMS
    content = page.content.decode()
    assert f"The first {LISTED_SYSTEMS} of {LISTED_SYSTEMS + 3} systems" in content
    assert f'href="{url("system_list", org)}?department={sales.pk}"' in content
