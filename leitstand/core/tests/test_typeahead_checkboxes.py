"""A choice from a long list in a form sends only what is chosen, with a search field's
endpoint: many entries (the master systems of a data object) as ticked checkboxes, one entry (a
system's owner) as a select of the chosen one; a short list stays as it was."""

import re

from django.urls import reverse

from leitstand.core.widgets import TYPEAHEAD_AFTER
from leitstand.flows.models import DataObject
from leitstand.flows.tests.factories import DataObjectFactory
from leitstand.inventory.tests.factories import PersonFactory, SystemFactory


def url(name: str, **kwargs) -> str:
    return reverse(f"flows:{name}", kwargs={"org": "acme", **kwargs})


def systems(org, count: int) -> list:
    return [SystemFactory(organisation=org, name=f"System {n:03d}") for n in range(count)]


def test_a_long_list_sends_only_the_chosen_entries_and_a_search(login, editor, org):
    crm, erp, *others = systems(org, TYPEAHEAD_AFTER + 1)
    customers = DataObjectFactory(organisation=org, name_en="Customers")
    customers.master_systems.add(crm, erp)
    html = login(editor).get(url("data_object_edit", pk=customers.pk)).content.decode()
    assert html.count('type="checkbox" name="master_systems"') == 2
    assert f'value="{crm.pk}"' in html and f'value="{erp.pk}"' in html
    assert others[0].name not in html
    search = reverse("inventory:system_choices", kwargs={"org": "acme"})
    assert f'data-typeahead-many="{search}"' in html
    assert "js/typeahead.js" in html


def test_a_system_picked_in_the_search_is_saved_and_an_unticked_one_removed(login, editor, org):
    crm, erp, *others = systems(org, TYPEAHEAD_AFTER + 1)
    customers = DataObjectFactory(organisation=org, name_en="Customers")
    customers.master_systems.add(crm, erp)
    response = login(editor).post(
        url("data_object_edit", pk=customers.pk),
        {"name_en": "Customers", "master_systems": [crm.pk, others[-1].pk]},
    )
    assert response.status_code == 302
    assert set(DataObject.objects.get(pk=customers.pk).master_systems.all()) == {crm, others[-1]}


def test_a_short_list_stays_checkboxes(login, editor, org):
    systems(org, TYPEAHEAD_AFTER)
    html = login(editor).get(url("data_object_create")).content.decode()
    assert html.count('name="master_systems"') == TYPEAHEAD_AFTER
    assert "data-typeahead-many" not in html


def test_a_long_list_of_people_sends_only_the_owner_chosen(login, editor, org):
    people = [PersonFactory(organisation=org, name=f"Person {n:03d}") for n in range(51)]
    system = SystemFactory(organisation=org, name="ERP", owner=people[7])
    client = login(editor)
    html = client.get(reverse("inventory:system_edit", kwargs={"org": "acme", "pk": system.pk}))
    html = html.content.decode()
    select = re.search(r'<select[^>]*name="owner"[^>]*>(.*?)</select>', html, re.S)
    assert "data-typeahead=" in select.group(0)
    assert re.findall(r'<option value="(\d*)"', select.group(1)) == ["", str(people[7].pk)]
    assert "Person 008" not in html
