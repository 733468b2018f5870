"""A system has one write path (inventory.services) that pages, the API and the demo call,
and one set of rules that the import checks too."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from leitstand.api.viewsets import OrgModelViewSet
from leitstand.core.views import OrgDeleteView, OrgFormMixin
from leitstand.imports.targets import SYSTEMS as SYSTEM_IMPORT
from leitstand.inventory import api, services, views
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import (
    CapabilityFactory,
    DepartmentFactory,
    PersonFactory,
    SystemFactory,
)

pytestmark = pytest.mark.django_db


def test_create_system_writes_links_and_leaves_one_audit_entry(org, editor):
    sales = DepartmentFactory(organisation=org, name="Sales")
    crm = CapabilityFactory(organisation=org, name_en="CRM", name_de="CRM")
    system = services.create_system(
        org, {"name": "CAS", "departments": [sales], "capabilities": [crm]}, actor=editor
    )
    assert list(system.departments.all()) == [sales]
    entries = LogEntry.objects.get_for_object(system)
    assert entries.count() == 1
    entry = entries.get()
    assert entry.actor == editor
    assert entry.changes["departments"] == ["", "Sales"]


def test_the_service_refuses_what_the_model_refuses_and_writes_nothing(org, editor):
    person = PersonFactory(organisation=org, name="Anna")
    with pytest.raises(ValidationError) as refused:
        services.create_system(
            org,
            {
                "name": "ERP",
                "owner": person,
                "deputy": person,
                "introduced_on": date(2020, 1, 1),
                "end_of_support": date(2019, 1, 1),
            },
            actor=editor,
        )
    assert set(refused.value.message_dict) == {"deputy", "end_of_support"}
    assert not System.objects.filter(name="ERP").exists()


def test_the_import_checks_a_row_with_the_same_rules_and_words(org):
    anna = PersonFactory(organisation=org, name="Anna")
    values = {
        "owner": "Anna",
        "deputy": "anna",
        "introduced_on": date(2020, 1, 1),
        "end_of_support": date(2019, 1, 1),
    }
    with translation.override("de"):
        (check,) = SYSTEM_IMPORT.checks
        problems = dict(check(values))
        model = System(
            organisation=org,
            owner=anna,
            deputy=anna,
            introduced_on=date(2020, 1, 1),
            end_of_support=date(2019, 1, 1),
        )
        with pytest.raises(ValidationError) as refused:
            model.clean()
        expected = {field: texts[0] for field, texts in refused.value.message_dict.items()}
    assert problems == expected


def test_pages_and_api_write_systems_through_the_service():
    assert views.SystemCreate.save_service is services.save_system
    assert views.SystemUpdate.save_service is services.save_system
    assert views.SystemDelete.delete_service is services.delete_system
    assert api.SystemViewSet.save_service is services.save_system
    assert api.SystemViewSet.delete_service is services.delete_system
    assert issubclass(views.SystemCreate, OrgFormMixin)
    assert issubclass(views.SystemDelete, OrgDeleteView)
    assert issubclass(api.SystemViewSet, OrgModelViewSet)


def test_a_page_edit_goes_through_the_service(client, org, editor, monkeypatch):
    system = SystemFactory(organisation=org, name="Alt")
    called = []
    real = services.save_system

    def spy(instance, values, *, actor):
        called.append(values["name"])
        return real(instance, values, actor=actor)

    monkeypatch.setattr(views.SystemUpdate, "save_service", staticmethod(spy))
    client.force_login(editor)
    response = client.post(
        reverse("inventory:system_edit", kwargs={"org": org.slug, "pk": system.pk}),
        {"name": "Neu", "lifecycle": "active", "hosting": "saas", "jurisdiction": "eu"},
    )
    assert response.status_code == 302, response.content
    assert called == ["Neu"]
    system.refresh_from_db()
    assert system.name == "Neu"
