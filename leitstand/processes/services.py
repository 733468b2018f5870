"""Changes to processes beyond saving one form: adding, moving and removing steps in order."""

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Max

from leitstand.core.audit import delete_object, save_form
from leitstand.processes.forms import ProcessStepForm
from leitstand.processes.models import Process, ProcessStep

UP, DOWN = "up", "down"


def add_step(form: ProcessStepForm, actor) -> ProcessStep:
    """Save a validated new step as the process's last one."""
    process = form.instance.process
    last = process.steps.aggregate(last=Max("position"))["last"] or 0
    form.instance.position = last + 1
    return save_form(form, actor)


def _renumber(process: Process, actor) -> list[ProcessStep]:
    """Positions 1, 2, 3, ... in the current order; only changed rows are written."""
    steps = list(process.steps.order_by("position", "pk"))
    with set_actor(actor):
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
    with set_actor(actor):
        first.save(update_fields=["position"])
        second.save(update_fields=["position"])


@transaction.atomic
def delete_step(step: ProcessStep, actor) -> None:
    process = step.process
    delete_object(step, actor)
    _renumber(process, actor)
