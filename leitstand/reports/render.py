"""A report as PDF (WeasyPrint, tagged, in the report's language) and as xlsx (the same tables;
numbers as numbers, every text written as text, never as a formula)."""

import io

import xlsxwriter
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from leitstand.core.pdf import html_to_pdf
from leitstand.core.sheets import neutralise
from leitstand.reports.document import Cell, Report, Unit
from leitstand.reports.printing import cell_text

SHEET_NAME_LENGTH = 31  # Excel's limit
#: As the analysis's JSON rounds them: hours to a tenth, euros and the rest to cents.
DECIMAL_PLACES = {Unit.HOURS: 1, Unit.NUMBER: 0}


def report_html(report: Report, changes: dict | None = None, extra: dict | None = None) -> str:
    with translation.override(report.language):
        context = {"report": report, "changes": changes, **(extra or {})}
        return render_to_string("reports/report.html", context)


def render_pdf(report: Report, changes: dict | None = None, extra: dict | None = None) -> bytes:
    html = report_html(report, changes, extra)
    return html_to_pdf(html, base_url=str(settings.BASE_DIR), tagged=True)


class _Formats:
    def __init__(self, workbook) -> None:
        self.bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.title = workbook.add_format({"bold": True, "font_size": 13})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.by_unit = {
            Unit.EUR: workbook.add_format({"num_format": "#,##0 €"}),
            Unit.HOURS: workbook.add_format({"num_format": "#,##0"}),
            Unit.NUMBER: workbook.add_format({"num_format": "#,##0"}),
            Unit.DECIMAL: workbook.add_format({"num_format": "#,##0.00"}),
            Unit.PERCENT: workbook.add_format({"num_format": "0.0"}),
            Unit.DATE: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }


def _write_cell(sheet, row: int, column: int, cell: Cell, formats: _Formats) -> None:
    value = cell.value
    if cell.unit == Unit.TEXT or value is None:
        text = cell_text(cell) if value is not None else ""
        sheet.write_string(row, column, neutralise(text))
    elif cell.unit == Unit.DATE:
        sheet.write_datetime(row, column, value, formats.by_unit[Unit.DATE])
    else:
        places = DECIMAL_PLACES.get(cell.unit, 2)
        sheet.write_number(row, column, round(float(value), places), formats.by_unit[cell.unit])


def _sheet_name(title: str, used: set[str]) -> str:
    cleaned = " ".join("".join(" " if ch in "[]:*?/\\" else ch for ch in title).split())
    cleaned = cleaned or "Sheet"
    name = cleaned
    if len(name) > SHEET_NAME_LENGTH:  # cut at a word, and say so
        name = name[: SHEET_NAME_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,:;-") + "…"
    number = 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = cleaned[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name


def _figures_sheet(workbook, report: Report, formats: _Formats, used: set[str]) -> None:
    sheet = workbook.add_worksheet(_sheet_name(_("Key figures"), used))
    sheet.set_column(0, 0, 42)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 2, 80)
    sheet.write_string(0, 0, neutralise(f"{report.title}: {report.organisation}"), formats.title)
    sheet.write_string(1, 0, _("Figures as of"))
    sheet.write_datetime(1, 1, report.as_of, formats.by_unit[Unit.DATE])
    row = 3
    for column, header in enumerate((_("Figure"), _("Value"), _("How it is computed"))):
        sheet.write_string(row, column, header, formats.bold)
    for chapter in report.chapters:
        for figure in chapter.figures:
            row += 1
            sheet.write_string(row, 0, neutralise(figure.label))
            _write_cell(sheet, row, 1, figure.value, formats)
            sheet.write_string(row, 2, neutralise(figure.how), formats.wrap)


def _table_sheet(workbook, table, formats: _Formats, used: set[str]) -> None:
    sheet = workbook.add_worksheet(_sheet_name(table.title, used))
    for column, header in enumerate(table.columns):
        sheet.write_string(0, column, neutralise(str(header)), formats.bold)
        sheet.set_column(column, column, 22)
    for row_number, row in enumerate(table.rows, start=1):
        for column, cell in enumerate(row):
            _write_cell(sheet, row_number, column, cell, formats)
    if table.note:
        sheet.write_string(len(table.rows) + 2, 0, neutralise(table.note))
    sheet.freeze_panes(1, 0)


def _changes_sheet(workbook, changes: dict, formats: _Formats, used: set[str]) -> None:
    sheet = workbook.add_worksheet(_sheet_name(_("Changes"), used))
    sheet.set_column(0, 0, 42)
    for column, header in enumerate((_("Figure"), _("Then"), _("Now"), _("Change"))):
        sheet.write_string(0, column, header, formats.bold)
    for row_number, row in enumerate(changes["rows"], start=1):
        sheet.write_string(row_number, 0, neutralise(row["label"]))
        _write_cell(sheet, row_number, 1, row["before"], formats)
        _write_cell(sheet, row_number, 2, row["after"], formats)
        _write_cell(sheet, row_number, 3, row["delta"], formats)


def render_xlsx(report: Report, changes: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with translation.override(report.language):
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
        formats = _Formats(workbook)
        used: set[str] = set()
        _figures_sheet(workbook, report, formats, used)
        if changes and changes["rows"]:
            _changes_sheet(workbook, changes, formats, used)
        for table in report.tables():
            _table_sheet(workbook, table, formats, used)
        sheet = workbook.add_worksheet(_sheet_name(_("Assumptions"), used))
        sheet.set_column(0, 0, 48)
        sheet.set_column(2, 2, 36)
        for column, header in enumerate((_("Assumption"), _("Value"), _("Source"))):
            sheet.write_string(0, column, header, formats.bold)
        for row_number, assumption in enumerate(report.assumptions, start=1):
            sheet.write_string(row_number, 0, neutralise(assumption.label))
            _write_cell(sheet, row_number, 1, assumption.value, formats)
            sheet.write_string(row_number, 2, neutralise(assumption.source))
        workbook.close()
    return buffer.getvalue()
