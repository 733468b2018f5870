from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from leitstand.cockpit.selectors import cost_by_department, inventory_figures
from leitstand.inventory.tests.factories import DepartmentFactory, PersonFactory, SystemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def landscape(org):
    today = timezone.localdate()
    owner, deputy = PersonFactory(organisation=org), PersonFactory(organisation=org)
    sales, stock = (
        DepartmentFactory(organisation=org, name="Sales"),
        DepartmentFactory(organisation=org, name="Stock"),
    )
    shared = SystemFactory(
        organisation=org,
        annual_cost=Decimal("1000"),
        owner=owner,
        deputy=deputy,
        centrally_managed=True,
    )
    shared.departments.set([sales, stock])
    SystemFactory(
        organisation=org, annual_cost=Decimal("300"), centrally_managed=False, owner=owner
    ).departments.add(sales)
    SystemFactory(organisation=org, annual_cost=None, end_of_support=today - timedelta(days=1))
    SystemFactory(
        organisation=org,
        annual_cost=Decimal("50"),
        end_of_support=today + timedelta(days=30),
        owner=owner,
    )
    SystemFactory(
        organisation=org, annual_cost=Decimal("999"), lifecycle="retired", centrally_managed=False
    )
    return org


def test_figures_count_systems_in_use_only(landscape):
    figures = inventory_figures(landscape)
    assert figures.systems == 4
    assert figures.shadow_it == 1
    assert figures.management_unknown == 2  # neither shadow IT nor managed
    assert figures.annual_cost == Decimal("1350")
    assert figures.cost_unknown == 1
    assert figures.support_past == 1
    assert figures.support_within_12_months == 2
    assert figures.without_owner == 1
    assert figures.without_deputy == 3


def test_unknown_management_is_counted_apart_and_listed(login, viewer, landscape):
    client = login(viewer)
    content = client.get(reverse("cockpit:home", kwargs={"org": landscape.slug})).content.decode()
    assert "2 systems: not known whether IT manages them" in content
    systems_url = reverse("inventory:system_list", kwargs={"org": landscape.slug})
    listed = client.get(f"{systems_url}?in_use=true&shadow_it=unknown").context["paginator"]
    managed = client.get(f"{systems_url}?in_use=true&shadow_it=false").context["paginator"]
    assert (listed.count, managed.count) == (2, 1)


def test_cost_of_a_shared_system_is_split_between_its_departments(landscape):
    rows = {row.name: row.eur_per_year for row in cost_by_department(landscape)}
    assert rows == {"Sales": Decimal("800.00"), "Stock": Decimal("500.00"), "": Decimal("50.00")}
    assert sum(rows.values()) == inventory_figures(landscape).annual_cost


def test_every_cockpit_number_links_to_a_list_with_that_many_systems(login, viewer, landscape):
    client = login(viewer)
    page = client.get(reverse("cockpit:home", kwargs={"org": landscape.slug}))
    figures = page.context["figures"]
    content = page.content.decode()
    systems_url = reverse("inventory:system_list", kwargs={"org": landscape.slug})
    expected = {
        "in_use=true": figures.systems,
        "in_use=true&shadow_it=true": figures.shadow_it,
        "in_use=true&eos_within=12": figures.support_within_12_months,
        "in_use=true&eos_within=0": figures.support_past,
        "in_use=true&no_owner=true": figures.without_owner,
        "in_use=true&no_deputy=true": figures.without_deputy,
    }
    for query, count in expected.items():
        assert f'href="{systems_url}?{query}"' in content, query
        listed = client.get(f"{systems_url}?{query}").context["paginator"].count
        assert listed == count, query
    for row in figures.cost_by_department:
        listed = client.get(f"{systems_url}?{row.filter}").context["paginator"].count
        assert listed == row.systems, row.name


def test_cockpit_shows_how_department_costs_are_computed(login, viewer, landscape):
    content = (
        login(viewer).get(reverse("cockpit:home", kwargs={"org": landscape.slug})).content.decode()
    )
    assert "split equally among the departments" in content
    assert "<svg" in content


def test_empty_organisation_gets_a_helpful_cockpit(login, owner, org):
    content = login(owner).get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    guided = content.split('id="guided-start"')[1]
    for target in ("imports:start", "inventory:system_create"):
        assert reverse(target, kwargs={"org": org.slug}) in guided
    assert reverse("organisation_create") in guided
    assert 'id="inventory-figures"' not in content  # no panel of zeros
    assert "All 0 findings" not in content and 'id="no-findings-yet"' in content


def test_cost_with_no_recorded_cost_says_no_data_yet_not_zero(login, viewer, org):
    SystemFactory(organisation=org, annual_cost=None)
    url = reverse("cockpit:home", kwargs={"org": org.slug})
    card = login(viewer).get(url).content.decode().split('id="kpi-cost"')[1].split("</a>")[0]
    assert "No data yet" in card and "€0" not in card
    SystemFactory(organisation=org, annual_cost=Decimal(1200))
    card = login(viewer).get(url).content.decode().split('id="kpi-cost"')[1].split("</a>")[0]
    assert "No data yet" not in card and "€1,200" in card


def test_sections_are_computed_once_per_landscape(login, editor, landscape, monkeypatch):
    """The cockpit's sections show landscape data only: a second visit reads them from memory
    (ranking every needed system took up to 280 ms a visit at 10,000 systems); a change of the
    landscape computes them again."""
    from leitstand.continuity import selectors as continuity
    from leitstand.inventory import services
    from leitstand.inventory.models import System

    calls = []
    original = continuity.what_could_stop_us
    monkeypatch.setattr(
        continuity, "what_could_stop_us", lambda figures: calls.append(1) or original(figures)
    )
    client = login(editor)
    url = reverse("cockpit:home", kwargs={"org": landscape.slug})
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert len(calls) == 1
    system = System.objects.for_org(landscape).first()
    services.save_system(system, {"annual_cost": Decimal("1234")}, actor=editor)
    assert client.get(url).status_code == 200
    assert len(calls) == 2
