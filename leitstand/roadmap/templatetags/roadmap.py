from decimal import Decimal

from django import template

from leitstand.analysis.messages import Percent
from leitstand.core.wording import format_param

register = template.Library()


@register.filter
def share(value) -> str:
    """A share of one (0.25) as a percentage in the reader's language ('25 %')."""
    if value is None:
        return "—"
    return format_param(Percent((Decimal(value) * 100).quantize(Decimal(1))))
