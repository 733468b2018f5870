"""Assessing through the pages: guided questions, facts, history, overrides, portfolio."""

import json
from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from leitstand.analysis.modernisation import RULES
from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.assessment.tests.factories import AssessmentFactory, RecommendationOverrideFactory
from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.tests.factories import CapabilityFactory, SystemFactory

pytestmark = pytest.mark.django_db

GUIDED_ANSWERS = {
    "q_gone_for_a_day": "company_stops",
    "q_who_needs_it": "several_teams",
    "q_vendor_updates": "ending",
    "q_trouble": "few_times_a_year",
    "q_who_can_run_it": "one",
    "q_written_down": "partly",
    "q_read_automatically": "file_export",
}


def url(name: str, **kwargs) -> str:
    return reverse(f"assessment:{name}", kwargs={"org": "acme", **kwargs})


def form_data(method: str = "direct", **values) -> dict:
    data = {"assessed_on": timezone.localdate().isoformat(), "notes": ""}
    for axis, value in (("criticality", 3), ("health", 3), ("integration", 2)):
        data[f"{axis}_method"] = method
        if method == "direct":
            data[axis] = str(value)
    data.update(values)
    return data


def test_editor_assesses_a_system_through_the_guided_questions(login, editor, org):
    system = SystemFactory(organisation=org, name="ERP")
    client = login(editor)
    page = client.get(url("assess", pk=system.pk)).content.decode()
    assert "If this system is gone for a whole working day, what happens?" in page
    response = client.post(url("assess", pk=system.pk), form_data("guided", **GUIDED_ANSWERS))
    assert response.status_code == 302
    assessment = Assessment.objects.get(system=system)
    assert (assessment.criticality, assessment.health, assessment.integration) == (4, 2, 2)
    assert assessment.health_method == "guided" and assessment.assessed_by == editor
    assert assessment.answers["gone_for_a_day"] == "company_stops"
    detail = client.get(system.get_absolute_url()).content.decode()
    assert "Critical and in weak shape" in detail
    assert "replace.weak_and_critical" in detail


