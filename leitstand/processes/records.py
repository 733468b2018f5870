"""Loads an organisation's processes for the analysis snapshot: four queries, no model instances.

Registered as `Snapshot.processes` in `ProcessesConfig.ready()`; the process page uses it for one
process (`process_ids`), so the page and the analysis compute from the same records.
"""

from collections import defaultdict

from leitstand.analysis.processes import model
from leitstand.core.queries import as_text, decimal_or_none, decimal_reader, raw_rows
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Organisation

#: ProcessStep columns: the record's own field names, in its order. `_steps` converts the
#: flag and the three numbers by position, so their places are checked by name here.
STEP_FIELDS = list(model.ProcessStep._fields)
_CONVERTED = ("automated", "minutes_per_run", "error_rate_percent", "minutes_to_fix_error")
if tuple(STEP_FIELDS[3:7]) != _CONVERTED or STEP_FIELDS[:3] != ["id", "name", "position"]:
    raise ImportError("_steps expects id, name, position, then the flag and three numbers")
SCENARIO_FIELDS = ["id", "process_id", "name", "automates_steps"]
SCENARIO_NUMBERS = [
    "minutes_after",
    "error_rate_after_percent",
    "investment",
    "running_cost_per_year",
]


def _steps(organisation: Organisation, process_ids: list[int] | None) -> dict[int, list]:
    rows = ProcessStep.objects.for_org(organisation)
    if process_ids is not None:
        rows = rows.filter(process_id__in=process_ids)
    steps: dict[int, list] = defaultdict(list)
    number, new, record = decimal_reader(), tuple.__new__, model.ProcessStep
    # Plain driver rows (20,000 steps in a large analysis): `automated` may arrive as 0/1.
    for process, pk, name, position, automated, minutes, error, fix, *rest in raw_rows(
        rows.order_by("process_id", "position", "pk").values_list("process_id", *STEP_FIELDS)
    ):
        steps[process].append(
            new(
                record,
                (
                    pk,
                    name,
                    position,
                    bool(automated),
                    number(minutes),
                    number(error),
                    number(fix),
                    *rest,
                ),
            )
        )
    return steps


def _scenario_steps(
    organisation: Organisation, process_ids: list[int] | None
) -> dict[int, list[int]]:
    links = AutomationScenario.steps.through.objects.filter(
        automationscenario__organisation=organisation
    )
    if process_ids is not None:
        links = links.filter(automationscenario__process_id__in=process_ids)
    changed: dict[int, list[int]] = defaultdict(list)
    for scenario_id, step_id in raw_rows(
        links.values_list("automationscenario_id", "processstep_id")
    ):
        changed[scenario_id].append(step_id)
    return changed


def _scenarios(organisation: Organisation, process_ids: list[int] | None) -> dict[int, list]:
    rows = AutomationScenario.objects.for_org(organisation)
    if process_ids is not None:
        rows = rows.filter(process_id__in=process_ids)
    changed = _scenario_steps(organisation, process_ids)
    scenarios: dict[int, list] = defaultdict(list)
    number = decimal_reader()
    for pk, process, name, automates, minutes, error_rate, investment, running in raw_rows(
        rows.order_by("process_id", "pk").values_list(*SCENARIO_FIELDS, *SCENARIO_NUMBERS)
    ):
        scenarios[process].append(
            model.AutomationScenario(
                id=pk,
                name=name,
                step_ids=tuple(sorted(changed.get(pk, ()))),
                minutes_after=number(minutes),
                error_rate_after_percent=number(error_rate),
                investment=number(investment),
                running_cost_per_year=number(running),
                automates_steps=bool(automates),
            )
        )
    return scenarios


def process_records(
    organisation: Organisation, process_ids: list[int] | None = None
) -> tuple[model.Process, ...]:
    """The organisation's processes (or those with `process_ids`) with their steps and
    scenarios, by id."""
    rows = Process.objects.for_org(organisation)
    if process_ids is not None:
        rows = rows.filter(pk__in=process_ids)
    steps = _steps(organisation, process_ids)
    scenarios = _scenarios(organisation, process_ids)
    return tuple(
        model.Process(
            id=pk,
            name=name,
            frequency=frequency,
            runs_per_period=decimal_or_none(runs),
            owner_id=owner_id,
            department_id=department_id,
            revenue_per_run=decimal_or_none(per_run),
            revenue_per_year=decimal_or_none(per_year),
            steps=tuple(steps.get(pk, ())),
            scenarios=tuple(scenarios.get(pk, ())),
        )
        for pk, name, frequency, owner_id, department_id, runs, per_run, per_year in rows.order_by(
            "pk"
        ).values_list(
            "id",
            "name",
            "frequency",
            "owner_id",
            "department_id",
            as_text("runs_per_period"),
            as_text("revenue_per_run"),
            as_text("revenue_per_year"),
        )
    )
