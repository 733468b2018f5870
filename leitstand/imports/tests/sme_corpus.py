# ruff: noqa: E501
"""Inventories the way small and mid-sized companies keep them, not written for Leitstand.

Seventeen files from different trades, in German and English: title rows, free-text hosting and
transfer methods, assessment columns on different scales and in words, people with
salutations and initials, departments with typos and "alle", a systems sheet with an
integrations sheet, CSV in Windows-1252 and as Excel's UTF-16 "Unicode text". Each has an
expected result in corpus/<key>.json (counts, sums and the values of selected cells) that the
tests compare after importing the file with no mapping at all.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import xlsxwriter

EXPECTED = Path(__file__).parent / "corpus"


@dataclass
class SheetSpec:
    name: str
    headers: list[str]
    rows: list[list[object]]
    title: list[str] = field(default_factory=list)  # lines above the header (then one blank)
    totals: list[object] | None = None  # a totals line below the list


@dataclass
class Workbook:
    file_name: str
    sheets: list[SheetSpec]
    encoding: str = "utf-8-sig"  # CSV only
    delimiter: str = ";"  # CSV only

    def write(self, folder: Path) -> Path:
        path = folder / self.file_name
        if path.suffix == ".xlsx":
            _write_xlsx(path, self.sheets)
        else:
            path.write_bytes(_csv_bytes(self.sheets[0], self.encoding, self.delimiter))
        return path


def _write_xlsx(path: Path, sheets: list[SheetSpec]) -> None:
    workbook = xlsxwriter.Workbook(str(path))
    day = workbook.add_format({"num_format": "dd.mm.yyyy"})
    bold = workbook.add_format({"bold": True})
    for spec in sheets:
        sheet = workbook.add_worksheet(spec.name)
        row = 0
        for line in spec.title:
            sheet.write_string(row, 0, line, bold)
            row += 1
        if spec.title:
            row += 1
        for column, header in enumerate(spec.headers):
            sheet.write_string(row, column, header, bold)
        for values in spec.rows + ([spec.totals] if spec.totals else []):
            row += 1
            for column, value in enumerate(values):
                _write_cell(sheet, row, column, value, day)
    workbook.close()


def _write_cell(sheet, row: int, column: int, value: object, day) -> None:
    if value is None or value == "":
        return
    if isinstance(value, date):
        sheet.write_datetime(row, column, value, day)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, str(value))


def _csv_bytes(spec: SheetSpec, encoding: str, delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for line in spec.title:
        writer.writerow([line])
    if spec.title:
        writer.writerow([])
    writer.writerow(spec.headers)
    for values in spec.rows + ([spec.totals] if spec.totals else []):
        writer.writerow(["" if value is None else value for value in values])
    return buffer.getvalue().encode(encoding)


# fmt: off
# --- 1. Freight forwarder: systems and integrations, assessment in words and 1-4 ----------------

SPEDITION = Workbook(
    "Spedition Brandt IT-Bestand 2026.xlsx",
    [
        SheetSpec(
            "IT-Systeme",
            ["Nr.", "System", "Einsatzzweck", "Abteilung", "Verantwortlich", "Hersteller", "Betrieb", "Kosten p.a.", "Kritikalität", "Techn. Zustand (1-4)", "Integrationsfähigkeit (1-4)", "Bemerkung"],
            [
                [1, 'Transport-ERP "CarLo"', "Auftragsabwicklung, Disposition", "Disposition", "Hr. Bauer", "soloplan", "self-hosted", "18.500 €", "kritisch", 2, 2, "Server im Keller, Wartungsvertrag"],
                [2, "TimoCom Frachtenbörse", "Frachtenbörse", "Disposition", "Fr. Krüger", "TimoCom", "Cloud (SaaS)", "4.800 €", "hoch", 4, 3, ""],
                [3, "DATEV Unternehmen online", "Buchhaltung", "Buchhaltung", "Frau Krüger", "DATEV eG", "Cloud (SaaS)", "2.400 €", "hoch", 4, 3, ""],
                [4, "DATEV Lohn und Gehalt", "Lohn", "Buchhaltung", "Frau Krüger", "DATEV eG", "SaaS", "1.900 €", "hoch", 4, 2, ""],
                [5, "Microsoft 365 Business", "E-Mail, Office", "Alle", "IT / Hr. Bauer", "Microsoft", "Cloud", "6.120 €", "hoch", 4, 4, "25 Lizenzen"],
                [6, "Telematik FleetBoard", "Fuhrpark, Telematik", "Disposition", "T. Becker", "Daimler Truck", "Cloud (SaaS)", "9.600 €", "hoch", 3, 3, ""],
                [7, "Tachograph-Auswertung", "Fahrerkarten auslesen", "Fuhrpark", "Thomas Becker", "Continental VDO", "Appliance", "1.200 €", "mittel", 3, 1, ""],
                [8, "Tankkarten-Portal DKV", "Tankkarten", "Buchhaltung", "Fr. Krüger", "DKV Mobility", "Online", "0 €", "niedrig", 4, 1, ""],
                [9, "Zollsoftware ATLAS", "Zoll", "Export", "Hr. Schulz", "Dakosy", "Rechenzentrum", "3.600 €", "kritisch", 3, 2, ""],
                [10, "Firewall Sophos XGS", "Netzwerk", "IT", "IT", "Sophos", "Appliance", "1.450 €", "kritisch", 3, 1, ""],
                [11, "Synology NAS", "Dateiablage, Datensicherung", "Alle", "Hr. Bauer", "Synology", "self-hosted", "kostenlos", "hoch", 2, 2, "läuft seit 2016"],
                [12, "Veeam Backup", "Datensicherung", "IT", "Hr. Bauer", "Veeam", "self-hosted", "890 €", "hoch", 3, 2, ""],
                [13, "Kundenliste.xlsx", "Kunden", "Vertrieb", "Hr. Wagner", "", "Datei", "0 €", "mittel", 1, 1, "liegt auf dem NAS"],
                [14, "Tourenplanung Excel", "Tourenplanung", "Disposition", "Hr. Bauer", "", "Datei", "0 €", "hoch", 1, 1, ""],
                [15, "Schadensmeldungen (Papier)", "Reklamationen", "Disposition", "Fr. Krüger", "", "Papier", "0 €", "niedrig", 1, 1, ""],
                [16, "Lexware Warenwirtschaft", "Einkauf", "Einkauf", "Hr. Schulz", "Haufe", "On-Prem", "780 €", "mittel", 2, 2, ""],
                [17, "CRM HubSpot", "Kundenmanagement", "Vertieb", "Hr. Wagner", "HubSpot", "Cloud (SaaS)", "0 €", "mittel", 4, 4, "Free-Version"],
                [18, "Website WordPress", "Website", "Marketing", "Marketing", "Strato", "Hoster", "240 €", "niedrig", 2, 3, ""],
                [19, "Zeiterfassung ZEP", "Zeiterfassung", "Personal", "Fr. Krüger", "ZEP", "Cloud (SaaS)", "1.320 €", "mittel", 4, 3, ""],
                [20, "Personalakten (Papierordner)", "Personal", "Personal", "Frau Krüger", "", "Papier", "0 €", "niedrig", 1, 1, ""],
                [21, "sipgate Telefonanlage", "Telefonie", "Alle", "IT / Hr. Bauer", "sipgate", "Cloud", "1.680 €", "hoch", 4, 3, ""],
                [22, "Sendungsverfolgung Kundenportal", "Kundenportal", "Vertrieb", "Hr. Wagner", "Eigenentwicklung", "Rechenzentrum", "3.000 €", "hoch", 2, 3, ""],
                [23, "Lagerverwaltung LVS", "Lager", "Lager", "Hr. Schulz", "Prologistik", "self-hosted", "5.400 €", "kritisch", 3, 2, ""],
                [24, "MDE-Handscanner", "Lager", "Lager", "Hr. Schulz", "Zebra", "Gerät", "0 €", "mittel", 3, 2, "12 Geräte"],
                [25, "ELSTER", "Steuermeldungen", "Buchhaltung", "Fr. Krüger", "Finanzverwaltung", "Online", "0 €", "mittel", 4, 1, ""],
                [26, "Dropbox", "Dateiaustausch", "Vertieb", "Hr. Wagner", "Dropbox", "Cloud (SaaS)", "240 €", "niedrig", 4, 2, "privat angelegt"],
                [27, "TeamViewer", "Fernwartung", "IT", "Hr. Bauer", "TeamViewer", "Cloud", "600 €", "mittel", 4, 2, ""],
                [28, "Antivirus ESET", "Virenschutz", "Alle", "Hr. Bauer", "ESET", "self-hosted", "450 €", "hoch", 4, 1, ""],
            ],
            title=["IT-Bestandsaufnahme Spedition Brandt GmbH", "Stand: März 2026"],
            totals=["", "Summe", "", "", "", "", "", "64.170 €"],
        ),
        SheetSpec(
            "Schnittstellen",
            ["Von", "Nach", "Daten", "Übertragung", "Häufigkeit", "Anzahl je Zeitraum", "Minuten je Vorgang"],
            [
                ["TimoCom Frachtenbörse", 'Transport-ERP "CarLo"', "Aufträge", "manuell abtippen", "täglich", 25, 6],
                ['Transport-ERP "CarLo"', "DATEV Unternehmen online", "Rechnungen", "Datei-Export/Import", "monatlich", 1, 45],
                ["CRM HubSpot", 'Transport-ERP "CarLo"', "Kunden", "Copy & Paste (Excel)", "wöchentlich", 10, 5],
                ["Zeiterfassung ZEP", "DATEV Lohn und Gehalt", "Arbeitszeiten", "Datei-Export/Import", "monatlich", 1, 30],
                ["Telematik FleetBoard", 'Transport-ERP "CarLo"', "Sendungen", "API", "täglich", "", 0],
                ['Transport-ERP "CarLo"', "Sendungsverfolgung Kundenportal", "Sendungen", "Schnittstelle", "täglich", "", ""],
                ["Kundenliste.xlsx", "CRM HubSpot", "Kunden", "manuell", "monatlich", 20, 4],
                ["Tourenplanung Excel", 'Transport-ERP "CarLo"', "Touren", "Copy & Paste", "täglich", 15, 3],
                ["Tankkarten-Portal DKV", "DATEV Unternehmen online", "Rechnungen", "per E-Mail (PDF)", "monatlich", 4, 15],
                ["Schadensmeldungen (Papier)", 'Transport-ERP "CarLo"', "Schäden", "abtippen", "wöchentlich", 5, 10],
            ],
            title=["Datenflüsse"],
        ),
    ],
)


# --- 2. Joinery: school grades, a 1-5 scale, free-text lifecycle and hosting ------------------

SCHREINEREI = Workbook(
    "Schreinerei Holzwerk Software.xlsx",
    [
        SheetSpec(
            "Programme",
            ["Programm", "Wofür", "Wer nutzt es?", "Ansprechpartner", "Lizenzkosten/Jahr", "Läuft auf", "Status", "Wichtigkeit (1-5)", "Technik (Schulnote)", "Integrationsfähigkeit", "Anmerkung"],
            [
                ["Imos iX CAD", "Konstruktion", "Arbeitsvorbereitung", "Hr. Dr. Lange", "4.900", "lokal installiert", "in Betrieb", 5, 2, "Datei", ""],
                ["Borm Informatik", "Auftragsabwicklung, Rechnungen", "Büro", "Fr. Sommer", "3.200", "Server im Keller", "in Betrieb", 5, 4, "Datei", "alte Version"],
                ["Holzliste.xlsx", "Zuschnitt", "Werkstatt", "Meister Kurz", "0", "Datei", "in Betrieb", 3, 5, "keine", ""],
                ["Lexoffice", "Buchhaltung", "Büro", "Frau Sommer", "348", "Cloud", "geplant", 3, 1, "API", "Einführung 2026"],
                ["DATEV Kanzlei-Rechnungswesen (Steuerberater)", "Buchhaltung", "Büro", "Steuerberater", "0", "beim Dienstleister", "in Betrieb", 4, 2, "Datei", ""],
                ["Outlook", "E-Mail", "alle", "J. Kurz", "", "Microsoft 365", "in Betrieb", 4, 1, "API", ""],
                ["Microsoft 365 Business Basic", "Office", "alle", "Jan Kurz", "1.080", "Cloud", "in Betrieb", 4, 1, "gut", ""],
                ["CNC-Steuerung Homag", "Fertigung", "Werkstatt", "Meister Kurz", "", "Maschine", "in Betrieb", 5, 3, "Datei", "Windows 7!"],
                ["Zeiterfassung Papier", "Zeiterfassung", "Werkstatt", "Fr. Sommer", "0", "Papier", "soll weg", 2, 5, "keine", ""],
                ["Clockin", "Zeiterfassung", "Werkstatt", "Fr. Sommer", "720", "Online", "Test", 2, 1, "API", "Testphase"],
                ["WhatsApp", "Absprachen mit Monteuren", "Montage", "Jan Kurz", "0", "Handy", "in Betrieb", 3, 3, "keine", "private Handys"],
                ["Google Kalender", "Montageplanung", "Montage", "Jan Kurz", "0", "Cloud", "in Betrieb", 3, 2, "API", ""],
                ["Fritz!Box", "Internet, WLAN", "alle", "Jan Kurz", "0", "Gerät", "in Betrieb", 4, 3, "keine", ""],
                ["Synology NAS DS920", "Ablage, Datensicherung", "alle", "J. Kurz", "0", "im Haus", "in Betrieb", 4, 3, "Datei", ""],
                ["Angebotsvorlagen Word", "Angebote", "Büro", "Fr. Sommer", "", "Datei", "in Betrieb", 3, 4, "keine", ""],
                ["Homepage Jimdo", "Website", "Büro", "Fr. Sommer", "180", "Online", "in Betrieb", 2, 2, "keine", ""],
                ["Sage Lohn", "Lohn", "Büro", "Fr Sommer", "540", "lokal", "wird abgelöst", 4, 4, "Datei", ""],
                ["Kundenkartei", "Kunden", "Büro", "Fr. Sommer", "0", "Karteikasten", "in Betrieb", 3, 5, "keine", ""],
            ],
            title=["Holzwerk Kurz GmbH & Co. KG, Übersicht Software"],
        )
    ],
)


# --- 3. Self-made list, CSV in Windows-1252 with semicolons, people with titles ----------------

EIGENE_LISTE = Workbook(
    "meine systeme.csv",
    [
        SheetSpec(
            "",
            ["Software", "Bereich", "Zuständig", "Kosten", "Betrieb", "Status", "Personendaten", "IT-betreut", "Bemerkung"],
            [
                ["Sage 100", "Buchhaltung; Vertrieb", "Dr. Helga Roth", "12.000 €", "Server im Haus", "aktiv", "ja", "ja", ""],
                ["Shopware Shop", "Vertrieb", "M. Yilmaz", "2.400 €", "gehostet", "aktiv", "ja", "ja", ""],
                ["Mailchimp", "Marketing", "Mehmet Yilmaz", "600 €", "Cloud", "aktiv", "ja", "nein", "Newsletter"],
                ["Canva", "Marketing", "Mehmet Yilmaz", "110 €", "Browser", "aktiv", "nein", "nein", ""],
                ["Trello", "Alle", "Hr. Roth", "0 €", "SaaS", "aktiv", "nein", "nein", ""],
                ["Lagerliste", "Lager", "Hr. Roth", "0 €", "Excel auf dem Server", "aktiv", "nein", "ja", ""],
                ["Versandtool Shipcloud", "Versand", "Anna Weber", "480 €", "Cloud (SaaS)", "aktiv", "ja", "ja", ""],
                ["DHL Geschäftskundenportal", "Versand", "Anna Weber", "0 €", "Online", "aktiv", "ja", "ja", ""],
                ["Personio", "Personal", "Dr. Helga Roth", "2.880 €", "SaaS", "aktiv", "ja", "ja", ""],
                ["Zoom", "Alle", "Hr. Roth", "150 €", "Cloud", "läuft aus", "ja", "?", ""],
                ["Microsoft Teams", "Alle", "Hr. Roth", "", "Cloud", "aktiv", "ja", "ja", "in M365"],
                ["Microsoft 365", "Alle", "Hr. Roth", "3.600 €", "Cloud", "aktiv", "ja", "ja", ""],
                ["Lexware Lohn", "Personal", "Dr. Helga Roth", "420 €", "lokal", "abgelöst", "ja", "ja", "durch Personio ersetzt"],
                ["Amazon Seller Central", "Vertrieb", "M. Yilmaz", "480 €", "Online", "aktiv", "ja", "nein", ""],
                ["eBay", "Vertrieb", "M. Yilmaz", "0 €", "Online", "aktiv", "ja", "nein", ""],
                ["Billbee", "Vertrieb; Versand", "Anna Weber", "360 €", "Cloud", "aktiv", "ja", "ja", ""],
                ["Google Analytics", "Marketing", "Mehmet Yilmaz", "0 €", "Cloud", "aktiv", "ja", "nein", "USA"],
                ["WordPress Blog", "Marketing", "Mehmet Yilmaz", "120 €", "beim Hoster", "aktiv", "nein", "nein", ""],
                ["Retourenliste.xlsx", "Versand", "Anna Weber", "0 €", "Netzlaufwerk", "aktiv", "ja", "nein", ""],
                ["Kassenbuch Excel", "Buchhaltung", "Dr. Helga Roth", "0 €", "Datei", "aktiv", "nein", "nein", ""],
                ["DATEV Unternehmen online", "Buchhaltung", "Dr. Helga Roth", "1.200 €", "Cloud", "aktiv", "ja", "ja", ""],
                ["Steuerbüro Upload", "Buchhaltung", "Dr. Helga Roth", "0 €", "Online", "aktiv", "ja", "ja", ""],
                ["1Password", "Alle", "Hr. Roth", "240 €", "Cloud", "aktiv", "nein", "ja", ""],
                ["Sophos Firewall", "IT", "Hr. Roth", "900 €", "Appliance", "aktiv", "nein", "ja", ""],
                ["Backup-NAS", "IT", "Hr. Roth", "0 €", "im Büro", "aktiv", "ja", "ja", ""],
                ["Telekom Cloud PBX", "Alle", "Hr. Roth", "1.320 €", "Cloud", "aktiv", "ja", "ja", ""],
                ["Etiketten-Drucker Zebra", "Versand", "Anna Weber", "0 €", "Gerät", "aktiv", "nein", "ja", ""],
                ["Preisliste 2025", "Vertrieb", "M. Yilmaz", "0 €", "Datei", "aktiv", "nein", "nein", ""],
                ["Kundenfeedback Google Forms", "Vertrieb", "Mehmet Yilmaz", "0 €", "Google", "aktiv", "ja", "nein", ""],
                ["Slack", "Marketing; Vertrieb", "Mehmet Yilmaz", "0 €", "Cloud", "aktiv", "ja", "nein", "Free"],
                ["Altes Warenwirtschaftssystem", "Lager", "Hr. Roth", "0 €", "alter PC", "außer Betrieb", "ja", "ja", "nur noch Archiv"],
            ],
        )
    ],
    encoding="cp1252",
)


# --- 4. English agency: 1-5 and 1-10 scales in the headers, assessment date and assessor ------

AGENCY = Workbook(
    "Northwind Creative - IT inventory.xlsx",
    [
        SheetSpec(
            "Inventory",
            ["Application", "Purpose", "Team", "Owner", "Vendor", "Deployment", "Annual cost (EUR)", "Criticality (1-5)", "Health (1-10)", "Integration (1-4)", "Assessed on", "Assessed by", "Managed by IT", "Personal data"],
            [
                ["Adobe Creative Cloud", "Design", "Design", "Mr. John Smith", "Adobe", "Cloud (SaaS)", 7200, 5, 9, 2, date(2026, 2, 1), "Dr. Anna Lee", "Y", "N"],
                ["Figma", "Design", "Design", "J. Smith", "Figma", "SaaS", 1800, 4, 10, 3, date(2026, 2, 1), "Dr. Anna Lee", "N", "N"],
                ["HubSpot Marketing Hub", "Marketing, CRM", "Accounts", "Sarah O'Neill", "HubSpot", "cloud", 9600, 5, 8, 4, date(2026, 2, 3), "Dr. Anna Lee", "Y", "Y"],
                ["Harvest", "Time tracking", "All", "Mrs. Sarah O'Neill", "Harvest", "web-based", 1320, 3, 7, 3, date(2026, 2, 3), "Anna Lee", "N", "Y"],
                ["Xero", "Accounting, invoicing", "Finance", "Peter Novak", "Xero", "SaaS", 720, 5, 8, 3, date(2026, 2, 3), "Anna Lee", "Y", "Y"],
                ["Client briefs spreadsheet", "Project management", "Accounts", "Sarah O'Neill", "", "network drive", 0, 3, 3, 1, date(2026, 2, 4), "Anna Lee", "N", "Y"],
                ["Asana", "Project management", "All", "Sarah O'Neill", "Asana", "Cloud", 2400, 4, 8, 3, date(2026, 2, 4), "Anna Lee", "N", "N"],
                ["Render server", "Rendering", "Design", "J. Smith", "Dell", "on prem", 0, 2, 4, 1, date(2026, 2, 4), "Anna Lee", "Y", "N"],
                ["Google Workspace", "Email, documents", "All", "Peter Novak", "Google", "SaaS", 3600, 5, 9, 4, date(2026, 2, 5), "Anna Lee", "Y", "Y"],
                ["Slack", "Chat", "All", "Peter Novak", "Salesforce", "SaaS", 1900, 4, 9, 4, date(2026, 2, 5), "Anna Lee", "N", "Y"],
                ["Zoom", "Video calls", "All", "Peter Novak", "Zoom", "SaaS", 600, 3, 8, 3, date(2026, 2, 5), "Anna Lee", "Y", "Y"],
                ["WordPress site", "Website", "Marketing", "Marketing team", "WP Engine", "hosted", 1100, 4, 5, 3, date(2026, 2, 6), "Anna Lee", "Y", "Y"],
                ["Backup (Backblaze)", "Backup", "All", "Peter Novak", "Backblaze", "Cloud", 240, 4, 7, 2, date(2026, 2, 6), "Anna Lee", "Y", "Y"],
                ["Old FileMaker DB", "Client archive", "Accounts", "Sarah O`Neill", "Claris", "desktop", 0, 1, 2, 1, date(2026, 2, 6), "Anna Lee", "N", "Y"],
            ],
        )
    ],
)


# --- 5. Medical practice: Excel's "Unicode text" (UTF-16 with BOM, tab-separated) -------------

PRAXIS = Workbook(
    "Praxis Dr. Meier Programme.txt",
    [
        SheetSpec(
            "",
            ["Anwendung", "Funktion", "Verantwortlich", "Datenschutz", "Hosting", "Kosten pro Jahr", "Zustand"],
            [
                ["CGM Albis", "Praxisverwaltung, Abrechnung", "Dr. med. Meier", "ja", "Server in der Praxis", "4.680,00", "aktiv"],
                ["KIM-Dienst", "E-Mail", "Praxismanagerin Frau Öztürk", "ja", "Rechenzentrum", "276,00", "aktiv"],
                ["Doctolib", "Terminbuchung", "Fr. Öztürk", "ja", "SaaS", "1.548,00", "aktiv"],
                ["Konnektor (secunet)", "Telematikinfrastruktur", "Dr. med. Meier", "ja", "Gerät", "1.020,00", "aktiv"],
                ["Praxis-Telefonanlage", "Telefonie", "Frau Öztürk", "nein", "Vor Ort", "600,00", "aktiv"],
                ["Dienstplan.xlsx", "Dienstplan", "F. Öztürk", "ja", "Datei", "0,00", "aktiv"],
                ["DATEV Lohn (Steuerbüro)", "Lohn", "Dr. med. Meier", "ja", "beim Steuerberater", "0,00", "aktiv"],
                ["Kartenlesegerät ORGA", "Versichertenkarte", "Fr. Öztürk", "ja", "Gerät", "0,00", "aktiv"],
                ["Fax-Gerät", "Befunde", "Fr. Öztürk", "ja", "Vor Ort", "0,00", "läuft aus"],
            ],
        )
    ],
    encoding="utf-16",
    delimiter="\t",
)


# --- 6. Plumbing firm: a kind column in words, comma-separated UTF-8 --------------------------

SANITAER = Workbook(
    "sanitaer-weiss-it.csv",
    [
        SheetSpec(
            "",
            ["Name", "Art", "Abteilung", "Verantwortlich", "Kosten pro Jahr", "Hosting", "Lebenszyklus"],
            [
                ["Label Software Handwerk", "Software", "Büro", "Petra Weiß", "2.160", "lokal", "aktiv"],
                ["Tablets Monteure", "Gerät", "Montage", "Klaus Weiß", "0", "", "aktiv"],
                ["Aufmaß-Tabelle", "Excel", "Montage", "Klaus Weiss", "0", "Datei", "aktiv"],
                ["Google Workspace", "Cloud-Dienst", "Alle", "Petra Weiß", "1.440", "", "aktiv"],
                ["Router & WLAN", "Hardware", "Alle", "Klaus Weiß", "0", "", "aktiv"],
                ["Großhandelsportal GC", "Online-Dienst", "Einkauf", "Petra Weiß", "0", "", "aktiv"],
                ["Elster", "Behörde", "Büro", "Steuerberater Hansen", "0", "Online", "aktiv"],
                ["Plancal Nova", "Fachanwendung", "Planung", "Klaus Weiß", "1.900", "lokal", "Auslaufend"],
                ["Wartungsverträge.xlsx", "Tabelle", "Büro", "P. Weiß", "0", "Datei", "aktiv"],
                ["Firmenhandys", "Geräte", "Alle", "Klaus Weiß", "3.600", "", "aktiv"],
            ],
        )
    ],
    encoding="utf-8-sig",
    delimiter=",",
)


# --- 7. Tax office: systems and integrations, words for scores, end of support ----------------

STEUERKANZLEI = Workbook(
    "Kanzlei Vogt Systemlandschaft.xlsx",
    [
        SheetSpec(
            "Systeme",
            ["Bezeichnung", "Aufgabe", "Bereich", "Verantwortliche", "Anbieter", "Betriebsart", "Jahreskosten", "Geschäftskritikalität", "Technischer Zustand", "Integrationsfähigkeit", "Support bis"],
            [
                ["DATEV Kanzlei-Rechnungswesen", "Buchhaltung für Mandanten", "Fibu", "StB Vogt", "DATEV eG", "DATEV-Rechenzentrum", "14.400", "sehr hoch", "gut", "API", date(2030, 12, 31)],
                ["DATEV Lohn und Gehalt", "Lohn", "Lohn", "Frau Albers", "DATEV eG", "DATEV-Rechenzentrum", "6.000", "sehr hoch", "gut", "Datei", None],
                ["DATEV DMS", "Archiv", "Alle", "StB Vogt", "DATEV eG", "lokal", "3.600", "hoch", "ok", "Datei", None],
                ["Mandantenportal DATEV", "Belegaustausch mit Mandanten", "Fibu", "K. Albers", "DATEV eG", "Cloud", "1.200", "hoch", "gut", "API", None],
                ["Outlook/Exchange 2016", "E-Mail", "Alle", "IT-Dienstleister", "Microsoft", "Server im Haus", "900", "hoch", "veraltet", "API", date(2025, 10, 14)],
                ["Fristenkalender Excel", "Fristen", "Sekretariat", "Frau Albers", "", "Datei", "0", "hoch", "schlecht", "keine", None],
                ["Elster", "Steuererklärungen", "Fibu", "StB Vogt", "Finanzverwaltung", "Online", "0", "hoch", "gut", "keine", None],
                ["Scanner Fujitsu", "Belege scannen", "Sekretariat", "Frau Albers", "Fujitsu", "Gerät", "0", "mittel", "mäßig", "Datei", None],
                ["Zeiterfassung Papier", "Zeiterfassung", "Alle", "Karin Albers", "", "Papier", "0", "niedrig", "schlecht", "keine", None],
            ],
        ),
        SheetSpec(
            "Datenflüsse",
            ["Quelle", "Ziel", "Daten", "Wie", "Wie oft", "Anzahl", "Aufwand (Min.)"],
            [
                ["Mandantenportal DATEV", "DATEV Kanzlei-Rechnungswesen", "Belege", "automatisch", "täglich", "", ""],
                ["Outlook/Exchange 2016", "DATEV DMS", "Dokumente", "per Mail", "täglich", 30, 2],
                ["Scanner Fujitsu", "DATEV DMS", "Belege", "Datei", "täglich", 40, 1],
                ["Fristenkalender Excel", "Outlook/Exchange 2016", "Fristen", "händisch", "wöchentlich", 10, 5],
                ["Zeiterfassung Papier", "DATEV Lohn und Gehalt", "Arbeitszeiten", "abtippen", "monatlich", 12, 20],
            ],
        ),
    ],
)


# --- 8. English web shop: integrations in English words ---------------------------------------

WEBSHOP = Workbook(
    "greenleaf-shop-systems.xlsx",
    [
        SheetSpec(
            "Systems",
            ["System", "Used for", "Department", "Owner", "Hosting", "Cost per year", "Lifecycle"],
            [
                ["Shopify", "Web shop", "E-commerce", "Lena Fischer", "SaaS", 3480, "live"],
                ["JTL-Wawi", "Inventory management, orders", "Warehouse", "Tom Richter", "on-premises", 0, "live"],
                ["Sendcloud", "Shipping labels", "Warehouse", "Tom Richter", "SaaS", 1200, "live"],
                ["Klaviyo", "Newsletters", "Marketing", "Lena Fischer", "SaaS", 2400, "live"],
                ["Zendesk", "Customer service tickets", "Customer service", "Mia Wolf", "SaaS", 1800, "live"],
                ["lexoffice", "Accounting", "Finance", "Tom Richter", "SaaS", 420, "live"],
                ["Returns sheet", "Returns", "Customer service", "Mia Wolf", "Google Sheets", 0, "live"],
                ["Supplier price lists", "Purchasing", "Warehouse", "Tom Richter", "e-mail attachments", 0, "sunset"],
            ],
        ),
        SheetSpec(
            "Data flows",
            ["From", "To", "Data", "How", "How often", "Minutes per run", "Error rate"],
            [
                ["Shopify", "JTL-Wawi", "Orders", "REST API", "real time", "", ""],
                ["JTL-Wawi", "Sendcloud", "Deliveries", "Webhooks", "real time", "", ""],
                ["Shopify", "Klaviyo", "Customers", "connector", "daily", "", ""],
                ["Zendesk", "Returns sheet", "Returns", "copy/paste", "daily", "10", "3 %"],
                ["Returns sheet", "JTL-Wawi", "Returns", "manual re-typing", "2x per week", "25", "5"],
                ["JTL-Wawi", "lexoffice", "Invoices", "CSV export", "weekly", "20", ""],
                ["Supplier price lists", "JTL-Wawi", "Prices", "typed by hand", "monthly", "120", "4"],
            ],
        ),
    ],
)


# --- 9. Bakery chain: branches, initials and near-identical names, kinds from names ----------

BAECKEREI = Workbook(
    "Bäckerei Korn Filialen IT.xlsx",
    [
        SheetSpec(
            "Liste",
            ["Was", "Wozu", "Filiale/Bereich", "Wer kümmert sich", "Kosten", "Wo"],
            [
                ["Kassensystem Vectron", "Verkauf, Kasse", "Filiale Nord, Filiale Süd", "Hr. Meier", "2.400", "Gerät"],
                ["Rezepturen.xlsx", "Produktion", "Backstube", "Herr Meier", "0", "Datei"],
                ["Waage Bizerba", "Verkauf", "Filiale Nord", "K. Schulz", "0", "Gerät"],
                ["Bestellliste Filialen", "Bestellungen", "alle", "Karin Schulz", "0", "Google Sheets"],
                ["Firewall", "Netzwerk", "Büro", "Systemhaus Nord", "360", "vor Ort"],
                ["Lohn über Steuerbüro", "Lohn", "Büro", "Karin Schulz", "0", "Steuerbüro"],
                ["Dienstplan App", "Dienstplan", "alle", "Karin Schultz", "480", "Cloud"],
                ["Backofen-Steuerung", "Produktion", "Backstube", "Hr. Meier", "0", "Maschine"],
                ["Email Strato", "E-Mail", "Büro", "Karin Schulz", "60", "Online"],
                ["Instagram", "Marketing", "alle", "Lisa Korn", "0", "Online"],
            ],
        )
    ],
)


# --- 10. Engineering office: an inverted scale and school grades ------------------------------

INGENIEURBUERO = Workbook(
    "IB Hartmann Systeme.xlsx",
    [
        SheetSpec(
            "Systeme",
            ["Systemname", "Funktion", "Abteilung", "Systemverantwortlicher", "Kosten p.a.", "Kritikalität (1 = hoch, 4 = niedrig)", "Technischer Zustand (Schulnote)", "Integrationsfähigkeit"],
            [
                ["Autodesk AutoCAD", "Konstruktion", "Planung", "Dipl.-Ing. Hartmann", "2.100", 1, 2, "Datei"],
                ["Revit", "Konstruktion", "Planung", "Dipl.-Ing. Hartmann", "3.500", 1, 1, "Datei"],
                ["Projektzeiten (Excel)", "Zeiterfassung", "Verwaltung", "Fr. Lenz", "0", 2, 5, "keine"],
                ["Sage 50", "Buchhaltung", "Verwaltung", "Frau Lenz", "600", 2, 3, "Datei"],
                ["AVA California", "Ausschreibungen", "Planung", "S. Hartmann", "1.800", 2, 2, "API"],
                ["Plotter HP DesignJet", "Pläne drucken", "Planung", "Fr. Lenz", "0", 3, 4, "keine"],
                ["Nextcloud", "Dateiaustausch", "Alle", "Externer Dienstleister", "240", 2, 2, "API"],
                ["Windows Server 2012 R2", "Dateiserver", "Alle", "Externer Dienstleister", "0", 1, 6, "Datei"],
            ],
        )
    ],
)


# --- 11. Car dealer: a notes sheet first, systems, then data flows with a totals row --------

AUTOHAUS = Workbook(
    "Autohaus Lindner Digitalisierung.xlsx",
    [
        SheetSpec("Hinweise", ["Bitte jährlich prüfen"], []),
        SheetSpec(
            "IT-Systeme",
            ["Anwendungsname", "Einsatzbereich", "Abteilung", "Verantwortlich", "Kosten pro Jahr", "Bereitstellung", "Lebenszyklus", "Zentral verwaltet"],
            [
                ["Loco-Soft DMS", "Werkstatt, Verkauf, Teile", "Werkstatt; Verkauf; Teiledienst", "Hr. Lindner jun.", "9.600", "Server im Haus", "aktiv", "ja"],
                ["mobile.de Händlerbereich", "Fahrzeugbörse", "Verkauf", "S. Brandt", "4.200", "Online", "aktiv", "ja"],
                ["Herstellerportal", "Garantie, Teilebestellung", "Werkstatt", "M. Koch", "0", "Online", "aktiv", "ja"],
                ["Werkstattplaner (Whiteboard)", "Terminplanung", "Werkstatt", "M. Koch", "0", "Papier", "aktiv", "nein"],
                ["Kundenbewertungen Google", "Marketing", "Verkauf", "Sabine Brandt", "0", "Online", "aktiv", "nein"],
                ["DATEV", "Buchhaltung", "Buchhaltung", "Fr. Engel", "3.000", "Steuerberater", "aktiv", "ja"],
                ["Diagnosetester", "Diagnose", "Werkstatt", "Markus Koch", "2.400", "Gerät", "aktiv", "ja"],
            ],
        ),
        SheetSpec(
            "Datenflüsse",
            ["Quelle", "Ziel", "Inhalt", "Art der Übertragung", "Turnus", "Anzahl", "Aufwand (Min.)"],
            [
                ["mobile.de Händlerbereich", "Loco-Soft DMS", "Anfragen", "abtippen", "täglich", 8, 5],
                ["Herstellerportal", "Loco-Soft DMS", "Teilebestellungen", "Copy & Paste", "täglich", 15, 3],
                ["Loco-Soft DMS", "DATEV", "Buchungen", "DATEV-Export", "monatlich", 1, 30],
                ["Werkstattplaner (Whiteboard)", "Loco-Soft DMS", "Termine", "von Hand", "täglich", 20, 2],
            ],
            totals=["Summe", "", "", "", "", "", 40],
        ),
    ],
)


# --- 12. Care service: typos in departments, teams in the owner column, CSV cp1252 ----------

PFLEGEDIENST = Workbook(
    "Pflegedienst Sonnenschein Software.csv",
    [
        SheetSpec(
            "",
            ["Programm", "Abteilung", "Verantwortlich", "Kosten", "Wo läuft es", "Personenbezogene Daten", "Bemerkung"],
            [
                ["Vivendi PD", "Pflege; Verwaltung", "Team Pflege / Fr. Gül", "7.800", "Rechenzentrum", "ja", "Pflegedoku und Abrechnung"],
                ["MD Stick (Tourenplanung)", "Plfege", "Fr. Gül", "0", "Gerät", "ja", ""],
                ["Smartphones Pflegekräfte", "Pflege", "Verwaltung", "5.400", "Gerät", "ja", ""],
                ["Dienstplan Excel", "Verwaltng", "Frau Gül", "0", "Datei", "ja", ""],
                ["Lohnbüro Online", "Verwaltung", "Hr. Krause", "900", "SaaS", "ja", ""],
                ["Telefonanlage", "alle", "Hr. Krause", "720", "vor Ort", "nein", ""],
                ["Beschwerdemanagement (Papier)", "Verwaltung", "Qualitätsmanagement", "0", "Papier", "ja", ""],
            ],
        )
    ],
    encoding="cp1252",
)


# --- 13. English logistics CSV: jurisdiction, lifecycle words, one odd value ------------------

HAULAGE = Workbook(
    "haulage-inventory.csv",
    [
        SheetSpec(
            "",
            ["System", "Business function", "Department", "Owner", "Hosting", "Data location", "Status", "Annual cost", "Holds personal data"],
            [
                ["Mercurius TMS", "Transport planning", "Operations", "Gary Mills", "hosted", "EU", "live", "€ 24,000", "yes"],
                ["Samsara", "Telematics", "Fleet", "Gary Mills", "SaaS", "USA", "live", "€ 9,800", "yes"],
                ["Xero", "Accounting", "Finance", "Priya Shah", "SaaS", "outside the EU", "live", "€ 600", "yes"],
                ["Driver hours spreadsheet", "Driver hours", "Fleet", "G. Mills", "file share", "", "sunset", "€ 0", "yes"],
                ["ClickUp", "Project management", "Operations", "Priya Shah", "Cloud", "USA", "pilot", "€ 1,200", "no"],
                ["Old AS/400", "Legacy billing", "Finance", "Priya Shah", "basement server", "", "decommissioned", "€ 0", "yes"],
            ],
        )
    ],
    encoding="utf-8",
    delimiter=",",
)


# --- 14. Metal workshop: the lead's list, not written for Leitstand; two CRMs with their own words
# ("Kunden", "Vertrieb") that only the product catalogue says are the same capability ------------

METALLBAU = Workbook(
    "Metallbau Krämer Programme.csv",
    [
        SheetSpec(
            "",
            ["Programm", "Wofür", "Kosten/Jahr", "Betrieb", "Verantwortlich"],
            [
                ["HubSpot CRM", "Kunden", "1.200 €", "Cloud (SaaS)", "Fr. Yilmaz"],
                ["Pipedrive", "Vertrieb", "kostenlos", "Cloud (SaaS)", "Hr. Bauer"],
                ["Sage 50", "Buchhaltung", "690 €", "lokal", "Fr. Yilmaz"],
                ["Microsoft 365", "E-Mail, Office", "1.584 €", "Cloud (SaaS)", "Hr. Bauer"],
                ["WhatsApp", "Absprachen Montage", "0 €", "App", "Hr. Bauer"],
                ["Windows Server 2016", "Server im Büro", "0 €", "im Büro", "Hr. Bauer"],
            ],
        )
    ],
    encoding="cp1252",
)


# --- 15. Dental practice: xlsx, typos in names, two video and two file-sharing tools ---------

ZAHNARZT = Workbook(
    "Zahnarztpraxis Dr. Lang Software.xlsx",
    [
        SheetSpec(
            "Software",
            ["Software", "Zweck", "Zuständig", "Kosten p.a.", "Wo läuft es"],
            [
                ["DS-Win Praxisverwaltung", "Abrechnung KZV", "Dr. Lang", "3.900", "Server Praxis"],
                ["MS Teams", "Teambesprechung", "Fr. Peters", "0", "Cloud"],
                ["Zoom", "Videosprechstude", "Dr. Lang", "168", "Cloud"],
                ["Dropbox", "Röntgenbilder an Labor", "Fr. Peters", "144", "Cloud"],
                ["Google-Drive", "Laborauftäge teilen", "Fr Peters", "0", "Cloud"],
                ["Materialliste.xlsx", "Materialbestellung", "Fr. Peters", "0", "Datei"],
            ],
        )
    ],
)


# --- 16. Bakery chain in English: a time clock beside an HR suite, two task boards, two chats --

BAKERY = Workbook(
    "millers-bakeries-tools.csv",
    [
        SheetSpec(
            "",
            ["Tool", "Used for", "Cost per year", "Owner", "Hosting"],
            [
                ["Personio", "Staff files", "€ 2,880", "Anna Miller", "SaaS"],
                ["Clockodo", "Clocking in at the branches", "€ 540", "Anna Miller", "SaaS"],
                ["Trello", "Shop rota", "€ 0", "Tom Baker", "SaaS"],
                ["Asana", "Marketing plan", "€ 1,320", "Lisa Green", "SaaS"],
                ["Slack", "Shift handover", "€ 0", "Tom Baker", "SaaS"],
                ["Whatsapp groups", "Branch news", "€ 0", "Tom Baker", "phones"],
                ["sevDesk", "Bookkeeping", "€ 420", "Anna Miller", "SaaS"],
            ],
        )
    ],
    encoding="utf-8",
    delimiter=",",
)


# --- 17. Tax adviser's office: a suite the firm licenses beside single tools for the same jobs -

STEUERBERATER = Workbook(
    "StB Hoffmann Programme.csv",
    [
        SheetSpec(
            "",
            ["Anwendung", "Einsatzzweck", "Jahreskosten", "Ansprechpartner"],
            [
                ["DATEV Kanzlei-Rechnungswesen", "Mandantenbuchhaltung", "9.600", "StB Hoffmann"],
                ["Microsoft 365 Business Standard", "Outlook und Word", "1.416", "Fr. Wagner"],
                ["Dropbox Business", "Austausch mit Mandanten", "540", "Fr. Wagner"],
                ["Zoom", "Mandantengespräche", "168", "StB Hoffmann"],
                ["Trello", "Fristen", "0", "Fr. Wagner"],
                ["Asana", "Aufgaben im Team", "300", "StB Hoffmann"],
            ],
        )
    ],
)

# fmt: on

WORKBOOKS: dict[str, Workbook] = {
    "spedition": SPEDITION,
    "schreinerei": SCHREINEREI,
    "eigene_liste": EIGENE_LISTE,
    "agency": AGENCY,
    "praxis": PRAXIS,
    "sanitaer": SANITAER,
    "steuerkanzlei": STEUERKANZLEI,
    "webshop": WEBSHOP,
    "baeckerei": BAECKEREI,
    "ingenieurbuero": INGENIEURBUERO,
    "autohaus": AUTOHAUS,
    "pflegedienst": PFLEGEDIENST,
    "haulage": HAULAGE,
    "metallbau": METALLBAU,
    "zahnarzt": ZAHNARZT,
    "bakery": BAKERY,
    "steuerberater": STEUERBERATER,
}
