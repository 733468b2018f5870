"""The xlsx template: headers in the user's language, drop-downs for the choices, an example."""

import io
from datetime import date
from decimal import Decimal

import xlsxwriter
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from leitstand.imports.targets import SYSTEMS, FieldSpec

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_ROWS = 1000


def _example() -> dict[str, object]:
    return {
        "name": _("Accounting (example: replace or delete this row)"),
        "description": _("Invoices, bookkeeping, payroll export"),
        "kind": "saas",
        "lifecycle": "active",
        "departments": _("Finance; Management"),
        "owner": "Erika Mustermann",
        "deputy": "Max Mustermann",
        "vendor": "DATEV eG",
        "hosting": "saas",
        "jurisdiction": "eu",
        "user_count": 4,
        "annual_cost": Decimal("1234.56"),
        "introduced_on": date(2019, 1, 1),
        "end_of_support": None,
        "centrally_managed": _("yes"),
        "personal_data": _("yes"),
        "personal_data_categories": _("employee records, customer contacts"),
    }


def _choice_labels(spec: FieldSpec) -> dict[str, str]:
    return {value: str(label) for value, label in SYSTEMS.model_field(spec.name).choices}


def build_template(language: str) -> bytes:
    buffer = io.BytesIO()
    with translation.override(language):
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True})
        day = workbook.add_format(
            {"num_format": "dd.mm.yyyy" if language == "de" else "yyyy-mm-dd"}
        )
        money = workbook.add_format({"num_format": "#,##0.00"})
        sheet = workbook.add_worksheet(str(_("Systems"))[:31])
        example = _example()
        for column, spec in enumerate(SYSTEMS.fields):
            sheet.write_string(0, column, str(spec.label), header)
            sheet.set_column(column, column, 22)
            _write_example(sheet, column, spec, example.get(spec.name), day, money)
            _add_validation(sheet, column, spec)
        sheet.freeze_panes(1, 1)
        _write_help(workbook)
        workbook.close()
    return buffer.getvalue()


def _write_example(sheet, column: int, spec: FieldSpec, value, day, money) -> None:
    if value is None:
        return
    if spec.kind == "choice":
        sheet.write_string(1, column, _choice_labels(spec)[value])
    elif isinstance(value, Decimal):
        sheet.write_number(1, column, float(value), money)
    elif isinstance(value, int):
        sheet.write_number(1, column, value)
    elif isinstance(value, date):
        sheet.write_datetime(1, column, value, day)
    else:
        sheet.write_string(1, column, str(value))


def _add_validation(sheet, column: int, spec: FieldSpec) -> None:
    if spec.kind == "choice":
        source = list(_choice_labels(spec).values())
    elif spec.kind == "bool":
        source = [str(_("yes")), str(_("no"))]
    else:
        return
    sheet.data_validation(
        1,
        column,
        TEMPLATE_ROWS,
        column,
        {"validate": "list", "source": source, "ignore_blank": True},
    )


def _write_help(workbook) -> None:
    sheet = workbook.add_worksheet(str(_("How to fill in"))[:31])
    lines = [
        _("One row per system: software, online service, device or important spreadsheet."),
        _("Only the name is required. Leave a cell empty or write “unknown” if you do not know."),
        _("Several departments or capabilities: separate them with a comma or semicolon."),
        _("Amounts in euros, e.g. 1.234,56 or 1234.56; “free” counts as 0."),
        _("Dates like 31.12.2027 or 2027-12-31."),
        _("Departments, people and vendors that do not exist yet are created."),
    ]
    sheet.set_column(0, 0, 100)
    for row, line in enumerate(lines):
        sheet.write_string(row, 0, str(line))


def template_response(language: str) -> HttpResponse:
    response = HttpResponse(build_template(language), content_type=XLSX)
    name = _("leitstand-systems-template")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
