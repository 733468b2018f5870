"""Generated statements as German banks, card issuers and DATEV export them, with noise.

Each generator returns the file's bytes and the truth: which software payees recur (and at
what interval), and which software payments happen only once. Seeded, so tests repeat.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

# (text on the statement, product or vendor key the finder must report)
RECURRING_SOFTWARE = [
    ("PAYPAL *DROPBOX", "dropbox"),
    ("Microsoft*Store", "microsoft-365"),
    ("ADOBE *CREATIVE CLD", "adobe-creative-cloud"),
    ("ZOOM.US 888-799-9666", "zoom"),
    ("SLACK T0123ABC", "slack"),
    ("OPENAI *CHATGPT SUBSCR", "chatgpt"),
    ("sevdesk GmbH", "sevdesk"),
    ("Personio SE & Co. KG", "personio"),
    ("CANVA* 104123456", "canva"),
    ("ATLASSIAN", "jira"),
    ("GOOGLE *GSUITE_muster", "google-workspace"),
    ("LINKEDIN PRE 8839", "linkedin"),
    ("NOTION LABS INC", "notion"),
    ("DocuSign Inc", "docusign"),
    ("1PASSWORD", "1password"),
    ("HubSpot Germany GmbH", "hubspot"),
    ("TeamViewer Germany GmbH", "teamviewer"),
    ("Haufe-Lexware GmbH & Co. KG lexoffice", "lexware-office"),
    ("DATEV eG", "vendor:datev"),
    ("IONOS SE", "ionos-mail"),
    ("MIRO.COM", "miro"),
    ("AWS EMEA", "aws"),
]
ONE_OFF_SOFTWARE = [
    ("ADOBE *ACROPRO SUBS", "adobe-acrobat"),
    ("MSFT * E0400XYZ", "microsoft-365"),
    ("PAYPAL *WETRANSFER", "wetransfer"),
    ("JTL-Software-GmbH", "vendor:jtl"),
    ("TRELLO.COM* 12345", "trello"),
]
NOISE_PAYEES = [
    "REWE Markt GmbH",
    "ARAL Station 1234",
    "Telekom Deutschland GmbH",
    "Vodafone GmbH",
    "AMZN Mktp DE",
    "DB Vertrieb GmbH",
    "Finanzamt Musterstadt",
    "AOK Bayern",
    "Lufthansa",
    "Edeka Center",
    "Hausverwaltung Schmidt",
    "Stadtwerke Musterstadt",
    "Büro Kaiser Papier",
    "Shell Deutschland",
    "IKEA Deutschland",
]
INTERVAL_DAYS = {"monthly": 30, "quarterly": 91, "yearly": 365}


@dataclass
class Truth:
    recurring: dict[str, str] = field(default_factory=dict)  # key -> interval
    one_off: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Row:
    day: date
    amount: Decimal
    payee: str
    purpose: str


def generate_rows(seed: int, start: date = date(2025, 1, 1), months: int = 18):
    rng = random.Random(seed)
    truth = Truth()
    rows: list[Row] = []
    end = start + timedelta(days=months * 30)
    chosen = rng.sample(RECURRING_SOFTWARE, 14)
    keys_seen = set()
    for text, key in chosen:
        if key in keys_seen:
            continue
        keys_seen.add(key)
        interval = rng.choice(["monthly", "monthly", "monthly", "quarterly", "yearly"])
        gap = INTERVAL_DAYS[interval]
        amount = Decimal(rng.choice(["5.99", "11.99", "12.00", "29.00", "49.90", "119.00"]))
        if interval == "yearly":
            amount *= 10
        day = start + timedelta(days=rng.randrange(0, 25))
        count = 0
        while day < end:
            varied = amount if rng.random() < 0.8 else amount + Decimal(rng.randrange(0, 300)) / 100
            rows.append(Row(day, -varied, text, f"Abo {rng.randrange(10**6)}"))
            count += 1
            day = day + timedelta(days=gap + rng.randrange(-3, 4))
        if count >= (3 if interval == "monthly" else 2):
            truth.recurring[key] = interval
    for text, key in ONE_OFF_SOFTWARE:
        if key in truth.recurring:
            continue
        if rng.random() < 0.7:
            day = start + timedelta(days=rng.randrange(0, months * 30))
            rows.append(Row(day, -Decimal(rng.randrange(1000, 40000)) / 100, text, "Kauf"))
            truth.one_off.add(key)
    for _ in range(months * 25):  # groceries, fuel, travel, bills, salaries, refunds
        day = start + timedelta(days=rng.randrange(0, months * 30))
        payee = rng.choice(NOISE_PAYEES)
        amount = -Decimal(rng.randrange(300, 250000)) / 100
        if rng.random() < 0.1:
            amount = -amount  # incoming
        rows.append(Row(day, amount, payee, rng.choice(["Rechnung 4711", "Kartenzahlung", ""])))
    for month in range(months):  # rent and salary: recurring, but not software
        day = start + timedelta(days=30 * month + 1)
        rows.append(Row(day, Decimal("-2450.00"), "Hausverwaltung Schmidt", "Miete Halle"))
        rows.append(Row(day, Decimal("18500.00"), "Kunde Meier GmbH", "Zahlung RE"))
    if truth.recurring:
        refunded = next(iter(truth.recurring))
        text = next(text for text, key in RECURRING_SOFTWARE if key == refunded)
        rows.append(Row(start + timedelta(days=40), Decimal("9.99"), text, "Erstattung"))
    rows.sort(key=lambda row: row.day)
    return rows, truth


def _de_amount(value: Decimal) -> str:
    text = f"{abs(value):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if value < 0 else "") + text


def sparkasse_csv(rows: list[Row]) -> bytes:
    """CSV-CAMT of a savings bank: semicolons, quoted, cp1252, two-digit years."""
    lines = [
        '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";'
        '"Glaeubiger ID";"Mandatsreferenz";"Kundenreferenz (End-to-End)";"Sammlerreferenz";'
        '"Lastschrift Ursprungsbetrag";"Auslagenersatz Ruecklastschrift";'
        '"Beguenstigter/Zahlungspflichtiger";"Kontonummer/IBAN";"BIC (SWIFT-Code)";"Betrag";'
        '"Waehrung";"Info"'
    ]
    for row in rows:
        lines.append(
            f'"DE12500105170648489890";"{row.day:%d.%m.%y}";"{row.day:%d.%m.%y}";'
            f'"FOLGELASTSCHRIFT";"{row.purpose}";"";"";"";"";"";"";"{row.payee}";'
            f'"DE02100100100006820101";"PBNKDEFF";"{_de_amount(row.amount)}";"EUR";'
            '"Umsatz gebucht"'
        )
    return "\r\n".join(lines).encode("cp1252", errors="replace")


def dkb_csv(rows: list[Row]) -> bytes:
    """DKB: a preamble about the account, then the table; UTF-8 with BOM."""
    lines = [
        '"Girokonto";"DE12 1203 0000 1234 5678 90"',
        '""',
        '"Kontostand vom 30.06.2026:";"12.345,67 €"',
        '""',
        '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";'
        '"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";'
        '"Kundenreferenz"',
    ]
    for row in rows:
        outgoing = row.amount < 0
        lines.append(
            f'"{row.day:%d.%m.%y}";"{row.day:%d.%m.%y}";"Gebucht";'
            f'"{"Muster Logistik GmbH" if outgoing else row.payee}";'
            f'"{row.payee if outgoing else "Muster Logistik GmbH"}";"{row.purpose}";'
            f'"{"Ausgang" if outgoing else "Eingang"}";"DE02100100100006820101";'
            f'"{_de_amount(row.amount)}";"";"";""'
        )
    return ("\ufeff" + "\n".join(lines)).encode("utf-8")


def deutsche_bank_csv(rows: list[Row]) -> bytes:
    """Deutsche Bank: separate debit (Soll) and credit (Haben) columns."""
    lines = [
        "Umsätze Girokonto;Zeitraum: 01.01.2025 - 30.06.2026",
        "",
        "Buchungstag;Wert;Umsatzart;Begünstigter / Auftraggeber;Verwendungszweck;IBAN;BIC;"
        "Kundenreferenz;Mandatsreferenz ;Gläubiger ID;Fremde Gebühren;Betrag;"
        "Abweichender Empfänger;Anzahl der Aufträge;Anzahl der Schecks;Soll;Haben;Währung",
    ]
    for row in rows:
        debit = _de_amount(row.amount) if row.amount < 0 else ""
        credit = _de_amount(row.amount) if row.amount > 0 else ""
        lines.append(
            f"{row.day:%d.%m.%Y};{row.day:%d.%m.%Y};SEPA-Lastschrift;{row.payee};{row.purpose};"
            f"DE02100100100006820101;PBNKDEFF;;;;;;;;;{debit};{credit};EUR"
        )
    return "\n".join(lines).encode("cp1252", errors="replace")


def card_csv(rows: list[Row]) -> bytes:
    """A credit card export in English: commas, ISO dates, amounts with a decimal point."""
    lines = ["Date,Description,Amount,Currency,Card holder"]
    for row in rows:
        description = row.payee.replace(",", " ")
        lines.append(f'{row.day.isoformat()},"{description}",{row.amount:.2f},EUR,M. Muster')
    return "\n".join(lines).encode("utf-8")


def datev_buchungsstapel(rows: list[Row], year: int) -> bytes:
    """DATEV EXTF Buchungsstapel: header line, titles, DDMM dates, amounts with S/H flag."""
    header = (
        f'"EXTF";700;21;"Buchungsstapel";13;20260702093000000;;"RE";"";"";29098;55003;'
        f"{year}0101;4;{year}0101;{year}1231;"
        '"Buchungsstapel";"MM";1;0;0;"EUR";;"";;;"03";;;"";""'
    )
    titles = (
        '"Umsatz (ohne Soll/Haben-Kz)";"Soll/Haben-Kennzeichen";"WKZ Umsatz";"Kurs";'
        '"Basis-Umsatz";"WKZ Basis-Umsatz";"Konto";"Gegenkonto (ohne BU-Schlüssel)";'
        '"BU-Schlüssel";"Belegdatum";"Belegfeld 1";"Belegfeld 2";"Skonto";"Buchungstext"'
    )
    lines = [header, titles]
    for row in rows:
        if row.day.year != year:
            continue
        flag = "S" if row.amount < 0 else "H"
        lines.append(
            f'{_de_amount(abs(row.amount))};"{flag}";"EUR";;;;6810;1200;"";{row.day:%d%m};'
            f'"RE{row.day:%m%d}";"";;"{row.payee[:60]}"'
        )
    return "\r\n".join(lines).encode("cp1252", errors="replace")
