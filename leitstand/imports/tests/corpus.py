"""Messy spreadsheets as companies really keep them, generated for tests and benchmarks."""

import csv
import io
import random
from datetime import date
from pathlib import Path

import xlsxwriter

GERMAN_HEADERS = [
    "Anwendung",
    "Abteilung",
    "Verantwortlich",
    "Hersteller",
    "Kosten p.a.",
    "Support bis",
    "Personenbezogene Daten",
    "Bemerkung",
]

GERMAN_ROWS = [
    [
        "DATEV",
        "Buchhaltung; Geschäftsführung",
        "Erika Muster",
        "DATEV eG",
        "1.234,56 €",
        "31.12.2027",
        "ja",
        "Lohn und Fibu",
    ],
    ["  Outlook ", "Alle", "Max Admin", "Microsoft", "€ 649", "unbekannt", "x", ""],
    [
        "Lager-Excel",
        "Lager\nVersand",
        "Max Admin",
        "",
        "kostenlos",
        "",
        "nein",
        "<script>alert(1)</script>",
    ],
    [
        "Altes ERP",
        "Vertrieb, Buchhaltung",
        "Erika Muster",
        "Sage",
        "12.000",
        "2024-06-30",
        "ja",
        '=HYPERLINK("x")',
    ],
]


def write_german_xlsx(
    path: Path, with_title: bool = True, with_totals: bool = True, with_problem: bool = False
) -> Path:
    """Title rows with a merged title cell, a spacer row, German headers, an Excel date, totals."""
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("Hinweise").write_string(0, 0, "Bitte jährlich aktualisieren")
    sheet = workbook.add_worksheet("Software 2024")
    merged = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "dd.mm.yyyy"})
    row = 0
    if with_title:
        sheet.merge_range(0, 0, 0, 5, "IT-Übersicht Muster GmbH", merged)
        sheet.write_string(1, 0, "Stand: März 2024")
        row = 3
    for column, header in enumerate(GERMAN_HEADERS):
        sheet.write_string(row, column, header)
    for values in GERMAN_ROWS:
        row += 1
        for column, value in enumerate(values):
            sheet.write_string(row, column, value)
    row += 1
    sheet.write_string(row, 0, "Teams")
    sheet.write_datetime(row, 5, date(2028, 3, 31), day)
    sheet.write_number(row, 4, 1500.5)
    sheet.write_formula(row, 7, "=1+1", None, 2)
    row += 2  # an empty spacer row
    sheet.write_string(row, 0, "Zoom")
    sheet.write_string(row, 4, "1,234.50")
    if with_problem:
        row += 1
        for column, value in enumerate(["Kaputt", "", "", "", "viel", "bald"]):
            sheet.write_string(row, column, value)
    if with_totals:
        row += 1
        sheet.write_string(row, 0, "Summe")
        sheet.write_number(row, 4, 99999)
    workbook.close()
    return path


