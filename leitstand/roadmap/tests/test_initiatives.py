"""Initiatives as a user meets them: proposals, options, the team's say, business cases,
phases, dependencies and the roadmap page."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from leitstand.inventory.tests.factories import PersonFactory, SystemFactory
from leitstand.processes.tests.factories import (
    AutomationScenarioFactory,
    ProcessFactory,
    ProcessStepFactory,
)
from leitstand.resilience.models import SystemResilience
from leitstand.roadmap.models import (
    DroppedProposal,
    FindingState,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
)
from leitstand.roadmap.tests.factories import (
    InitiativeFactory,
    InitiativeOptionFactory,
    PhaseFactory,
)
from leitstand.surveys.models import SurveyPurpose

pytestmark = pytest.mark.django_db


def _url(name, org, **kwargs):
    return reverse(f"roadmap:{name}", kwargs={"org": org.slug, **kwargs})


def _unplanned_systems(org, count):
    """Critical-looking systems with resilience facts but no emergency plan."""
    systems = []
    for n in range(count):
        system = SystemFactory(organisation=org, name=f"Server {n}", personal_data=True)
        SystemResilience.objects.create(
            organisation=org, system=system, emergency_plan=False, backup_exists=False
        )
        systems.append(system)
    return systems


def test_proposals_group_findings_and_accepting_one_makes_an_initiative(org, editor, login):
    client = login(editor)
    process = ProcessFactory(organisation=org, name="Order intake")
    step = ProcessStepFactory(organisation=org, process=process, minutes_per_run=Decimal(17))
    scenario = AutomationScenarioFactory(organisation=org, process=process, name="Read mails")
    scenario.steps.set([step])
    page = client.get(_url("proposals", org))
    assert page.status_code == 200
    key = f"candidate:{scenario.pk}"
    assert key in page.content.decode()
    response = client.post(_url("proposal_decide", org), {"key": [key], "action": "accept"})
    initiative = Initiative.objects.get(organisation=org)
    assert response["Location"] == initiative.get_absolute_url()
    assert initiative.proposal_key == key
    assert list(initiative.scenarios.all()) == [scenario]
    option = initiative.options.get()
    assert option.scenario == scenario
    assert option.implementation_eur == scenario.investment
    state = initiative.findings.get()
    assert state.status == "planned" and state.kind == "automation_candidate"
    assert key not in client.get(_url("proposals", org)).content.decode()


def test_dropped_proposals_are_not_proposed_again_until_restored(org, editor, login):
    client = login(editor)
    process = ProcessFactory(organisation=org)
    step = ProcessStepFactory(organisation=org, process=process)
    scenario = AutomationScenarioFactory(organisation=org, process=process)
    scenario.steps.set([step])
    key = f"candidate:{scenario.pk}"
    client.post(_url("proposal_decide", org), {"key": [key], "action": "drop"})
    dropped = DroppedProposal.objects.get(organisation=org)
    assert key not in client.get(_url("proposals", org)).content.decode()
    client.post(_url("proposal_restore", org, pk=dropped.pk))
    assert key in client.get(_url("proposals", org)).content.decode()


def test_merging_two_proposals_gives_one_initiative_with_both_links(org, editor, login):
    client = login(editor)
    keys = []
    for n in range(2):
        process = ProcessFactory(organisation=org, name=f"Process {n}")
        step = ProcessStepFactory(organisation=org, process=process)
        scenario = AutomationScenarioFactory(organisation=org, process=process)
        scenario.steps.set([step])
        keys.append(f"candidate:{scenario.pk}")
    client.post(
        _url("proposal_decide", org), {"key": keys, "action": "merge", "name": "Automate both"}
    )
    initiative = Initiative.objects.get(organisation=org)
    assert initiative.name == "Automate both"
    assert initiative.scenarios.count() == 2 and initiative.options.count() == 2
    assert client.get(_url("proposals", org)).content.decode().count("candidate:") == 0


def test_options_compare_acceptance_surveys_side_by_side_and_one_is_chosen(
    org, editor, login, client
):
    user = login(editor)
    initiative = InitiativeFactory(organisation=org)
    first = InitiativeOptionFactory(organisation=org, initiative=initiative, name="Tool A")
    second = InitiativeOptionFactory(organisation=org, initiative=initiative, name="Tool B")
    for option in (first, second):
        response = user.post(_url("option_survey", org, pk=option.pk))
        option.refresh_from_db()
        assert response["Location"] == option.survey.get_absolute_url()
        assert option.survey.purpose == SurveyPurpose.ACCEPTANCE
        assert option.survey.process is None
    texts_a = [q.label for q in first.survey.questions.all()]
    texts_b = [q.label for q in second.survey.questions.all()]
    assert texts_a == texts_b and len(texts_a) == 4
    for option, score in ((first, 5), (second, 2)):
        for _person in range(3):
            user.cookies.clear()
            data = {f"q{q.pk}": str(score) for q in option.survey.questions.all()}
            user.post(option.survey.get_public_url(), {**data, "free_text": ""})
    user.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    html = user.get(initiative.get_absolute_url()).content.decode()
    assert 'id="acceptance-comparison"' in html
    assert "5.00" in html and "2.00" in html
    user.post(
        _url("option_choose", org, pk=initiative.pk),
        {"option": first.pk, "reason": "The order desk rated it best."},
    )
    initiative.refresh_from_db()
    assert initiative.chosen_option == first
    assert initiative.choice_reason == "The order desk rated it best."
    user.post(
        _url("option_choose", org, pk=initiative.pk), {"option": second.pk, "reason": "Cheaper."}
    )
    assert list(InitiativeOption.objects.filter(chosen=True)) == [second]


def test_choosing_needs_a_reason_and_an_option_of_this_initiative(org, editor, login):
    client = login(editor)
    initiative = InitiativeFactory(organisation=org)
    option = InitiativeOptionFactory(organisation=org, initiative=initiative)
    elsewhere = InitiativeOptionFactory(organisation=org)
    client.post(_url("option_choose", org, pk=initiative.pk), {"option": option.pk, "reason": ""})
    client.post(
        _url("option_choose", org, pk=initiative.pk), {"option": elsewhere.pk, "reason": "x"}
    )
    assert not InitiativeOption.objects.filter(chosen=True).exists()


def test_business_case_on_the_page_reads_the_scenarios_hours_from_the_analysis(org, viewer, login):
    process = ProcessFactory(organisation=org)
    step = ProcessStepFactory(
        organisation=org, process=process, minutes_per_run=Decimal(10), error_rate_percent=0
    )
    scenario = AutomationScenarioFactory(
        organisation=org, process=process, minutes_after=Decimal(1)
    )
    scenario.steps.set([step])
    initiative = InitiativeFactory(organisation=org)
    InitiativeOptionFactory(
        organisation=org,
        initiative=initiative,
        scenario=scenario,
        hours_freed_per_year=None,
        implementation_eur=Decimal(10000),
    )
    html = login(viewer).get(initiative.get_absolute_url()).content.decode()
    # 40 runs a day x 220 days x (10 - 1) minutes / 60 = 1,320 hours
    assert "1,320 h" in html
    assert "from the scenario" in html


def test_standard_phases_follow_one_another(org, editor, login):
    client = login(editor)
    initiative = InitiativeFactory(organisation=org)
    client.post(_url("standard_phases", org, pk=initiative.pk), {"start_on": "2027-01-01"})
    phases = list(initiative.phases.order_by("start_on"))
    assert [p.kind for p in phases] == ["simplify", "pilot", "evaluate", "rollout", "handover"]
    assert phases[0].start_on == date(2027, 1, 1) and phases[0].end_on == date(2027, 1, 31)
    assert phases[1].start_on == date(2027, 2, 1) and phases[1].end_on == date(2027, 3, 31)
    assert phases[-1].end_on == date(2027, 8, 31)


def test_wrap_warns_when_it_pays_back_after_the_planned_replacement(org, viewer, login):
    erp = SystemFactory(organisation=org, name="ProLog ERP 9")
    wrap = InitiativeFactory(organisation=org, name="ERP wrap")
    wrap.systems.set([erp])
    PhaseFactory(
        organisation=org,
        initiative=wrap,
        kind="rollout",
        start_on=date(2027, 1, 1),
        end_on=date(2027, 3, 31),
    )
    InitiativeOptionFactory(
        organisation=org,
        initiative=wrap,
        implementation_eur=Decimal(60000),
        running_cost_eur_per_year=0,
        hours_freed_per_year=Decimal(100),  # 4,500 EUR a year: 160 months
    )
    replacement = InitiativeFactory(organisation=org, name="ERP replacement")
    replacement.replaces.set([erp])
    PhaseFactory(
        organisation=org,
        initiative=replacement,
        kind="rollout",
        start_on=date(2028, 1, 1),
        end_on=date(2028, 6, 30),
    )
    InitiativeDependency.objects.create(organisation=org, initiative=replacement, requires=wrap)
    client = login(viewer)
    html = client.get(wrap.get_absolute_url()).content.decode()
    assert 'id="payback-warning"' in html
    assert "ERP replacement" in html
    assert "pays back after ProLog ERP 9 ends" in client.get(_url("roadmap", org)).content.decode()
    assert 'id="payback-warning"' not in client.get(replacement.get_absolute_url()).content.decode()


def test_two_initiatives_on_one_process_count_its_hours_once_on_the_roadmap(org, viewer, login):
    process = ProcessFactory(organisation=org, name="Order intake")
    for name, hours in (("Tool", 2400), ("Portal", 2200)):
        initiative = InitiativeFactory(organisation=org, name=name)
        initiative.processes.set([process])
        InitiativeOptionFactory(
            organisation=org,
            initiative=initiative,
            hours_freed_per_year=Decimal(hours),
            running_cost_eur_per_year=0,
        )
    html = login(viewer).get(_url("roadmap", org)).content.decode()
    assert 'id="sum-capacity">2,400 h' in html
    assert "Portal, Tool touch the same process" in html or "Tool, Portal touch the same" in html


def test_roadmap_filters_by_status_and_owner_and_draws_the_timeline(org, viewer, login):
    anna = PersonFactory(organisation=org, name="Anna")
    first = InitiativeFactory(organisation=org, name="Pilot one", status="in_pilot", owner=anna)
    PhaseFactory(organisation=org, initiative=first)
    second = InitiativeFactory(organisation=org, name="Idea two", status="idea")
    PhaseFactory(organisation=org, initiative=second)
    InitiativeDependency.objects.create(organisation=org, initiative=second, requires=first)
    client = login(viewer)
    html = client.get(_url("roadmap", org)).content.decode()
    assert 'id="roadmap-timeline"' in html and "marker-end" in html
    filtered = client.get(_url("roadmap", org), {"status": "in_pilot"}).content.decode()
    assert "Pilot one" in filtered and "Idea two" not in filtered
    by_owner = client.get(_url("roadmap", org), {"owner": anna.pk}).content.decode()
    assert "Pilot one" in by_owner and "Idea two" not in by_owner


def test_roadmap_query_count_does_not_grow_with_initiatives(
    org, viewer, login, django_assert_max_num_queries
):
    client = login(viewer)

    def add(count):
        for _n in range(count):
            initiative = InitiativeFactory(organisation=org)
            PhaseFactory(organisation=org, initiative=initiative)
            InitiativeOptionFactory(organisation=org, initiative=initiative)

    add(2)
    client.get(_url("roadmap", org))
    with django_assert_max_num_queries(45) as few:
        client.get(_url("roadmap", org))
    baseline = len(few)
    add(20)
    client.get(_url("roadmap", org))
    with django_assert_max_num_queries(baseline):
        client.get(_url("roadmap", org))


def test_the_kept_plan_follows_every_change_to_an_initiative(org, viewer, login):
    """The plan's totals are kept with the analysis between page views; a change to an option,
    a new initiative or a status renews the landscape stamp, so the page never shows stale
    figures."""
    client = login(viewer)
    initiative = InitiativeFactory(organisation=org, name="Pilot one", status="idea")
    option = InitiativeOptionFactory(
        organisation=org, initiative=initiative, implementation_eur=Decimal(1000)
    )

    def page(**filters):
        return client.get(_url("roadmap", org), filters).content.decode()

    assert 'id="sum-investment">€1,000<' in page()
    option.implementation_eur = Decimal(5000)
    option.save()
    assert 'id="sum-investment">€5,000<' in page()
    assert "Pilot one" not in page(status="approved")
    initiative.status = "approved"
    initiative.save()
    assert "Pilot one" in page(status="approved")
    other = InitiativeFactory(organisation=org, name="Idea two")
    InitiativeOptionFactory(organisation=org, initiative=other, implementation_eur=Decimal(300))
    assert 'id="sum-investment">€5,300<' in page()


def test_viewer_cannot_change_the_plan(org, viewer, login):
    client = login(viewer)
    initiative = InitiativeFactory(organisation=org)
    assert client.post(_url("standard_phases", org, pk=initiative.pk)).status_code == 403
    assert client.get(_url("option_create", org, pk=initiative.pk)).status_code == 403


def test_finding_state_accepted_needs_a_reason_and_a_review_date(org, editor, login):
    client = login(editor)
    state = FindingState.objects.create(
        organisation=org, key="no_emergency_plan:system:1", kind="no_emergency_plan"
    )
    url = _url("finding_state", org, pk=state.pk)
    page = client.post(url, {"status": "accepted"})
    assert "Say why the risk is accepted." in page.content.decode()
    client.post(url, {"status": "accepted", "reason": "No budget", "review_on": "2027-06-01"})
    state.refresh_from_db()
    assert state.status == "accepted" and state.review_on == date(2027, 6, 1)
    client.post(url, {"status": "done"})
    state.refresh_from_db()
    assert state.done_on is not None


def test_an_initiative_saved_on_its_page_records_what_it_depends_on(org, editor, login):
    first = InitiativeFactory(organisation=org, name="Clean up the customer data")
    response = login(editor).post(
        _url("initiative_create", org),
        {
            "name": "New CRM",
            "problem": "Customers are kept in three places.",
            "status": "idea",
            "priority": 2,
            "depends_on": [first.pk],
        },
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get(name="New CRM")
    dependency = InitiativeDependency.objects.get(initiative=initiative)
    assert (dependency.requires, dependency.organisation) == (first, org)
    entry = LogEntry.objects.get_for_object(initiative).get()
    assert entry.changes["depends_on"] == ["", "Clean up the customer data"]


def test_the_findings_page_shows_a_status_saved_after_it_was_kept(org, editor, login):
    """The working list is kept with the analysis; saving a status through its form renews
    the landscape stamp, so the next view shows the new status."""
    _unplanned_systems(org, 2)
    client = login(editor)
    findings = reverse("findings:findings", kwargs={"org": org.slug})
    first = client.get(findings)
    assert "1 planned" not in first.content.decode()
    key = next(
        member.key
        for work in first.context["worklist"]["groups"]
        for member in work.members
        if work.group.kind == "no_emergency_plan"
    )
    form = client.get(_url("finding_status", org), {"key": key})
    assert form.status_code == 200
    client.post(_url("finding_status", org) + f"?key={key}", {"status": "planned"})
    page = client.get(findings)
    (work,) = [w for w in page.context["worklist"]["groups"] if w.group.kind == "no_emergency_plan"]
    assert work.counts == {"open": 1, "planned": 1}


def _automation_candidates(org, count):
    keys = []
    for n in range(count):
        process = ProcessFactory(organisation=org, name=f"Process {n}")
        step = ProcessStepFactory(organisation=org, process=process)
        scenario = AutomationScenarioFactory(organisation=org, process=process)
        scenario.steps.set([step])
        keys.append(f"candidate:{scenario.pk}")
    return keys


def test_proposals_come_in_pages_counted_in_full(org, editor, login, monkeypatch):
    monkeypatch.setattr("leitstand.roadmap.plan_views.PROPOSALS_PER_PAGE", 2)
    keys = _automation_candidates(org, 5)
    client = login(editor)
    html = client.get(_url("proposals", org)).content.decode()
    assert html.count('class="card mb-2 proposal"') == 2
    assert '<span class="badge text-bg-secondary align-middle">5</span>' in html  # all of them
    assert "Proposals 1 to 2 of 5" in html and 'href="?page=2"' in html
    third = client.get(_url("proposals", org), {"page": 3}).content.decode()
    assert third.count('class="card mb-2 proposal"') == 1 and "Proposals 5 to 5 of 5" in third
    shown = {key for key in keys if f'value="{key}"' in third}
    response = client.post(
        _url("proposal_decide", org), {"key": list(shown), "action": "drop", "page": "3"}
    )
    assert response["Location"] == _url("proposals", org) + "?page=3"  # back where it was


@pytest.mark.parametrize("count", [3, 12])
def test_the_proposals_page_needs_the_same_queries_however_many_pages(
    org, editor, login, monkeypatch, count, django_assert_max_num_queries
):
    monkeypatch.setattr("leitstand.roadmap.plan_views.PROPOSALS_PER_PAGE", 2)
    _automation_candidates(org, count)
    client = login(editor)
    client.get(_url("proposals", org))  # the analysis and the proposals kept
    with django_assert_max_num_queries(6):
        assert client.get(_url("proposals", org)).status_code == 200
