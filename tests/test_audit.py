"""Every create, update and delete through the pages leaves exactly one audit entry."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.inventory.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

CASES = [
    ("department", Department, {"name": "Lager"}, {"name": "Lager & Versand"}),
    (
        "person",
        Person,
        {"name": "Helga Schulz"},
        {"name": "Helga Schulz", "job_title": "Buchhaltung"},
    ),
    ("vendor", Vendor, {"name": "DATEV eG"}, {"name": "DATEV eG", "country": "Deutschland"}),
    (
        "capability",
        Capability,
        {"name_de": "Tourenplanung"},
        {"name_de": "Tourenplanung", "name_en": "Routing"},
    ),
    (
        "system",
        System,
        {"name": "TourPlan", "kind": "application", "lifecycle": "active"},
        {"name": "TourPlan", "kind": "application", "lifecycle": "phase_out"},
    ),
]


@pytest.mark.parametrize(
    ("entity", "model", "create", "update"), CASES, ids=[case[0] for case in CASES]
)
def test_create_update_delete_each_leave_one_entry(
    login, editor, org, entity, model, create, update
):
    client = login(editor)
    kwargs = {"org": org.slug}
    client.post(reverse(f"inventory:{entity}_create", kwargs=kwargs), create)
    obj = model.objects.get(organisation=org)
    client.post(reverse(f"inventory:{entity}_edit", kwargs={**kwargs, "pk": obj.pk}), update)
    client.post(reverse(f"inventory:{entity}_delete", kwargs={**kwargs, "pk": obj.pk}))

    entries = list(LogEntry.objects.get_for_object(obj).order_by("pk"))
    assert [entry.action for entry in entries] == [
        LogEntry.Action.CREATE,
        LogEntry.Action.UPDATE,
        LogEntry.Action.DELETE,
    ]
    assert all(entry.actor == editor for entry in entries)
    assert all(entry.additional_data == {"organisation": org.pk} for entry in entries)


def test_many_to_many_changes_join_the_same_entry(login, editor, org):
    department = DepartmentFactory(organisation=org, name="Lager")
    client = login(editor)
    client.post(
        reverse("inventory:system_create", kwargs={"org": org.slug}),
        {
            "name": "LVS",
            "kind": "application",
            "lifecycle": "active",
            "departments": [department.pk],
        },
    )
    system = System.objects.get(name="LVS")
    entries = list(LogEntry.objects.get_for_object(system))
    assert len(entries) == 1
    assert entries[0].changes["departments"] == ["", "Lager"]


def test_unchanged_save_leaves_no_entry(login, editor, org):
    client = login(editor)
    data = {"name": "LVS", "kind": "application", "lifecycle": "active"}
    client.post(reverse("inventory:system_create", kwargs={"org": org.slug}), data)
    system = System.objects.get(name="LVS")
    client.post(reverse("inventory:system_edit", kwargs={"org": org.slug, "pk": system.pk}), data)
    assert LogEntry.objects.get_for_object(system).count() == 1


def test_change_log_page_shows_only_this_organisations_entries(
    login, editor, org, other_org, outsider
):
    login(editor).post(
        reverse("inventory:department_create", kwargs={"org": org.slug}), {"name": "Mine"}
    )
    login(outsider).post(
        reverse("inventory:department_create", kwargs={"org": other_org.slug}), {"name": "Theirs"}
    )
    page = login(editor).get(reverse("audit_log", kwargs={"org": org.slug}))
    reprs = [entry.object_repr for entry in page.context["entries"]]
    assert "Mine" in reprs
    assert "Theirs" not in reprs
    assert "Other AG" not in reprs


def test_admin_changes_are_logged_with_their_actor(client, org):
    from leitstand.inventory.tests.factories import SystemFactory
    from leitstand.tenancy.tests.factories import UserFactory

    admin = UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)
    system = SystemFactory(organisation=org, name="Before")
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("admin:inventory_system_change", args=[system.pk]))
    form_data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None
    }
    form_data.update(
        {"name": "After", "organisation": org.pk, "departments": [], "capabilities": []}
    )
    response = client.post(reverse("admin:inventory_system_change", args=[system.pk]), form_data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = LogEntry.objects.get_for_object(system).latest("pk")
    assert (entry.actor, entry.additional_data) == (admin, {"organisation": org.pk})
    assert entry.changes["name"] == ["Before", "After"]


def test_a_write_after_a_service_in_the_same_request_keeps_its_actor(org, editor):
    """auditlog's middleware sets the request's actor; a service sets it again for its own
    writes. A later write of the same request (a checklist created after its initiative) was
    logged without anybody until the service put the request's context back."""
    from auditlog.context import set_actor

    from leitstand.core.actor import acting_as

    with set_actor(editor):  # what the middleware does for the whole request
        with acting_as(editor):
            first = DepartmentFactory(organisation=org, name="Lager")
        second = DepartmentFactory(organisation=org, name="Versand")
    for department in (first, second):
        entry = LogEntry.objects.get_for_object(department).get()
        assert entry.actor == editor, department.name
