"""Read bank, card and DATEV booking exports, in memory, into dated amounts with a payee.

German banks export CSV with semicolons, German dates (31.01.2026 or 31.01.26) and amounts
(-1.234,56), in UTF-8 or Windows-1252, often after a few lines about the account. Card
issuers do the same with commas or other column names. A DATEV Buchungsstapel (EXTF) has a
header line, then column titles, dates as DDMM within the year named in the header, and
amounts without sign plus an S/H flag. The file itself is never stored: the caller keeps
only the payments that `recurring.py` finds to be software.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from leitstand.products.names import fold

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
HEADER_SCAN_LINES = 40


class StatementError(ValueError):
    """The file cannot be read as a statement; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class Transaction:
    day: date
    amount: Decimal  # negative: money out of the account (a payment)
    payee: str
    purpose: str


@dataclass(frozen=True)
class Statement:
    kind: str  # bank, card, datev
    transactions: tuple[Transaction, ...]
    rows_read: int
    rows_skipped: int


DATE_COLUMNS = (
    "buchungstag",
    "buchungsdatum",
    "buchung",
    "datum",
    "belegdatum",
    "transaktionsdatum",
    "umsatzdatum",
    "date",
    "booking date",
    "authorised on",
    "processed on",
    "wertstellung",
    "valutadatum",
    "valuta",
    "wert",
)
AMOUNT_COLUMNS = (
    "betrag",
    "betrag (eur)",
    "betrag (€)",
    "betrag in eur",
    "umsatz",
    "umsatz in eur",
    "amount",
    "betrag eur",
    "umsatz (ohne soll/haben-kz)",
)
DEBIT_COLUMNS = ("soll", "belastung", "ausgang", "debit")
CREDIT_COLUMNS = ("haben", "gutschrift", "eingang", "credit")
PAYEE_COLUMNS = (
    "beguenstigter/zahlungspflichtiger",
    "name zahlungsbeteiligter",
    "auftraggeber/empfaenger",
    "zahlungsempfaenger*in",
    "zahlungsempfaenger",
    "empfaenger",
    "beguenstigter / auftraggeber",
    "beguenstigter",
    "auftraggeber",
    "haendler",
    "beschreibung",
    "description",
    "buchungstext",
    "payee",
    "merchant",
    "name",
)
PURPOSE_COLUMNS = (
    "verwendungszweck",
    "buchungstext",
    "beschreibung",
    "description",
    "umsatzart",
    "vorgang/verwendungszweck",
    "text",
    "info",
    "beleginfo - inhalt 1",
)
SIGN_COLUMNS = ("soll/haben-kennzeichen", "soll/haben", "s/h")
DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the two encodings German banks use."""
    if len(data) > MAX_BYTES:
        raise StatementError("The file is larger than 5 MB. Export a shorter period.")
    if b"\x00" in data[:4096]:
        raise StatementError("This is not a CSV text file (it contains binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _key(text: str) -> str:
    return " ".join(fold(text).replace("\ufeff", "").strip().strip('"').split())


def parse_amount(text: str) -> Decimal | None:
    """German (-1.234,56) and English (-1,234.56) amounts, with optional currency and sign."""
    text = text.strip().replace("\u2212", "-").replace("EUR", "").replace("€", "").strip()
    if not text:
        return None
    negative = text.startswith("-") or text.endswith("-")
    text = text.strip("+- ")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text.replace(" ", "").replace("'", ""))
    except InvalidOperation:
        return None
    return -value if negative else value


def parse_day(text: str, year_hint: int | None = None) -> date | None:
    text = text.strip()
    match = DATE.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            if year < 100:
                year += 2000
            return date(year, month, day)
        match = ISO_DATE.match(text)
        if match:
            return date(*(int(part) for part in match.groups()))
        match = SLASH_DATE.match(text)
        if match:
            month, day, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if year_hint and re.fullmatch(r"\d{3,4}", text):  # DATEV: DDMM
            text = text.zfill(4)
            return date(year_hint, int(text[2:]), int(text[:2]))
    except ValueError:
        return None
    return None


def _dialect(text: str) -> str:
    sample = "\n".join(text.splitlines()[:HEADER_SCAN_LINES])
    counts = {delimiter: sample.count(delimiter) for delimiter in (";", "\t", ",")}
    return max(counts, key=lambda delimiter: counts[delimiter])


def _find(columns: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in columns:
            return columns.index(name)
    return None


def read_statement(data: bytes) -> Statement:
    """Every dated row with an amount; the first row whose titles name a date and an
    amount (or debit/credit) is the header, whatever stands above it."""
    text = decode(data)
    if not text.strip():
        raise StatementError("The file is empty.")
    delimiter = _dialect(text)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if len(rows) > MAX_ROWS:
        raise StatementError("The file has more than 50,000 rows. Export a shorter period.")
    datev_year = _datev_year(rows)
    for position, row in enumerate(rows[:HEADER_SCAN_LINES]):
        columns = [_key(cell) for cell in row]
        day_column = _find(columns, DATE_COLUMNS)
        amount_column = _find(columns, AMOUNT_COLUMNS)
        debit_column = _find(columns, DEBIT_COLUMNS)
        if day_column is None or (amount_column is None and debit_column is None):
            continue
        kind = "datev" if datev_year is not None else "bank"
        return _rows(rows[position + 1 :], columns, kind, datev_year)
    raise StatementError(
        "No column with a booking date and an amount was found. Export the statement as CSV "
        "(for example 'CSV-CAMT' at savings banks) or a DATEV Buchungsstapel."
    )


def _datev_year(rows: list[list[str]]) -> int | None:
    if not rows or not rows[0] or _key(rows[0][0]) not in ("extf", "dtvf"):
        return None
    for cell in rows[0]:
        cell = cell.strip().strip('"')
        if re.fullmatch(r"\d{8}", cell) and cell[:2] in ("19", "20"):
            return int(cell[:4])  # "WJ-Beginn" or "Datum vom", YYYYMMDD
    return date.today().year


def _rows(rows: list[list[str]], columns: list[str], kind: str, year: int | None) -> Statement:
    day_column = _find(columns, DATE_COLUMNS)
    amount_column = _find(columns, AMOUNT_COLUMNS)
    debit_column = _find(columns, DEBIT_COLUMNS)
    credit_column = _find(columns, CREDIT_COLUMNS)
    sign_column = _find(columns, SIGN_COLUMNS)
    payee_column = _find(columns, PAYEE_COLUMNS)
    purpose_column = _find(columns, PURPOSE_COLUMNS)
    if purpose_column == payee_column:
        purpose_column = None
    if any(name in columns for name in ("karteninhaber", "kartennummer", "authorised on")):
        kind = "card"
    transactions = []
    skipped = 0

    def cell(row: list[str], column: int | None) -> str:
        return row[column].strip() if column is not None and column < len(row) else ""

    for row in rows:
        if not any(value.strip() for value in row):
            continue
        day = parse_day(cell(row, day_column), year)
        amount = parse_amount(cell(row, amount_column)) if amount_column is not None else None
        if amount is None and debit_column is not None:
            debit = parse_amount(cell(row, debit_column))
            credit = parse_amount(cell(row, credit_column))
            amount = -abs(debit) if debit else (abs(credit) if credit else None)
        if day is None or amount is None:
            skipped += 1
            continue
        if sign_column is not None:
            # DATEV and some card exports: an unsigned amount and a debit/credit flag.
            flag = _key(cell(row, sign_column))
            amount = -abs(amount) if flag in ("s", "soll", "debit") else abs(amount)
        transactions.append(
            Transaction(
                day=day,
                amount=amount,
                payee=cell(row, payee_column)[:200],
                purpose=cell(row, purpose_column)[:300],
            )
        )
    if kind != "datev" and _charges_are_positive(transactions):
        # Card issuers (American Express, some Visa exports) list charges as positive
        # amounts and refunds as negative ones: turn them into payments out of the account.
        transactions = [Transaction(t.day, -t.amount, t.payee, t.purpose) for t in transactions]
        kind = "card"
    return Statement(kind, tuple(transactions), rows_read=len(transactions), rows_skipped=skipped)


def _charges_are_positive(transactions: list[Transaction]) -> bool:
    if len(transactions) < 5:
        return False
    positive = sum(1 for t in transactions if t.amount > 0)
    return positive / len(transactions) >= 0.8
