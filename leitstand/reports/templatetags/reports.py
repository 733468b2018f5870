"""`{{ cell|cell }}`: a report's typed value written in the reader's language;
`{{ table|printed }}`: a table as the PDF prints it (widths, hyphenation)."""

from django import template

from leitstand.core.pdf import svg_data_uri
from leitstand.reports.document import Cell, Table
from leitstand.reports.printing import PrintedTable, cell_text, printed_table

register = template.Library()


@register.filter(name="cell")
def cell_filter(cell: Cell) -> str:
    return cell_text(cell)


@register.filter
def printed(table: Table) -> PrintedTable:
    return printed_table(table)


@register.filter
def svg_uri(svg) -> str:
    return svg_data_uri(svg)