def test_the_preview_shows_the_score_with_its_reasons_and_the_recommendation(login, editor, org):
    system = SystemFactory(organisation=org)
    response = login(editor).post(
        url("assess", pk=system.pk),
        form_data("guided", **GUIDED_ANSWERS),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.templates[0].name == "assessment/_preview.html"
    assert "Average of 2, 3, 2, 2 = 2.25, rounded to 2." in html
    assert "Recommendation with these values" in html and "replace" in html
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("value", ["0", "5", "x"])
def test_a_direct_value_outside_1_to_4_is_rejected(login, editor, org, value):
    system = SystemFactory(organisation=org)
    response = login(editor).post(url("assess", pk=system.pk), form_data(health=value))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_guided_axis_needs_at_least_one_answer(login, editor, org):
    system = SystemFactory(organisation=org)
    response = login(editor).post(url("assess", pk=system.pk), form_data("guided"))
    assert "Answer at least one of the questions" in response.content.decode()
    assert not Assessment.objects.exists()


def test_facts_set_the_defaults_and_past_support_caps_health(login, editor, org):
    system = SystemFactory(organisation=org, end_of_support=date(2020, 10, 13))
    IntegrationFactory(organisation=org, source=system, method="api")
    client = login(editor)
    page = client.get(url("assess", pk=system.pk)).content.decode()
    assert "Vendor support ended on 13 Oct 2020: technical health is never above 1." in page
    assert "at least 3" in page
    response = client.post(url("assess", pk=system.pk), form_data(health="3"))
    assert "never above 1 (poor)" in response.content.decode()
    guided = form_data("guided", q_vendor_updates="installed", q_read_automatically="by_hand")
    guided.update({"q_gone_for_a_day": "team_slowed"})
    assert client.post(url("assess", pk=system.pk), guided).status_code == 302
    assessment = Assessment.objects.get(system=system)
    assert (assessment.health, assessment.integration) == (1, 3)


def test_nobody_assesses_another_organisations_system(login, owner, viewer, org, other_org):
    foreign = SystemFactory(organisation=other_org)
    response = login(owner).post(url("assess", pk=foreign.pk), form_data())
    assert response.status_code == 404
    own = SystemFactory(organisation=org)
    assert login(viewer).post(url("assess", pk=own.pk), form_data()).status_code == 403
    assert not Assessment.objects.exists()


def test_history_shows_what_changed_who_and_when(login, editor, viewer, org):
    system = SystemFactory(organisation=org)
    AssessmentFactory(organisation=org, system=system, health=3, assessed_on=date(2025, 3, 10))
    client = login(editor)
    client.post(url("assess", pk=system.pk), form_data(health="2"))
    html = login(viewer).get(url("history", pk=system.pk)).content.decode()
    assert "Technical health: 3 → <strong>2</strong>" in html
    assert "editor@acme.example" in html and "10 Mar 2025" in html
    assert "first assessment" in html


def test_deleting_an_assessment_asks_first(login, editor, org):
    assessment = AssessmentFactory(organisation=org)
    client = login(editor)
    confirm = client.get(url("assessment_delete", pk=assessment.pk)).content.decode()
    assert "Yes, delete" in confirm
    assert client.post(url("assessment_delete", pk=assessment.pk)).status_code == 302
    assert not Assessment.objects.exists()


def test_an_override_without_a_reason_is_rejected(login, editor, org):
    system = AssessmentFactory(organisation=org).system
    response = login(editor).post(
        url("override", pk=system.pk), {"strategy": "replace", "reason": "  "}
    )
    assert "Give a reason for the override." in response.content.decode()
    assert not RecommendationOverride.objects.exists()


def test_an_override_is_audited_and_shown_next_to_the_computed_value(login, editor, org):
    system = AssessmentFactory(organisation=org).system  # 3/3/2, no manual flows: retain
    client = login(editor)
    response = client.post(
        url("override", pk=system.pk),
        {"strategy": "replace", "reason": "The vendor stops the product next year."},
    )
    assert response.status_code == 302
    override = RecommendationOverride.objects.get(system=system)
    assert override.computed_strategy == "retain" and override.decided_by == editor
    entry = LogEntry.objects.get_for_object(override).get()
    assert entry.actor == editor
    html = client.get(system.get_absolute_url()).content.decode()
    assert "chosen by a person" in html and "The vendor stops the product next year." in html
    assert "The rules say:" in html and "only 0.0 h a year" in html


def test_removing_an_override_asks_first(login, editor, org):
    override = RecommendationOverrideFactory(organisation=org)
    client = login(editor)
    page = client.get(url("override_remove", pk=override.system_id)).content.decode()
    assert "Yes, remove it" in page
    assert client.post(url("override_remove", pk=override.system_id)).status_code == 302
    assert not RecommendationOverride.objects.exists()
    page = client.get(url("override_remove", pk=override.system_id)).content.decode()
    assert "There is no override to remove." in page


def test_the_system_page_says_when_a_system_is_not_assessed(login, viewer, org):
    system = SystemFactory(organisation=org)
    html = login(viewer).get(system.get_absolute_url()).content.decode()
    assert "Not assessed yet." in html and "assess first" in html
    assert "Assess this system" not in html  # a viewer cannot


def test_the_portfolio_lists_every_system_with_its_recommendation(login, viewer, org):
    wrap = AssessmentFactory(organisation=org, system__name="CAS").system
    SystemFactory(organisation=org, name="Website")
    SystemFactory(organisation=org, name="Old fax", lifecycle="retired")
    client = login(viewer)
    response = client.get(url("portfolio"))
    html = response.content.decode()
    assert "1 of 2 systems assessed" in html and "Old fax" not in html
    data = html.split('<script id="portfolio-data" type="application/json">')[1]
    chart = json.loads(data.split("</script>")[0])
    (point,) = chart["points"]
    assert (point["name"], point["x"], point["y"], point["strategy"]) == ("CAS", 3, 3, "retain")
    assert point["url"] == wrap.get_absolute_url()
    filtered = client.get(url("portfolio"), {"strategy": "assess"})
    assert [row.system_name for row in filtered.context["rows"]] == ["Website"]


@pytest.mark.parametrize("size", [3, 15])
def test_the_portfolio_needs_a_fixed_number_of_queries(
    login, viewer, org, size, django_assert_max_num_queries
):
    capability = CapabilityFactory(organisation=org)
    for _ in range(size):
        assessment = AssessmentFactory(organisation=org)
        assessment.system.capabilities.add(capability)
        RecommendationOverrideFactory(organisation=org, system=assessment.system)
    client = login(viewer)
    # 4 load the processes, 1 the resilience facts, 1 the business impacts, 1 the company check,
    # 1 the landscape stamp, 1 its size (beyond the supported size? once per landscape)
    with django_assert_max_num_queries(29):
        assert client.get(url("portfolio")).status_code == 200
    with django_assert_max_num_queries(8):  # the analysis again: kept, not loaded (20 fewer)
        assert client.get(url("portfolio")).status_code == 200


@pytest.mark.parametrize("size", [2, 10])
def test_history_needs_a_fixed_number_of_queries(
    login, viewer, org, size, django_assert_max_num_queries
):
    system = SystemFactory(organisation=org)
    for day in range(1, size + 1):
        AssessmentFactory(organisation=org, system=system, assessed_on=date(2025, 1, day))
    client = login(viewer)
    with django_assert_max_num_queries(11):
        assert client.get(url("history", pk=system.pk)).status_code == 200


def test_the_cockpit_lists_critical_and_unhealthy_systems_first(login, viewer, org):
    AssessmentFactory(organisation=org, system__name="Scanner", criticality=2, health=1)
    AssessmentFactory(organisation=org, system__name="ERP", criticality=4, health=2)
    AssessmentFactory(organisation=org, system__name="Mail", criticality=4, health=4, integration=4)
    SystemFactory(organisation=org, name="Website", annual_cost=Decimal(360))
    html = login(viewer).get(reverse("cockpit:home", kwargs={"org": "acme"})).content.decode()
    section = html.split('id="attention-section"')[1]
    assert section.index("ERP") < section.index("Scanner")
    assert "Mail" not in section  # retain: nothing to do
    assert "1 system is not assessed yet" in section


def test_the_rules_page_shows_the_rule_table_itself(login, viewer):
    html = login(viewer).get(url("rules")).content.decode()
    for rule in RULES:
        assert f'id="rule-{rule.id}"' in html
    assert "business criticality ≥ 3" in html
    assert "If this system is gone for a whole working day, what happens?" in html


def test_the_analysis_json_has_a_portfolio(login, viewer, org):
    AssessmentFactory(organisation=org, system__name="CAS")
    RecommendationOverrideFactory(organisation=org, system__name="Fax", strategy="retire")
    data = login(viewer).get(reverse("findings:analysis_json", kwargs={"org": "acme"})).json()
    assert data["systems"] == 2
    rows = {row["system"]: row for row in data["portfolio"]}
    assert rows["CAS"]["assessment"] == {
        "criticality": 3,
        "health": 3,
        "integration": 2,
        "assessed_on": timezone.localdate().isoformat(),
    }
    assert rows["CAS"]["recommendation"]["strategy"] == "retain"
    assert rows["CAS"]["recommendation"]["rule"] == "retain.little_manual_work"
    assert rows["CAS"]["time"] == "invest"
    fax = rows["Fax"]["recommendation"]
    assert fax["strategy"] == "retire" and fax["overridden"] is True
    assert fax["computed_strategy"] is None and fax["rule"] == "assess_first"
    assert rows["Fax"]["assessment"] is None and rows["Fax"]["time"] is None


def test_pages_speak_german(login, viewer, org):
    AssessmentFactory(organisation=org, system__name="CAS")
    client = login(viewer)
    client.cookies["leitstand_language"] = "de"
    html = client.get(url("portfolio")).content.decode()
    assert "Geschäftskritikalität" in html
    assert "mit API-Schicht kapseln" in html


def _chart(html: str) -> dict:
    data = html.split('<script id="portfolio-data" type="application/json">')[1]
    return json.loads(data.split("</script>")[0])


def test_the_portfolio_chart_of_many_systems_draws_the_costliest_and_the_table_pages(
    login, viewer, org, monkeypatch
):
    monkeypatch.setattr("leitstand.assessment.overview.CHART_MAX_POINTS", 2)
    monkeypatch.setattr("leitstand.assessment.views.PER_PAGE", 3)
    for name, cost in (("A", 100), ("B", 900), ("C", None), ("D", 500), ("E", 50)):
        AssessmentFactory(organisation=org, system__name=name, system__annual_cost=cost)
    client = login(viewer)
    html = client.get(url("portfolio")).content.decode()
    assert [point["name"] for point in _chart(html)["points"]] == ["B", "D"]
    assert "The chart shows the 2 assessed systems with the highest annual cost, of 5" in html
    assert "5 of 5 systems assessed" in html  # the counts cover every system
    assert html.count('<tr>\n      <td><a class="fw-semibold"') == 3
    assert "?page=2" in html
    second = client.get(url("portfolio"), {"page": 2, "strategy": "retain"})
    assert "5 of 5 systems assessed" in second.content.decode()
    assert [row.system_name for row in second.context["rows"]] == ["D", "E"]
    assert "?page=1&amp;strategy=retain" in second.content.decode()  # the filter stays


def test_the_portfolio_chart_of_few_systems_draws_them_all(login, viewer, org):
    for name in ("A", "B"):
        AssessmentFactory(organisation=org, system__name=name)
    html = login(viewer).get(url("portfolio")).content.decode()
    assert len(_chart(html)["points"]) == 2 and 'id="chart-cut"' not in html
