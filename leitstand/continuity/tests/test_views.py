"""The business impact pages: the damage table and its validation, the overview, the panels
on the process and system pages, and the cockpit section."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from leitstand.continuity.models import BusinessImpact
from leitstand.continuity.tests.factories import BusinessImpactFactory
from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.processes.tests.factories import ProcessFactory, ProcessStepFactory
from leitstand.resilience.tests.factories import SystemResilienceFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"continuity:{name}", kwargs={"org": "acme", **kwargs})


def _data(**fields) -> dict:
    data = {
        "damage_money_1h": "low",
        "damage_money_4h": "normal",
        "damage_money_24h": "high",
        "damage_reputation_4h": "normal",
        "rto_hours": "8",
        "rpo_hours": "4",
        "margin_percent": "25",
        "people_idle": "8",
        "penalty_per_hour": "",
        "operating_hours_per_day": "10",
        "notes": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def order_intake(org):
    """Order intake typed into the ERP; the mail system feeds the ERP by an active integration."""
    erp = SystemFactory(organisation=org, name="ERP")
    mail = SystemFactory(organisation=org, name="Mail")
    IntegrationFactory(  # the ERP reads the mailbox by API 40 times a day: it needs the mail
        organisation=org, source=mail, target=erp, status="active", method="api", runs_per_period=40
    )
    process = ProcessFactory(organisation=org, name="Order intake", revenue_per_run=Decimal(350))
    ProcessStepFactory(organisation=org, process=process, system=erp)
    return process


def test_editor_rates_the_damage_and_the_rto_is_saved_with_an_audit_entry(
    login, editor, order_intake
):
    response = login(editor).post(url("impact_edit", pk=order_intake.pk), _data())
    assert response.status_code == 302
    impact = BusinessImpact.objects.get(process=order_intake)
    assert impact.mtpd_hours == 24
    assert impact.rto_hours == Decimal(8)
    assert impact.organisation == order_intake.organisation
    assert LogEntry.objects.get_for_object(impact).count() == 1


def test_the_form_shows_the_mtpd_and_the_preview_derives_it(login, viewer, editor, order_intake):
    page = login(editor).get(url("impact_edit", pk=order_intake.pk))
    assert "longer than a week" in page.content.decode()
    preview = login(viewer).get(
        url("mtpd_preview", pk=order_intake.pk), {"damage_contracts_72h": "very_high"}
    )
    assert "3 days" in preview.content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"rto_hours": "48"}, "rto_hours", "longer than the maximum tolerable downtime"),
        ({"rto_hours": "-1"}, "rto_hours", "greater than or equal to 0"),
        ({"rpo_hours": "-4"}, "rpo_hours", "greater than or equal to 0"),
        ({"margin_percent": "120"}, "margin_percent", "less than or equal to 100"),
        ({"margin_percent": "-5"}, "margin_percent", "greater than or equal to 0"),
        ({"penalty_per_hour": "-10"}, "penalty_per_hour", "greater than or equal to 0"),
        ({"people_idle": "-2"}, "people_idle", "greater than or equal to 0"),
        ({"operating_hours_per_day": "25"}, "operating_hours_per_day", "less than or equal to 24"),
        ({"damage_money_1h": "catastrophic"}, "damage_money_1h", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    login, editor, order_intake, fields, field, message
):
    response = login(editor).post(url("impact_edit", pk=order_intake.pk), _data(**fields))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not BusinessImpact.objects.exists()


def test_an_rto_longer_than_the_mtpd_is_refused_in_german(login, editor, order_intake):
    client = login(editor)
    with translation.override("de"):
        response = client.post(
            url("impact_edit", pk=order_intake.pk),
            _data(rto_hours="48"),
            HTTP_ACCEPT_LANGUAGE="de",
        )
    errors = " ".join(response.context["form"].errors["rto_hours"])
    assert "maximal tolerierbare Ausfallzeit" in errors
    assert not BusinessImpact.objects.exists()


def test_viewer_cannot_edit_and_outsider_sees_nothing(login, viewer, outsider, order_intake):
    assert login(viewer).post(url("impact_edit", pk=order_intake.pk), _data()).status_code == 403
    assert login(viewer).get(url("impact_edit", pk=order_intake.pk)).status_code == 403
    for name in ("impact_edit", "mtpd_preview"):
        assert login(outsider).get(url(name, pk=order_intake.pk)).status_code == 404
    assert login(outsider).get(url("overview")).status_code == 404
    assert not BusinessImpact.objects.exists()


def test_overview_lists_processes_and_the_systems_with_inherited_rto_and_gap(
    login, viewer, org, order_intake
):
    BusinessImpactFactory(organisation=org, process=order_intake)
    erp = order_intake.steps.get().system
    SystemResilienceFactory(
        organisation=org,
        system=erp,
        backup_exists=True,
        backup_interval_hours=24,
        restore_tested_on=date.today() - timedelta(days=30),
        restore_test_ok=True,
        restore_duration_hours=Decimal(10),
    )
    response = login(viewer).get(url("overview"))
    html = response.content.decode()
    assert "Order intake" in html
    rows = {row.system.name: row for row in response.context["systems"]}
    assert rows["ERP"].rto_gap == "too_slow"
    assert rows["ERP"].rpo_gap == "too_rare"
    assert rows["Mail"].rto.path == ("Mail", "ERP")
    assert rows["Mail"].rto_gap == "no_test"
    # 3,080,000 / (220 x 8) = 1,750 per hour x 25 % = 437.50 + 8 x 45 = 360 -> 797.50
    assert rows["ERP"].eur_per_hour == Decimal("797.50")
    assert "set by Order intake via Mail → ERP" in html


def test_overview_query_count_does_not_grow_with_processes(
    login, viewer, org, django_assert_max_num_queries
):
    def add(n):
        for _ in range(n):
            impact = BusinessImpactFactory(organisation=org)
            ProcessStepFactory(organisation=org, process=impact.process)

    client = login(viewer)
    add(2)
    with django_assert_max_num_queries(40) as small:
        client.get(url("overview"))
    add(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url("overview"))


def test_overview_lists_the_needed_systems_a_page_at_a_time(login, viewer, org, monkeypatch):
    """Only one page of systems is explained: a large landscape needs thousands."""
    from leitstand.continuity import views

    monkeypatch.setattr(views, "SYSTEMS_PER_PAGE", 2)
    for _ in range(3):
        impact = BusinessImpactFactory(organisation=org)
        system = SystemFactory(organisation=org)
        ProcessStepFactory(organisation=org, process=impact.process, system=system)
    client = login(viewer)
    first = client.get(url("overview")).content.decode()
    second = client.get(url("overview") + "?page=2").content.decode()
    rows = 'id="impact-systems"'
    assert rows in first and rows in second
    assert 'rel="next"' in first and 'rel="prev"' in second
    listed = [
        html.split(rows)[1].split("</table>")[0].count("#outage-panel") for html in (first, second)
    ]
    assert listed == [2, 1]


def test_process_page_shows_the_business_impact_panel(login, viewer, org, order_intake):
    BusinessImpactFactory(organisation=org, process=order_intake)
    html = login(viewer).get(order_intake.get_absolute_url()).content.decode()
    assert 'id="business-impact"' in html
    assert "4 hours" in html  # the MTPD: money high after 4 hours
    assert "Edit business impact" not in html  # a viewer cannot edit


def test_system_page_shows_outage_cost_processes_and_path(login, viewer, org, order_intake):
    BusinessImpactFactory(organisation=org, process=order_intake)
    mail = System.objects.get(organisation=org, name="Mail")
    html = login(viewer).get(mail.get_absolute_url()).content.decode()
    assert 'id="outage-panel"' in html
    assert "€798" in html
    assert "Mail → ERP" in html


def test_a_system_no_process_needs_says_why_it_costs_nothing(login, viewer, org):
    lonely = SystemFactory(organisation=org, name="Fax")
    html = login(viewer).get(lonely.get_absolute_url()).content.decode()
    assert "No process needs Fax" in html


def test_cockpit_lists_what_could_stop_us(login, viewer, org, order_intake):
    BusinessImpactFactory(organisation=org, process=order_intake, people_idle=30)
    html = login(viewer).get(reverse("cockpit:home", kwargs={"org": "acme"})).content.decode()
    assert "What could stop us" in html
    assert 'id="stop-us-list"' in html
    assert "no tested restore" in html
