# The explanations use the multiplication and division signs.
# ruff: noqa: RUF001
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.processes.tests.factories import (
    AutomationScenarioFactory,
    ProcessFactory,
    ProcessStepFactory,
)

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"processes:{name}", kwargs={"org": "acme", **kwargs})


def _order_intake(org) -> Process:
    process = ProcessFactory(organisation=org, name="Order intake")
    ProcessStepFactory(
        organisation=org,
        process=process,
        name="Type order",
        position=1,
        minutes_per_run=15,
        error_rate_percent=3,
        minutes_to_fix_error=15,
    )
    ProcessStepFactory(
        organisation=org,
        process=process,
        name="Confirm",
        position=2,
        minutes_per_run=2,
        error_rate_percent=0,
    )
    return process


def _step_data(prefix: str = "new", **fields) -> dict:
    data = {
        "name": "Check the order",
        "automated": "False",
        "minutes_per_run": "3",
        "error_rate_percent": "0",
        "minutes_to_fix_error": "0",
        "needed": "yes",
        **fields,
    }
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_list_shows_each_process_with_hours_and_euros(login, viewer, org):
    _order_intake(org)
    html = login(viewer).get(url("process_list")).content.decode()
    assert "Order intake" in html
    assert "8,800" in html  # 40 a day x 220
    assert "2,493 h" in html  # 8,800 x 17 min / 60
    assert "€115,170" in html  # (2,493.3 h + 66 h errors) x 45


@pytest.mark.parametrize("size", [2, 12])
def test_list_needs_a_fixed_number_of_queries(
    login, viewer, org, size, django_assert_max_num_queries
):
    for _ in range(size):
        AutomationScenarioFactory(organisation=org)
    client = login(viewer)
    # + the filter choices' landscape stamp, read once and kept, + the landscape's size
    # (beyond the supported size? once per landscape)
    with django_assert_max_num_queries(18):
        assert client.get(url("process_list")).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url("process_list")).status_code == 200


def test_process_page_shows_every_figure_with_its_formula(login, viewer, org):
    process = _order_intake(org)
    html = login(viewer).get(process.get_absolute_url()).content.decode()
    assert "40 per working day × 220 working days = 8,800 runs a year" in html
    assert "2 steps take 17 min of work per run together" in html
    assert "8,800 runs × 17 min ÷ 60 = 2,493 h of manual work" in html
    assert "2,493 h ÷ 1,600 h per full-time employee = 1.56 full-time equivalents" in html
    assert "Type order: 8,800 runs × 3% × 15 min ÷ 60 = 66.0 h of fixing errors" in html
    assert "66.0 h × €45 per hour = €2,970 a year" in html
    assert 'class="process-diagram"' in html and "step-box manual" in html


def test_diagram_lanes_follow_departments_or_systems(login, viewer, org):
    process = _order_intake(org)
    erp = SystemFactory(organisation=org, name="ProLog ERP")
    process.steps.update(system=erp)
    html = login(viewer).get(process.get_absolute_url(), {"lanes": "system"}).content.decode()
    assert "ProLog ERP" in html and 'aria-current="true">Lanes by system' in html


def test_a_linked_integration_is_shown_as_counted_once(login, viewer, org):
    process = _order_intake(org)
    flow = IntegrationFactory(organisation=org, runs_per_period=40, minutes_per_run=15)
    process.steps.filter(name="Type order").update(integration=flow)
    html = login(viewer).get(process.get_absolute_url()).content.decode()
    assert 'id="counted-once"' in html
    assert "counted in the integration" in html


def test_editor_adds_a_step_at_the_end(login, editor, org):
    process = _order_intake(org)
    response = login(editor).post(url("step_add", pk=process.pk), _step_data())
    assert response.status_code == 302
    assert response["Location"].endswith("?added=1#add-step")
    added = process.steps.get(name="Check the order")
    assert added.position == 3 and added.organisation == org


def test_adding_a_step_with_htmx_answers_with_the_page(login, editor, org):
    process = _order_intake(org)
    response = login(editor).post(
        url("step_add", pk=process.pk), _step_data(), HTTP_HX_REQUEST="true", follow=True
    )
    assert 'id="process-main"' in response.content.decode()
    assert "Check the order" in response.content.decode()


