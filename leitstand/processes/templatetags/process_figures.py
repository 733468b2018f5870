"""Minutes, percentages and months as the explanations write them ('15 min', '3 %')."""

from decimal import Decimal

from django import template

from leitstand.analysis import messages as m
from leitstand.analysis.processes.explain import months as tenth_months
from leitstand.core.wording import format_param

register = template.Library()


@register.filter
def minutes(value: Decimal | None) -> str:
    return "—" if value is None else format_param(m.Minutes(Decimal(value)))


@register.filter
def percent(value: Decimal | None) -> str:
    return "—" if value is None else format_param(m.Percent(Decimal(value)))


@register.filter
def months(value: Decimal | None) -> str:
    return "—" if value is None else format_param(tenth_months(Decimal(value)))


@register.filter
def exact_hours(value: Decimal | None) -> str:
    """Hours as the explanations write them: a decimal below 100 h, whole hours above."""
    return "—" if value is None else format_param(m.Hours(Decimal(value)))
