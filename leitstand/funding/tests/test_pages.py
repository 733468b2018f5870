"""Funding pages as a consultant uses them: facts, programme catalogue, a plan with its
matching, the choice of programmes, the xlsx and the PDF annex; roles and empty states."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from python_calamine import CalamineWorkbook

from leitstand.funding.models import FundingFacts, FundingPlan
from leitstand.funding.tests.factories import (
    DeMinimisAidFactory,
    FundingFactsFactory,
    FundingPlanFactory,
    LinkedEnterpriseFactory,
)

pytestmark = pytest.mark.django_db


def url(name, org, **kwargs):
    return reverse(f"funding:{name}", kwargs={"org": org.slug, **kwargs})


@pytest.fixture
def saxon(org):
    org.federal_state = "SN"
    org.annual_revenue = Decimal(8_500_000)
    org.save()
    FundingFactsFactory(organisation=org)
    return org


def test_overview_without_facts_asks_for_them(login, viewer, org):
    response = login(viewer).get(url("overview", org))
    assert response.status_code == 200
    assert "Enter the company facts" in response.content.decode()
    assert "Not decided yet" in response.content.decode()


def test_editor_saves_facts_with_state_and_turnover(login, editor, org):
    response = login(editor).post(
        url("facts", org),
        {
            "federal_state": "BY",
            "annual_revenue": "4500000",
            "fte": "50",
            "balance_sheet_total": "2000000",
            "nace_section": "C",
            "founded_year": "2004",
            "has_linked_enterprises": "false",
            "linked_enterprises_note": "",
            "de_minimis_complete": "on",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.federal_state == "BY" and org.annual_revenue == Decimal(4_500_000)
    facts = FundingFacts.objects.get(organisation=org)
    assert facts.fte == 50 and facts.has_linked_enterprises is False
    page = login(editor).get(url("facts", org)).content.decode()
    assert "Medium-sized enterprise" in page  # exactly 50 FTE
    assert LogEntry.objects.filter(additional_data__organisation=org.pk).exists()


def test_bad_facts_are_refused_and_nothing_is_saved(login, editor, org):
    response = login(editor).post(url("facts", org), {"fte": "-3", "founded_year": "12"})
    assert response.status_code == 200
    assert not FundingFacts.objects.filter(organisation=org).exists()


def test_viewer_cannot_change_facts(login, viewer, org):
    assert login(viewer).post(url("facts", org), {"fte": "5"}).status_code == 403


def test_facts_page_lists_partners_and_aid_and_aggregates(login, editor, saxon):
    facts = FundingFacts.objects.get(organisation=saxon)
    facts.has_linked_enterprises = True
    facts.save()
    LinkedEnterpriseFactory(organisation=saxon, name="Logistik Holding GmbH")
    DeMinimisAidFactory(organisation=saxon, amount=Decimal(2800))
    page = login(editor).get(url("facts", saxon)).content.decode()
    assert "Logistik Holding GmbH" in page
    assert "62.50 FTE together" in page  # 56.5 + 30 % of 20
    assert "€297,200" in page


def test_programmes_page_filters_by_state_and_marks_ended(login, viewer, saxon):
    client = login(viewer)
    page = client.get(url("programmes", saxon)).content.decode()
    assert "Digitalisation grant ERDF" in page and "Digitalbonus Bavaria" not in page
    assert "last verified on" in page
    berlin = client.get(url("programmes", saxon) + "?state=BE").content.decode()
    assert 'id="none-open"' in berlin
    everything = client.get(url("programmes", saxon) + "?state=&show=all").content.decode()
    assert "go-digital" in everything


def test_plan_detail_shows_matching_plan_timeline_and_checklist(login, viewer, saxon):
    plan = FundingPlanFactory(
        organisation=saxon,
        cost_external_consulting=Decimal(3500),
        goals="Order entry from 17 to 1 minute per order",
        milestones="2027-03-31 Pilot with 5 customers",
    )
    page = login(viewer).get(url("plan_detail", saxon, pk=plan.pk)).content.decode()
    assert "Which programmes fit" in page
    assert "€23,100" in page  # 35 % of 66,000 eligible in Saxony
    assert "Pilot with 5 customers" in page
    assert "SME declaration" in page and "De-minimis declaration" in page
    assert "Order entry from 17 to 1 minute per order" in page


def test_a_signed_contract_is_shown_and_excludes_programmes(login, viewer, saxon):
    plan = FundingPlanFactory(organisation=saxon, contract_signed_on=date(2026, 3, 3))
    page = login(viewer).get(url("plan_detail", saxon, pk=plan.pk)).content.decode()
    assert 'id="contract-warning"' in page
    assert "excludes programmes that require applying first" in page


def test_choosing_programmes_and_back_to_the_suggestion(login, editor, saxon):
    plan = FundingPlanFactory(organisation=saxon)
    client = login(editor)
    client.post(url("plan_choose", saxon, pk=plan.pk), {"programme": ["bafa-beratung"]})
    plan.refresh_from_db()
    assert plan.chosen_programmes == ["bafa-beratung"]
    response = client.post(url("plan_choose", saxon, pk=plan.pk), {"programme": ["nonsense"]})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.chosen_programmes == ["bafa-beratung"]
    client.post(url("plan_choose", saxon, pk=plan.pk), {"action": "suggest"})
    plan.refresh_from_db()
    assert plan.chosen_programmes == []


def test_plan_form_refuses_dates_out_of_order(login, editor, org):
    response = login(editor).post(
        url("plan_create", org),
        {
            "name": "E-Rechnung",
            "apply_by": "2027-02-01",
            "approval_expected": "2027-01-01",
            **{
                f"cost_{c}": "0"
                for c in (
                    "external_consulting",
                    "software_licences",
                    "implementation",
                    "hardware",
                    "training",
                    "internal_staff",
                )
            },
            "running_cost_per_year": "0",
        },
    )
    assert response.status_code == 200
    assert not FundingPlan.objects.filter(organisation=org).exists()


def test_xlsx_has_the_plan_and_neutralises_formulas(login, viewer, saxon):
    plan = FundingPlanFactory(organisation=saxon, name='=HYPERLINK("http://x")')
    response = login(viewer).get(url("plan_xlsx", saxon, pk=plan.pk) + "?lang=de")
    assert response.status_code == 200
    workbook = CalamineWorkbook.from_filelike(__import__("io").BytesIO(response.content))
    assert workbook.sheet_names[:3] == ["Förderplan", "Zeitplan", "Checkliste"]
    rows = workbook.get_sheet_by_index(0).to_python()
    assert rows[0][1] == '=HYPERLINK("http://x")'  # kept as text, not a formula
    assert any(row[0] == "Gesamtkosten" and row[1] == 79500 for row in rows)


def test_pdf_annex_in_german_and_english(login, viewer, saxon):
    plan = FundingPlanFactory(organisation=saxon)
    client = login(viewer)
    for language in ("de", "en"):
        response = client.get(url("plan_pdf", saxon, pk=plan.pk) + f"?lang={language}")
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")


def test_outsider_cannot_see_another_organisations_plan(login, outsider, saxon):
    plan = FundingPlanFactory(organisation=saxon)
    assert login(outsider).get(url("plan_detail", saxon, pk=plan.pk)).status_code == 404


def test_milestones_before_the_project_start_come_first_and_are_marked(login, viewer, saxon):
    """A roadmap's pilot often precedes the funded project; between start and end it would
    read as if the project had begun before the application."""
    plan = FundingPlanFactory(
        organisation=saxon,
        apply_by=date(2027, 1, 15),
        project_start=date(2027, 2, 15),
        project_end=date(2027, 6, 30),
        milestones="2027-03-31 Go-live\n2026-05-08 Pilot with 5 customers",
    )
    page = login(viewer).get(url("plan_detail", saxon, pk=plan.pk)).content.decode()
    timeline = page[page.index('id="timeline"') :]
    pilot, apply_by = timeline.index("Pilot with 5 customers"), timeline.index("Apply by")
    start, go_live = timeline.index("Project start"), timeline.index("Go-live")
    assert pilot < apply_by < start < go_live
    assert "(before the project start)" in timeline[pilot:apply_by]
    response = login(viewer).get(url("plan_xlsx", saxon, pk=plan.pk) + "?lang=de")
    workbook = CalamineWorkbook.from_filelike(__import__("io").BytesIO(response.content))
    steps = [row[0] for row in workbook.get_sheet_by_name("Zeitplan").to_python()]
    assert steps[1:5] == [
        "Pilot with 5 customers (vor Projektbeginn)",
        "Antrag bis",
        "Bewilligung erwartet",
        "Projektbeginn",
    ]


def test_a_plan_with_cents_shows_cents_so_its_figures_add_up(login, viewer, saxon):
    """A 3 % grant share of a 9,150 loan is 274.50; in whole euros the grant shares and the
    own share would both round up and add up to one euro more than the costs."""
    plan = FundingPlanFactory(
        organisation=saxon,
        cost_software_licences=Decimal(9150),
        cost_implementation=Decimal(0),
        cost_training=Decimal(0),
        cost_internal_staff=Decimal(0),
        chosen_programmes=["kfw-511-levelup"],
    )
    page = login(viewer).get(url("plan_detail", saxon, pk=plan.pk)).content.decode()
    assert "€274.50" in page and "€8,875.50" in page
    whole = FundingPlanFactory(organisation=saxon)
    page = login(viewer).get(url("plan_detail", saxon, pk=whole.pk)).content.decode()
    assert 'id="plan-total">€79,500<' in page  # whole euros when every amount is whole
