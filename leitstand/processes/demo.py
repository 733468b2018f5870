"""The demo's processes, steps and automation scenarios (leitstand/demo/*_processes.py).

A demo organisation whose data module has no processes module (the bakery) gets none.
"""

import importlib
from types import ModuleType

from leitstand.flows.models import Integration
from leitstand.inventory.models import Department, Person, System
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Organisation


def process_data(data: ModuleType) -> ModuleType | None:
    """`leitstand.demo.muster_logistik` -> `leitstand.demo.muster_logistik_processes`."""
    try:
        return importlib.import_module(f"{data.__name__}_processes")
    except ModuleNotFoundError:
        return None


def _saved(obj):
    obj.full_clean()
    obj.save()
    return obj


def _steps(organisation: Organisation, process: Process, records: list[dict], lookups) -> dict:
    departments, systems, integrations = lookups
    steps = {}
    for position, record in enumerate(records, start=1):
        fields = dict(record)
        ends = fields.pop("integration", None)
        step = ProcessStep(
            organisation=organisation,
            process=process,
            position=position,
            department=departments.get(fields.pop("department")),
            system=systems.get(fields.pop("system")),
            integration=integrations[ends] if ends else None,
            **fields,
        )
        steps[step.name] = _saved(step)
    return steps


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    module = process_data(data)
    if module is None:
        return
    departments = {d.name: d for d in Department.objects.for_org(organisation)}
    people = {p.name: p for p in Person.objects.for_org(organisation)}
    systems = {s.name: s for s in System.objects.for_org(organisation)}
    integrations = {
        (i.source.name, i.target.name): i
        for i in Integration.objects.for_org(organisation).select_related("source", "target")
    }
    for record in module.PROCESSES:
        fields = dict(record)
        steps, scenarios = fields.pop("steps"), fields.pop("scenarios")
        process = _saved(
            Process(
                organisation=organisation,
                owner=people[fields.pop("owner")],
                department=departments[fields.pop("department")],
                **fields,
            )
        )
        by_name = _steps(organisation, process, steps, (departments, systems, integrations))
        for scenario_record in scenarios:
            scenario_fields = dict(scenario_record)
            changed = [by_name[name] for name in scenario_fields.pop("steps")]
            scenario = _saved(
                AutomationScenario(organisation=organisation, process=process, **scenario_fields)
            )
            scenario.steps.set(changed)
