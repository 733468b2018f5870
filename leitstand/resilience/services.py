"""The one write path of a system's resilience facts: the page, the API and the demo call
these; the model's rules apply to all."""

from leitstand.core.audit import delete_object, save_values
from leitstand.resilience.models import SystemResilience


def save_resilience(facts: SystemResilience, values: dict, *, actor) -> SystemResilience:
    return save_values(facts, values, actor)


def delete_resilience(facts: SystemResilience, *, actor) -> None:
    delete_object(facts, actor)
