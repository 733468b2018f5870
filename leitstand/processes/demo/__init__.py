"""Loads the demo's processes, their steps and automation scenarios (`<organisation-slug>.yaml`
beside this file) through the processes' services. Steps come in their order; a step that
performs an integration names its source and target system; a scenario names the steps it
changes."""

from leitstand.core.demo import with_decimals
from leitstand.flows.models import Integration
from leitstand.inventory.models import Department, Person, System
from leitstand.processes import services
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Organisation


def _steps(process: Process, records: list[dict], lookups) -> dict:
    departments, systems, integrations = lookups
    steps = {}
    for record in records:
        fields = with_decimals(ProcessStep, record)
        ends = fields.pop("integration", None)
        fields["department"] = departments.get(fields.pop("department", None))
        fields["system"] = systems.get(fields.pop("system", None))
        fields["integration"] = integrations[ends["source"], ends["target"]] if ends else None
        step = services.add_step(process, fields, actor=None)
        steps[step.name] = step
    return steps


def load_demo(organisation: Organisation, data: dict) -> None:
    departments = {d.name: d for d in Department.objects.for_org(organisation)}
    people = {p.name: p for p in Person.objects.for_org(organisation)}
    systems = {s.name: s for s in System.objects.for_org(organisation)}
    integrations = {
        (i.source.name, i.target.name): i
        for i in Integration.objects.for_org(organisation).select_related("source", "target")
    }
    for record in data.get("processes", []):
        fields = with_decimals(Process, record)
        steps, scenarios = fields.pop("steps", []), fields.pop("scenarios", [])
        fields["owner"] = people[fields.pop("owner")]
        fields["department"] = departments[fields.pop("department")]
        process = services.create_process(organisation, fields, actor=None)
        by_name = _steps(process, steps, (departments, systems, integrations))
        for scenario_record in scenarios:
            scenario_fields = with_decimals(AutomationScenario, scenario_record)
            scenario_fields["steps"] = [by_name[name] for name in scenario_fields.pop("steps")]
            scenario = AutomationScenario(organisation=organisation, process=process)
            services.save_scenario(scenario, scenario_fields, actor=None)
