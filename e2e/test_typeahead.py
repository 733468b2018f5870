"""A long owner list on the system list is a type-ahead field: type, pick, filtered."""

import re

import pytest
from playwright.sync_api import expect

from leitstand.inventory.tests.factories import PersonFactory, SystemFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_owner_filter_suggests_people_as_one_types(live_server, page, sign_in, org, viewer, shot):
    people = [PersonFactory(organisation=org, name=f"Person {n:03d}") for n in range(80)]
    anna = PersonFactory(organisation=org, name="Anna Berg")
    SystemFactory(organisation=org, name="Lohnbuchhaltung", owner=anna)
    SystemFactory(organisation=org, name="Lager", owner=people[3])
    sign_in(page, viewer)
    page.goto(f"{live_server.url}/o/acme/systems/")
    owner = page.get_by_label("Owner")
    expect(owner).to_have_attribute("type", "search")  # not a select of 81 people
    owner.fill("ann")
    expect(page.locator("#id_owner-suggestions option")).to_have_count(1)
    shot(page, "system-list-typeahead")
    owner.fill("Anna Berg")  # what choosing the suggestion does
    expect(page).to_have_url(re.compile(rf"owner={anna.pk}"))
    rows = page.locator("#system-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Lohnbuchhaltung")
    expect(page.get_by_label("Owner")).to_have_value("Anna Berg")
    shot(page, "system-list-filtered-by-owner")


def test_many_choices_add_a_system_found_by_typing(live_server, page, sign_in, org, editor, shot):
    """A data object's master systems from a long list: the chosen ones are ticked boxes, a
    search below adds another one as a ticked box, and saving keeps both."""
    from leitstand.flows.models import DataObject
    from leitstand.flows.tests.factories import DataObjectFactory

    systems = [SystemFactory(organisation=org, name=f"System {n:03d}") for n in range(60)]
    customers = DataObjectFactory(organisation=org, name_en="Customers")
    customers.master_systems.add(systems[0])
    sign_in(page, editor)
    page.goto(f"{live_server.url}/o/acme/data-objects/{customers.pk}/edit/")
    search = page.locator("[data-typeahead-many] input[type=search]")
    search.fill("System 042")
    expect(page.locator("[data-typeahead-many] datalist option")).to_have_count(1)
    search.fill("System 042")
    added = page.get_by_label("System 042")
    expect(added).to_be_checked()
    shot(page, "data-object-typeahead-many")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_contain_text("Customers")
    masters = set(DataObject.objects.get(pk=customers.pk).master_systems.all())
    assert masters == {systems[0], systems[42]}
