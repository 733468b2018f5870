"""The one write path of a process's business impact: the page, the API and the demo call
these; the model's rules (one impact per process, RTO within the damage table) apply to all."""

from leitstand.continuity.models import BusinessImpact
from leitstand.core.audit import delete_object, save_values


def save_business_impact(impact: BusinessImpact, values: dict, *, actor) -> BusinessImpact:
    return save_values(impact, values, actor)


def delete_business_impact(impact: BusinessImpact, *, actor) -> None:
    delete_object(impact, actor)
