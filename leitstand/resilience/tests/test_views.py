from datetime import timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from leitstand.assessment.tests.factories import AssessmentFactory
from leitstand.continuity.tests.factories import BusinessImpactFactory
from leitstand.inventory.tests.factories import PersonFactory, SystemFactory, VendorFactory
from leitstand.processes.tests.factories import ProcessStepFactory
from leitstand.resilience.models import SystemResilience
from leitstand.resilience.tests.factories import SystemResilienceFactory

pytestmark = pytest.mark.django_db

VALID = {
    "backup_exists": "true",
    "backup_interval_hours": "24",
    "backup_copies": "3",
    "backup_media": "2",
    "backup_offsite": "true",
    "backup_offline": "true",
    "restore_test_ok": "true",
    "restore_duration_hours": "2.5",
    "two_factor": "enforced",
    "internet_facing": "true",
    "updates_by": "Service provider",
    "updates_behind": "current",
    "emergency_plan": "false",
}


def edit_url(system) -> str:
    return reverse(
        "resilience:facts_edit", kwargs={"org": system.organisation.slug, "pk": system.pk}
    )


def page(org, name: str) -> str:
    return reverse(f"resilience:{name}", kwargs={"org": org.slug})


def test_editor_records_facts_and_the_change_is_audited(login, editor, org):
    system = SystemFactory(organisation=org, name="ERP")
    tested = timezone.localdate() - timedelta(days=30)
    response = login(editor).post(
        edit_url(system), {**VALID, "restore_tested_on": tested.isoformat()}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#resilience-panel")
    facts = SystemResilience.objects.get(system=system)
    assert facts.organisation == org
    assert facts.restore_duration_hours == Decimal("2.5")
    assert facts.emergency_plan is False
    assert LogEntry.objects.get_for_object(facts).count() == 1


def test_second_save_changes_the_same_row(login, editor, org):
    resilience = SystemResilienceFactory(organisation=org, backup_exists=False)
    login(editor).post(edit_url(resilience.system), VALID)
    assert SystemResilience.objects.for_org(org).count() == 1
    resilience.refresh_from_db()
    assert resilience.backup_exists is True


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"restore_tested_on": "FUTURE"}, "restore_tested_on", "cannot lie in the future"),
        ({"restore_duration_hours": "-1"}, "restore_duration_hours", "greater than or equal"),
        ({"backup_copies": "0"}, "backup_copies", "greater than or equal"),
        ({"backup_copies": "99"}, "backup_copies", "less than or equal"),
        ({"backup_media": "0"}, "backup_media", "greater than or equal"),
        ({"backup_copies": "2", "backup_media": "3"}, "backup_media", "more storage media"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(login, editor, org, change, field, message):
    if change.get("restore_tested_on") == "FUTURE":  # computed now, not at collection
        change = {"restore_tested_on": (timezone.localdate() + timedelta(days=2)).isoformat()}
    system = SystemFactory(organisation=org)
    response = login(editor).post(edit_url(system), {**VALID, **change})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not SystemResilience.objects.filter(system=system).exists()


def test_errors_are_shown_in_german(login, editor, org, settings):
    system = SystemFactory(organisation=org)
    response = login(editor).post(
        edit_url(system),
        {**VALID, "restore_tested_on": (timezone.localdate() + timedelta(days=2)).isoformat()},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert "Wiederherstellungstest" in response.content.decode()


def test_person_of_another_organisation_is_refused(login, editor, org, other_org):
    system = SystemFactory(organisation=org)
    stranger = PersonFactory(organisation=other_org)
    response = login(editor).post(edit_url(system), {**VALID, "backup_responsible": stranger.pk})
    assert "backup_responsible" in response.context["form"].errors
    assert not SystemResilience.objects.exists()


def test_htmx_validation_never_saves(login, editor, org):
    system = SystemFactory(organisation=org)
    response = login(editor).post(edit_url(system), VALID, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert not SystemResilience.objects.exists()


def test_viewer_cannot_edit(login, viewer, org):
    system = SystemFactory(organisation=org)
    client = login(viewer)
    assert client.get(edit_url(system)).status_code == 403
    assert client.post(edit_url(system), VALID).status_code == 403
    assert not SystemResilience.objects.exists()


def test_system_of_another_organisation_is_404(login, editor, other_org):
    system = SystemFactory(organisation=other_org)
    assert login(editor).get(edit_url(system)).status_code == 404


def test_system_page_shows_the_panel(login, viewer, org):
    resilience = SystemResilienceFactory(
        organisation=org,
        backup_exists=True,
        backup_copies=2,
        restore_tested_on=timezone.localdate() - timedelta(days=400),
        restore_test_ok=True,
    )
    response = login(viewer).get(resilience.system.get_absolute_url())
    html = response.content.decode()
    assert 'id="resilience-panel"' in html
    assert "3 copies of the data" in html
    assert "counts as no restore test" in html
    assert "Change resilience facts" not in html  # a viewer cannot edit


def test_system_page_without_facts_says_not_known(login, editor, org):
    system = SystemFactory(organisation=org)
    html = login(editor).get(system.get_absolute_url()).content.decode()
    assert "Nothing recorded yet" in html
    assert edit_url(system) in html


def test_overview_shows_lights_by_outage_cost(login, viewer, org, other_org):
    cheap = SystemFactory(organisation=org, name="Cheap", annual_cost=Decimal("90000"))
    dear = SystemFactory(organisation=org, name="Dear", annual_cost=Decimal("100"))
    SystemResilienceFactory(organisation=org, system=dear, two_factor="none", internet_facing=True)
    impact = BusinessImpactFactory(organisation=org)  # 8 people idle: 8 x 45 = 360 EUR an hour
    ProcessStepFactory(organisation=org, process=impact.process, system=dear)
    SystemFactory(organisation=other_org, name="Foreign")
    response = login(viewer).get(page(org, "overview"))
    rows = response.context["rows"]
    assert [row.system.name for row in rows] == ["Dear", "Cheap"]  # not by the annual cost
    assert rows[0].outage_cost >= Decimal(360) and rows[1].outage_cost is None
    assert rows[0].lights["two_factor"] == "bad"
    assert rows[1].lights["two_factor"] == "unknown"
    html = response.content.decode()
    assert "Foreign" not in html
    assert "What the lights mean" in html
    assert "/o/acme/check/" in html and "/o/acme/continuity/" in html
    assert cheap.name in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("problems=1", ["Exposed"]),
        ("internet=1", ["Exposed"]),
        ("q=quiet", ["Quiet"]),
        ("sort=name", ["Exposed", "Quiet"]),
        ("sort=-name", ["Quiet", "Exposed"]),
        ("sort=problems", ["Exposed", "Quiet"]),
    ],
)
def test_overview_filters_and_sorts(login, viewer, org, query, expected):
    exposed = SystemFactory(organisation=org, name="Exposed", annual_cost=Decimal("10"))
    SystemFactory(organisation=org, name="Quiet", annual_cost=Decimal("20"))
    SystemResilienceFactory(
        organisation=org, system=exposed, two_factor="none", internet_facing=True
    )
    response = login(viewer).get(page(org, "overview") + "?" + query)
    assert [row.system.name for row in response.context["rows"]] == expected


def test_overview_filters_by_department_and_critical(login, viewer, org):
    system = SystemFactory(organisation=org, name="Critical one")
    AssessmentFactory(organisation=org, system=system, criticality=4)
    SystemFactory(organisation=org, name="Other")
    department = system.departments.create(organisation=org, name="Lager")
    client = login(viewer)
    by_department = client.get(page(org, "overview") + f"?department={department.pk}")
    assert [row.system.name for row in by_department.context["rows"]] == ["Critical one"]
    critical = client.get(page(org, "overview") + "?critical=1")
    assert [row.system.name for row in critical.context["rows"]] == ["Critical one"]


def test_overview_is_paginated(login, viewer, org, settings):
    for number in range(settings.LEITSTAND_PAGE_SIZE + 3):
        SystemFactory(organisation=org, name=f"S{number:03}")
    response = login(viewer).get(page(org, "overview") + "?page=2")
    assert len(response.context["rows"]) == 3
    assert response.context["total"] == settings.LEITSTAND_PAGE_SIZE + 3


def test_people_page_lists_bus_factor_one(login, viewer, org):
    owner = PersonFactory(organisation=org, name="Thomas")
    deputy = PersonFactory(organisation=org, name="Deputy")
    alone = SystemFactory(organisation=org, name="ERP", owner=owner)
    covered = SystemFactory(organisation=org, name="Mail", owner=owner, deputy=deputy)
    for system in (alone, covered):
        AssessmentFactory(organisation=org, system=system, criticality=3)
    response = login(viewer).get(page(org, "people"))
    (row,) = response.context["rows"]
    assert row.person.name == "Thomas"
    assert [system.name for system in row.systems] == ["ERP"]


def test_vendors_page_shows_shares_and_personal_data_outside_eu(login, viewer, org):
    big = VendorFactory(organisation=org, name="BigSoft", jurisdiction="non_eu")
    for name in ("A", "B"):
        system = SystemFactory(
            organisation=org, name=name, vendor=big, annual_cost=Decimal("4000"), personal_data=True
        )
        AssessmentFactory(organisation=org, system=system, criticality=4)
    SystemFactory(organisation=org, name="C", annual_cost=Decimal("2000"))
    response = login(viewer).get(page(org, "vendors"))
    (row,) = response.context["rows"]
    assert row.share.concentrated
    assert row.share.cost_percent == Decimal(80)
    html = response.content.decode()
    assert "concentration" in html
    assert [system.name for system in response.context["outside_eu"]] == ["A", "B"]


def test_nav_has_the_resilience_entry(login, viewer, org):
    html = login(viewer).get(page(org, "overview")).content.decode()
    assert 'href="/o/acme/resilience/"' in html


def test_outsider_gets_404(login, outsider, org):
    client = login(outsider)
    for name in ("overview", "people", "vendors"):
        assert client.get(page(org, name)).status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_pages_need_a_fixed_number_of_queries(
    login, viewer, org, size, django_assert_max_num_queries
):
    for _ in range(size):
        SystemResilienceFactory(organisation=org, backup_exists=True)
    client = login(viewer)
    # The first page loads the snapshot (20) + stamp, session, membership and the size of the
    # landscape (one query per landscape: is it beyond the supported size?); the others read
    # the analysis it left in the cache.
    for name, budget in (("overview", 29), ("people", 8), ("vendors", 8)):
        with django_assert_max_num_queries(budget):
            assert client.get(page(org, name)).status_code == 200
