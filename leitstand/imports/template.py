"""The xlsx template: a sheet per list (systems, integrations) with headers in the user's
language, drop-downs for the choices and an example, and a sheet that says how to fill it in."""

import io
from datetime import date
from decimal import Decimal

import xlsxwriter
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from leitstand.core.language import is_german
from leitstand.imports.targets import INTEGRATIONS, SYSTEMS, FieldSpec, ImportTarget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_ROWS = 1000


def _system_examples() -> list[dict[str, object]]:
    return [
        {
            "name": _("Accounting (example: replace or delete this row)"),
            "description": _("Invoices, bookkeeping, payroll export"),
            "kind": "application",
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
            "criticality": 3,
            "health": 4,
            "integration_capability": 3,
        },
        {
            "name": _("Online shop (example: replace or delete this row)"),
            "kind": "application",
            "lifecycle": "active",
            "departments": _("Sales"),
            "owner": "Max Mustermann",
            "hosting": "saas",
            "personal_data": _("yes"),
        },
    ]


def _integration_examples() -> list[dict[str, object]]:
    return [
        {
            "source": _("Online shop (example: replace or delete this row)"),
            "target": _("Accounting (example: replace or delete this row)"),
            "data_objects": _("Invoices"),
            "method": "manual",
            "frequency": "day",
            "runs_per_period": 40,
            "minutes_per_run": 3,
            "error_rate_percent": 2,
            "minutes_to_fix_error": 10,
            "status": "active",
            "notes": _("Each order is typed into accounting by hand."),
        }
    ]


def _choice_labels(target: ImportTarget, spec: FieldSpec) -> dict[str, str]:
    if not spec.on_row:
        return {}
    return {value: str(label) for value, label in target.model_field(spec.name).choices or ()}


def build_template(language: str) -> bytes:
    buffer = io.BytesIO()
    with translation.override(language):
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True}),
            "day": workbook.add_format(
                {"num_format": "dd.mm.yyyy" if is_german() else "yyyy-mm-dd"}
            ),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
        }
        _write_list(workbook, _("Systems"), SYSTEMS, _system_examples(), formats)
        _write_list(workbook, _("Integrations"), INTEGRATIONS, _integration_examples(), formats)
        _write_help(workbook)
        workbook.close()
    return buffer.getvalue()


def _write_list(workbook, title, target: ImportTarget, examples: list[dict], formats) -> None:
    sheet = workbook.add_worksheet(str(title)[:31])
    for column, spec in enumerate(target.fields):
        sheet.write_string(0, column, str(spec.label), formats["header"])
        sheet.set_column(column, column, 22)
        for row, example in enumerate(examples, start=1):
            _write_example(sheet, row, column, target, spec, example.get(spec.name), formats)
        _add_validation(sheet, column, target, spec)
    sheet.freeze_panes(1, 1)


def _write_example(sheet, row: int, column: int, target, spec: FieldSpec, value, formats) -> None:
    if value is None:
        return
    labels = _choice_labels(target, spec)
    if value in labels:
        sheet.write_string(row, column, labels[value])
    elif isinstance(value, Decimal):
        sheet.write_number(row, column, float(value), formats["money"])
    elif isinstance(value, int):
        sheet.write_number(row, column, value)
    elif isinstance(value, date):
        sheet.write_datetime(row, column, value, formats["day"])
    else:
        sheet.write_string(row, column, str(value))


def _add_validation(sheet, column: int, target: ImportTarget, spec: FieldSpec) -> None:
    options = {"validate": "list", "ignore_blank": True}
    if spec.kind == "choice":
        options["source"] = list(_choice_labels(target, spec).values())
    elif spec.kind == "rate" and _choice_labels(target, spec):
        # A drop-down that also takes "40 pro Tag" or "2x wöchentlich" as typed.
        options["source"] = list(_choice_labels(target, spec).values())
        options["show_error"] = False
    elif spec.kind == "bool":
        options["source"] = [str(_("yes")), str(_("no"))]
    elif spec.kind == "score":
        options["source"] = ["1", "2", "3", "4"]
        options["show_error"] = False  # words ("hoch", "gut") and other scales are read too
    else:
        return
    sheet.data_validation(1, column, TEMPLATE_ROWS, column, options)


def _write_help(workbook) -> None:
    sheet = workbook.add_worksheet(str(_("How to fill in"))[:31])
    lines = [
        _("One row per system: software, online service, device or important spreadsheet."),
        _("Only the name is required. Leave a cell empty or write “unknown” if you do not know."),
        _("Several departments or capabilities: separate them with a comma or semicolon."),
        _("Amounts in euros, e.g. 1.234,56 or 1234.56; “free” counts as 0."),
        _("Dates like 31.12.2027 or 2027-12-31."),
        _(
            "Business criticality, technical health and integration capability: 1 to 4 (4 is "
            "the most critical, the healthiest, the best integrable), or words like “hoch” or "
            "“gut”. Each row with all three becomes an assessment of the system."
        ),
        _("Departments, people and vendors that do not exist yet are created."),
        "",
        _(
            "Integrations: one row per data flow: from which system, to which system, which "
            "data, how and how often. From, to and method are required."
        ),
        _(
            "The systems must already be in Leitstand or in the Systems sheet of this file, "
            "which is imported first."
        ),
        _(
            "How often: choose from the list or write it your way, e.g. “täglich”, "
            "“40 pro Tag” or “2x wöchentlich”. Number of runs: the number per day, week, "
            "month or year."
        ),
        _("Minutes: e.g. 15, “15-20” or “1,5 Std.”. Error rate in per cent: e.g. 2 or “2 %”."),
        _("Data objects that do not exist yet are created."),
    ]
    sheet.set_column(0, 0, 100)
    for row, line in enumerate(lines):
        if line:
            sheet.write_string(row, 0, str(line))


def template_response(language: str) -> HttpResponse:
    response = HttpResponse(build_template(language), content_type=XLSX)
    name = _("leitstand-import-template")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
