"""The one write path of processes, their steps and automation scenarios: the pages, the API
and the demo call these. Each validates with the model's rules and leaves one audit entry
(core.audit.save_values); steps keep their positions 1, 2, 3, ... whoever adds or removes one.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from leitstand.core.actor import acting_as
from leitstand.core.audit import delete_object, save_values
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Organisation

UP, DOWN = "up", "down"


def save_process(process: Process, values: dict, *, actor) -> Process:
    return save_values(process, values, actor)


def create_process(organisation: Organisation, values: dict, *, actor) -> Process:
    return save_process(Process(organisation=organisation), values, actor=actor)


def delete_process(process: Process, *, actor) -> None:
    delete_object(process, actor)


def save_step(step: ProcessStep, values: dict, *, actor) -> ProcessStep:
    """Save a step as given (a new one without a position becomes the process's last)."""
    values = dict(values)
    if step.pk is None and not values.get("position"):
        process = values.get("process") or step.process
        last = process.steps.aggregate(last=Max("position"))["last"] or 0
        values["position"] = last + 1
    return save_values(step, values, actor)


def add_step(process: Process, values: dict, *, actor) -> ProcessStep:
    """A new step as the process's last one."""
    step = ProcessStep(organisation=process.organisation, process=process)
    return save_step(step, {**values, "process": process, "position": None}, actor=actor)


def save_scenario(scenario: AutomationScenario, values: dict, *, actor) -> AutomationScenario:
    """Save a scenario; the steps it changes must be steps of its own process."""
    process = values.get("process") or scenario.process
    steps = values.get("steps")
    if steps is None and scenario.pk is not None:
        steps = list(scenario.steps.all())
    if any(step.process_id != process.pk for step in steps or ()):
        raise ValidationError({"steps": SCENARIO_STEPS_OF_OWN_PROCESS})
    return save_values(scenario, values, actor)


def delete_scenario(scenario: AutomationScenario, *, actor) -> None:
    delete_object(scenario, actor)


SCENARIO_STEPS_OF_OWN_PROCESS = _("Choose steps of the scenario's own process.")


def _renumber(process: Process, actor) -> list[ProcessStep]:
    """Positions 1, 2, 3, ... in the current order; only changed rows are written."""
    steps = list(process.steps.order_by("position", "pk"))
    with acting_as(actor):
        for number, step in enumerate(steps, start=1):
            if step.position != number:
                step.position = number
                step.save(update_fields=["position"])
    return steps


@transaction.atomic
def move_step(step: ProcessStep, direction: str, actor) -> None:
    """Swap the step with its neighbour above or below; at either end nothing changes."""
    steps = _renumber(step.process, actor)
    index = next(i for i, other in enumerate(steps) if other.pk == step.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(steps):
        return
    first, second = steps[index], steps[other]
    first.position, second.position = second.position, first.position
    with acting_as(actor):
        first.save(update_fields=["position"])
        second.save(update_fields=["position"])


@transaction.atomic
def delete_step(step: ProcessStep, *, actor) -> None:
    """Remove the step; the others close the gap."""
    process = step.process
    delete_object(step, actor)
    _renumber(process, actor)
