"""`{{ cell|cell }}`: a report's typed value written in the reader's language."""

from django import template
from django.utils.formats import date_format

from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.core.pdf import svg_data_uri
from leitstand.reports.document import Cell, Unit

register = template.Library()


def cell_text(cell: Cell) -> str:
    value = cell.value
    if cell.unit == Unit.TEXT:
        return str(value)
    if value is None:
        return "—"
    if cell.unit == Unit.EUR:
        return format_eur(value)
    if cell.unit == Unit.HOURS:
        return format_hours(value)
    if cell.unit == Unit.DECIMAL:
        return format_number(value, 2)
    if cell.unit == Unit.PERCENT:
        return f"{format_number(value, 1)}\u00a0%"
    if cell.unit == Unit.DATE:
        return date_format(value, "SHORT_DATE_FORMAT")
    return format_number(value)


@register.filter(name="cell")
def cell_filter(cell: Cell) -> str:
    return cell_text(cell)


@register.filter
def svg_uri(svg) -> str:
    return svg_data_uri(svg)
