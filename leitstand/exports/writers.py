"""Writing export sheets as an xlsx workbook or as CSV, safe to open in a spreadsheet (cells
through `core.sheets.plain_value`, `neutralise` and `csv_text`)."""

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import IO

import xlsxwriter

from leitstand.core.language import is_german
from leitstand.core.sheets import ExportSheet, csv_text, neutralise, plain_value
from leitstand.tenancy.models import Organisation

SHEET_NAME_LIMIT = 31


def write_xlsx(organisation: Organisation, sheets: tuple[ExportSheet, ...], target: IO) -> None:
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False})
    header = workbook.add_format({"bold": True, "bg_color": "#E9ECEF", "text_wrap": True})
    day = workbook.add_format({"num_format": "dd.mm.yyyy" if is_german() else "yyyy-mm-dd"})
    moment = workbook.add_format(
        {"num_format": "dd.mm.yyyy hh:mm" if is_german() else "yyyy-mm-dd hh:mm"}
    )
    money = workbook.add_format({"num_format": "#,##0.00"})
    for sheet in sheets:
        worksheet = workbook.add_worksheet(str(sheet.title)[:SHEET_NAME_LIMIT])
        for column, spec in enumerate(sheet.columns):
            worksheet.write_string(0, column, str(spec.header), header)
            worksheet.set_column(column, column, 18)
        worksheet.freeze_panes(1, 0)
        for row_index, obj in enumerate(sheet.rows(organisation), start=1):
            for column, spec in enumerate(sheet.columns):
                value = plain_value(spec.value(obj))
                _write_cell(worksheet, row_index, column, value, day, moment, money)
    workbook.close()


def _write_cell(worksheet, row: int, column: int, value, day, moment, money) -> None:
    if value is None or value == "":
        return
    if isinstance(value, Decimal):
        worksheet.write_number(row, column, float(value), money)
    elif isinstance(value, int | float):
        worksheet.write_number(row, column, value)
    elif isinstance(value, datetime):
        worksheet.write_datetime(row, column, value, moment)
    elif isinstance(value, date):
        worksheet.write_datetime(row, column, value, day)
    else:
        worksheet.write_string(row, column, neutralise(str(value)))


def write_csv(organisation: Organisation, sheet: ExportSheet, target: IO[str]) -> None:
    """One entity as CSV: ";" and decimal commas in German, "," in English."""
    writer = csv.writer(target, delimiter=";" if is_german() else ",", lineterminator="\r\n")
    writer.writerow([str(column.header) for column in sheet.columns])
    for obj in sheet.rows(organisation):
        writer.writerow([csv_text(column.value(obj)) for column in sheet.columns])


def csv_bytes(organisation: Organisation, sheet: ExportSheet) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows umlauts correctly."""
    buffer = io.StringIO()
    write_csv(organisation, sheet, buffer)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_csv_zip(organisation: Organisation, sheets: tuple[ExportSheet, ...], target: IO) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets:
            archive.writestr(f"{sheet.key}.csv", csv_bytes(organisation, sheet))
