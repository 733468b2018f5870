from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.tests.factories import DepartmentFactory, SystemFactory
from leitstand.processes.models import AutomationScenario, ProcessStep
from leitstand.processes.tests.factories import (
    AutomationScenarioFactory,
    ProcessFactory,
    ProcessStepFactory,
)

pytestmark = pytest.mark.django_db


def _errors(obj) -> dict:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("minutes_per_run", Decimal("-1")),
        ("minutes_to_fix_error", Decimal("-0.5")),
        ("error_rate_percent", Decimal("-1")),
        ("error_rate_percent", Decimal("100.5")),
    ],
)
def test_step_refuses_negative_minutes_and_rates_outside_0_to_100(org, field, value):
    step = ProcessStepFactory.build(organisation=org, process=ProcessFactory(organisation=org))
    setattr(step, field, value)
    assert field in _errors(step)


@pytest.mark.parametrize("relation", ["system", "department", "integration"])
def test_step_refuses_another_organisations_system_department_or_integration(
    org, other_org, relation
):
    foreign = {
        "system": SystemFactory,
        "department": DepartmentFactory,
        "integration": IntegrationFactory,
    }[relation](organisation=other_org)
    step = ProcessStepFactory.build(
        organisation=org, process=ProcessFactory(organisation=org), **{relation: foreign}
    )
    errors = _errors(step)
    assert "of this organisation" in errors[relation][0]


def test_process_takes_revenue_per_run_or_per_year_not_both(org):
    process = ProcessFactory.build(
        organisation=org, revenue_per_run=Decimal(100), revenue_per_year=Decimal(10000)
    )
    assert "not both" in _errors(process)["revenue_per_year"][0]


def test_process_refuses_negative_runs_and_revenue(org):
    process = ProcessFactory.build(
        organisation=org, runs_per_period=Decimal(-1), revenue_per_run=Decimal(-5)
    )
    assert {"runs_per_period", "revenue_per_run"} <= set(_errors(process))


def test_scenario_refuses_negative_costs_and_minutes(org):
    scenario = AutomationScenarioFactory.build(
        organisation=org,
        process=ProcessFactory(organisation=org),
        investment=Decimal(-1),
        running_cost_per_year=Decimal(-1),
        minutes_after=Decimal(-1),
        error_rate_after_percent=Decimal(101),
    )
    errors = _errors(scenario)
    assert {
        "investment",
        "running_cost_per_year",
        "minutes_after",
        "error_rate_after_percent",
    } <= set(errors)


def test_scenario_names_are_unique_per_process(org):
    scenario = AutomationScenarioFactory(organisation=org, name="Robot")
    twin = AutomationScenario(organisation=org, process=scenario.process, name="robot")
    assert "already has a scenario" in str(_errors(twin))
    other = ProcessFactory(organisation=org)
    AutomationScenario(organisation=org, process=other, name="Robot").full_clean()


def test_deleting_a_process_removes_its_steps_and_scenarios(org):
    scenario = AutomationScenarioFactory(organisation=org)
    scenario.process.delete()
    assert not ProcessStep.objects.exists()
    assert not AutomationScenario.objects.exists()