def test_bad_step_input_is_refused_with_a_clear_message(login, editor, org, other_org):
    process = _order_intake(org)
    foreign = SystemFactory(organisation=other_org)
    response = login(editor).post(
        url("step_add", pk=process.pk),
        _step_data(minutes_per_run="-5", error_rate_percent="140", system=str(foreign.pk)),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value is greater than or equal to 0" in html
    assert "Ensure this value is less than or equal to 100" in html
    assert "Select a valid choice" in html
    assert process.steps.count() == 2


def test_editor_edits_a_step_in_place(login, editor, org):
    process = _order_intake(org)
    step = process.steps.get(name="Confirm")
    client = login(editor)
    form = client.get(url("step_edit", pk=step.pk)).content.decode()
    assert f'action="{url("step_edit", pk=step.pk)}"' in form and "autofocus" in form
    response = client.post(
        url("step_edit", pk=step.pk), _step_data(f"step-{step.pk}", name="Confirm by mail")
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.name == "Confirm by mail" and step.minutes_per_run == 3


def test_steps_move_up_and_down_and_stay_numbered(login, editor, org):
    process = _order_intake(org)
    confirm = process.steps.get(name="Confirm")
    client = login(editor)
    client.post(url("step_move", pk=confirm.pk), {"direction": "up"})
    assert list(process.steps.order_by("position").values_list("name", flat=True)) == [
        "Confirm",
        "Type order",
    ]
    client.post(url("step_move", pk=confirm.pk), {"direction": "up"})  # already first
    assert list(process.steps.values_list("position", flat=True).order_by("position")) == [1, 2]


def test_removing_a_step_asks_first_and_renumbers(login, editor, org):
    process = _order_intake(org)
    first = process.steps.get(position=1)
    client = login(editor)
    assert "Yes, delete" in client.get(url("step_delete", pk=first.pk)).content.decode()
    client.post(url("step_delete", pk=first.pk))
    assert list(process.steps.values_list("name", "position")) == [("Confirm", 1)]


def test_viewer_sees_no_edit_buttons(login, viewer, org):
    process = _order_intake(org)
    html = login(viewer).get(process.get_absolute_url()).content.decode()
    assert 'id="add-step"' not in html and "step_move" not in html


def test_scenario_shows_saving_and_payback_side_by_side(login, editor, org):
    process = _order_intake(org)
    client = login(editor)
    steps = list(process.steps.values_list("pk", flat=True))
    response = client.post(
        url("scenario_create", pk=process.pk),
        {
            "name": "Workflow tool",
            "steps": [str(pk) for pk in steps],
            "minutes_after": "0.75",
            "error_rate_after_percent": "0.2",
            "automates_steps": "on",
            "investment": "24000",
            "running_cost_per_year": "4800",
        },
    )
    assert response.status_code == 302
    html = client.get(process.get_absolute_url()).content.decode()
    assert "Workflow tool" in html
    assert "€105,222" in html  # 107,250 work + 2,772 errors - 4,800 running
    # cash and capacity apart: 107,250 + 2,772 = 110,022 capacity; 4,800 running cost is cash
    assert "capacity €110,022 (labour value of the hours freed, not cash)" in html
    assert "cash −€4,800 running cost" in html
    assert "Payback: €24,000 ÷ €105,222 × 12 = 2.7 months." in html
    assert "2.7 months" in html


def test_a_scenario_that_saves_nothing_shows_no_payback(login, viewer, org):
    process = _order_intake(org)
    AutomationScenarioFactory(
        organisation=org,
        process=process,
        name="Expensive",
        steps=list(process.steps.all()),
        minutes_after=Decimal(17),
        error_rate_after_percent=Decimal(3),
        running_cost_per_year=Decimal(1000),
    )
    html = login(viewer).get(process.get_absolute_url()).content.decode()
    assert "no payback" in html
    assert "nothing pays the investment back" in html


def test_scenario_form_offers_only_the_process_steps(login, editor, org):
    process = _order_intake(org)
    other = ProcessStepFactory(organisation=org, name="Elsewhere")
    response = login(editor).post(
        url("scenario_create", pk=process.pk),
        {
            "name": "X",
            "steps": [str(other.pk)],
            "minutes_after": "0",
            "investment": "0",
            "running_cost_per_year": "0",
            "error_rate_after_percent": "0",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not AutomationScenario.objects.exists()


def test_deleting_a_scenario_asks_first(login, editor, org):
    scenario = AutomationScenarioFactory(organisation=org)
    client = login(editor)
    assert "Yes, delete" in client.get(url("scenario_delete", pk=scenario.pk)).content.decode()
    client.post(url("scenario_delete", pk=scenario.pk))
    assert not AutomationScenario.objects.exists()


def test_steps_nobody_needs_are_listed_before_the_automation(login, viewer, org):
    process = _order_intake(org)
    ProcessStepFactory(
        organisation=org,
        process=process,
        name="Print a copy",
        position=3,
        minutes_per_run=2,
        error_rate_percent=0,
        needed="no",
    )
    AutomationScenarioFactory(
        organisation=org, process=process, steps=list(process.steps.all()[:1])
    )
    html = login(viewer).get(process.get_absolute_url()).content.decode()
    assert html.index("Step nobody needs:") < html.index("Automation candidate:")
    ranking = login(viewer).get(url("automation")).content.decode()
    assert "Print a copy" in ranking and 'id="candidate-table"' in ranking


def test_cockpit_shows_the_top_automation_candidates(login, viewer, org):
    process = _order_intake(org)
    AutomationScenarioFactory(organisation=org, process=process, name="Robot")
    html = login(viewer).get(reverse("cockpit:home", kwargs={"org": "acme"})).content.decode()
    assert 'id="automation-section"' in html and "Robot" in html
    assert "pays back in" in html


def test_new_process_leads_to_its_steps(login, editor, org):
    response = login(editor).post(
        url("process_create"), {"name": "Invoicing", "frequency": "week", "runs_per_period": "5"}
    )
    process = Process.objects.get(name="Invoicing")
    assert response["Location"] == process.get_absolute_url() + "?added=1#add-step"
    html = login(editor).get(response["Location"]).content.decode()
    assert "No steps yet" in html and "autofocus" in html
    assert 'id="kpis-after-steps"' in html  # the standard KPIs come with the steps


def test_step_of_another_organisation_is_not_found(login, editor, org, other_org):
    foreign = ProcessStepFactory(organisation=other_org)
    response = login(editor).post(url("step_move", pk=foreign.pk), {"direction": "up"})
    assert response.status_code == 404
    assert ProcessStep.objects.get(pk=foreign.pk).position == foreign.position


def test_a_step_offers_the_manual_flows_of_the_process_systems_when_there_are_many(
    login, editor, org
):
    process = _order_intake(org)
    step = process.steps.get(name="Confirm")
    step.system = SystemFactory(organisation=org, name="Shop")
    step.save()
    own = IntegrationFactory(organisation=org, source=step.system, method="email")
    others = [IntegrationFactory(organisation=org, method="email") for _ in range(51)]
    offered = _integration_choices(login(editor).get(url("step_edit", pk=step.pk)))
    assert own.pk in offered
    assert not offered & {other.pk for other in others}  # other systems' flows


def test_a_step_offers_every_manual_flow_while_they_fit_a_list(login, editor, org):
    process = _order_intake(org)
    step = process.steps.get(name="Confirm")
    flows = [IntegrationFactory(organisation=org, method="email") for _ in range(3)]
    offered = _integration_choices(login(editor).get(url("step_edit", pk=step.pk)))
    assert {flow.pk for flow in flows} <= offered


def _integration_choices(response) -> set[int]:
    select = re.search(
        r'<select[^>]*name="[^"]*integration"[^>]*>(.*?)</select>', response.content.decode(), re.S
    )
    return {int(pk) for pk in re.findall(r'<option value="(\d+)"', select.group(1))}