def german_csv_bytes(encoding: str = "utf-8-sig", delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Software-Liste"])
    writer.writerow([])
    writer.writerow(GERMAN_HEADERS)
    for values in GERMAN_ROWS:
        writer.writerow(values)
    writer.writerow(["Gesamt", "", "", "", "14.000"])
    return buffer.getvalue().encode(encoding)


def write_inventory_xlsx(path: Path, rows: int, seed: int = 1) -> Path:
    """A large, clean-ish English inventory for benchmarks and atomicity tests."""
    chooser = random.Random(seed)
    departments = [f"Department {n}" for n in range(12)]
    people = [f"Person {n}" for n in range(150)]
    vendors = [f"Vendor {n}" for n in range(200)]
    headers = [
        "System",
        "Departments",
        "Owner",
        "Deputy",
        "Vendor",
        "Lifecycle",
        "Hosting",
        "Annual cost",
        "Users",
        "End of support",
        "Version",
        "Notes",
    ]
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Inventory")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header)
    for index in range(1, rows + 1):
        owner, deputy = chooser.sample(people, 2)
        sheet.write_string(index, 0, f"System {index:06d}")
        sheet.write_string(index, 1, "; ".join(chooser.sample(departments, 2)))
        sheet.write_string(index, 2, owner)
        sheet.write_string(index, 3, deputy)
        sheet.write_string(index, 4, chooser.choice(vendors))
        sheet.write_string(index, 5, chooser.choice(["active", "aktiv", "phase-out", "geplant"]))
        sheet.write_string(index, 6, chooser.choice(["SaaS", "on-premises", "Cloud"]))
        sheet.write_number(index, 7, round(chooser.uniform(0, 50000), 2))
        sheet.write_number(index, 8, chooser.randint(1, 500))
        sheet.write_datetime(index, 9, date(2025 + index % 6, 1 + index % 12, 1), day)
        sheet.write_string(index, 10, f"{index % 9}.{index % 4}")
        sheet.write_string(index, 11, "Imported for the benchmark")
    workbook.close()
    return path


#: Systems the integration lists below name (the first sheet of the workbook with both).
LANDSCAPE_SYSTEMS = ["Webshop", "ERP", "DATEV", "CRM", "Zeiterfassung", "Lohn", "Lager-App"]

INTEGRATION_HEADERS = [
    "Von",
    "Nach",
    "Daten",
    "Art",
    "Häufigkeit",
    "Aufwand (Min.)",
    "Fehlerquote",
    "Korrektur (Min.)",
    "Status",
    "Bemerkung",
]

#: Rows as a company writes them. The last four are skipped: a system that does not exist,
#: a flow from a system to itself, an unknown method with an unreadable number, and the same
#: systems and method as the first row ("von Hand" is "abtippen").
INTEGRATION_ROWS = [
    [
        "Webshop",
        "ERP",
        "Aufträge; Kundendaten",
        "abtippen",
        "40 pro Tag",
        "15-20",
        "2 %",
        "10",
        "aktiv",
        "PDF per Mail, dann von Hand ins ERP",
    ],
    ["ERP", "DATEV", "Rechnungen", "CSV-Export", "monatlich", "30", "2,5", "", "", ""],
    ["CRM", "ERP", "Kunden", "Copy & Paste", "2x wöchentlich", "ca. 20 Min.", "5", "15", "", ""],
    [
        "Zeiterfassung",
        "Lohn",
        "Arbeitszeiten",
        "E-Mail",
        "monatlich",
        "1,5 Std.",
        "",
        "",
        "geplant",
        "",
    ],
    [
        "erp",
        "Lager-App",
        "Lagerbestände, Newsletter-Kontakte",
        "Webhook",
        "bei Bedarf",
        "0",
        "0 %",
        "",
        "",
        "",
    ],
    ["Altes Tool", "ERP", "Aufträge", "manuell", "täglich", "5", "", "", "", ""],
    ["ERP", "erp ", "Artikel", "API", "täglich", "", "", "", "", ""],
    ["Webshop", "CRM", "Kunden", "Brieftaube", "wöchentlich", "viel", "", "", "", ""],
    ["Webshop", "ERP", "Aufträge", "von Hand", "täglich", "15", "", "", "", ""],
]


def write_integrations_sheet(workbook, name: str = "Schnittstellen", title: bool = True) -> None:
    """German headers below a merged title, a spacer row, number cells and a totals row."""
    sheet = workbook.add_worksheet(name)
    row = 0
    if title:
        sheet.merge_range(
            0, 0, 0, 4, "Datenflüsse zwischen unseren Systemen", workbook.add_format()
        )
        row = 2
    for column, header in enumerate(INTEGRATION_HEADERS):
        sheet.write_string(row, column, header)
    for values in INTEGRATION_ROWS:
        row += 1
        for column, value in enumerate(values):
            if value:
                sheet.write_string(row, column, value)
    row += 2  # an empty spacer row
    for column, value in enumerate(["DATEV", "Lohn", "Lohndaten", "Datei", "pro Monat"]):
        sheet.write_string(row, column, value)
    sheet.write_number(row, 5, 45)
    sheet.write_number(row, 6, 3)
    row += 1
    sheet.write_string(row, 0, "Summe")
    sheet.write_number(row, 5, 126.5)


def write_integrations_xlsx(path: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    write_integrations_sheet(workbook)
    workbook.close()
    return path


def write_landscape_xlsx(path: Path) -> Path:
    """A workbook with a sheet of systems and a sheet of the integrations between them."""
    workbook = xlsxwriter.Workbook(str(path))
    systems = workbook.add_worksheet("Systeme")
    for column, header in enumerate(["Anwendung", "Abteilung", "Kosten p.a."]):
        systems.write_string(0, column, header)
    for row, name in enumerate(LANDSCAPE_SYSTEMS, start=1):
        systems.write_string(row, 0, name)
        systems.write_string(row, 1, "Vertrieb" if row % 2 else "Buchhaltung")
        systems.write_number(row, 2, 1000 * row)
    write_integrations_sheet(workbook)
    workbook.close()
    return path


def integrations_csv_bytes(encoding: str = "cp1252", delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Schnittstellenliste Stand 2024"])
    writer.writerow([])
    writer.writerow(INTEGRATION_HEADERS)
    for values in INTEGRATION_ROWS:
        writer.writerow(values)
    writer.writerow(["Gesamt", "", "", "", "", "126,5"])
    return buffer.getvalue().encode(encoding)


def write_flow_list_xlsx(path: Path, rows: int, systems: int, seed: int = 1) -> Path:
    """A large list of integrations between "System 000001" ... (as write_inventory_xlsx names
    them), with the usual German ways of saying how and how often."""
    chooser = random.Random(seed)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Schnittstellen")
    headers = ["Von", "Nach", "Daten", "Art", "Häufigkeit", "Minuten", "Fehlerquote"]
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header)
    for index in range(1, rows + 1):
        source, target = chooser.sample(range(1, systems + 1), 2)
        values = [
            f"System {source:06d}",
            f"System {target:06d}",
            chooser.choice(["Aufträge", "Kunden; Rechnungen", f"Daten {index % 50}"]),
            chooser.choice(["API", "abtippen", "CSV-Export", "E-Mail", "Webhook", "von Hand"]),
            chooser.choice(["täglich", "40 pro Tag", "2x wöchentlich", "monatlich"]),
            chooser.choice(["15", "15-20", "1 Std.", "0"]),
            chooser.choice(["2 %", "5", "0,5 %", ""]),
        ]
        for column, value in enumerate(values):
            if value:
                sheet.write_string(index, column, value)
    workbook.close()
    return path
