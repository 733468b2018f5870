"""Reading real-world values as people type them into spreadsheets, in German or English.

The one number parser and the one date parser of the project: "1.234,56 €", "€ 649",
"1,234.56", "kostenlos"; "31.12.2027", "2027-12-31", Excel date cells and serials,
"unbekannt". Each parser returns the value, None for "unknown / empty", or raises
`ValueProblem` with a message the user can act on. No database, no request: pure functions.
"""

import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _


class ValueProblem(ValueError):
    """A cell whose value cannot be read; the message says why in plain words."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


#: Words that mean "we do not know": the value is left empty, not guessed.
UNKNOWN_WORDS = frozenset(
    {
        "",
        "?",
        "??",
        "-",
        "--",
        "\u2013",  # en dash
        "—",
        "n/a",
        "na",
        "n.a.",
        "k.a.",
        "k. a.",
        "keine angabe",
        "unbekannt",
        "unklar",
        "offen",
        "unknown",
        "tbd",
        "none",
        "null",
    }
)
FREE_WORDS = frozenset({"kostenlos", "gratis", "umsonst", "frei", "free", "free of charge"})
_CURRENCY = re.compile(r"(€|\beur\b|\beuro\b|\beuros\b)", re.IGNORECASE)
_FOREIGN_CURRENCY = re.compile(r"(\$|£|¥|\busd\b|\bgbp\b|\bchf\b|\bfr\.)", re.IGNORECASE)
_PER_YEAR = re.compile(
    r"(p\.\s?a\.?|pro jahr|per year|per annum|/\s?jahr|/\s?year|/\s?yr|jährlich|yearly|annual)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[\s\u00a0\u202f'\u2019]+")  # spaces and Swiss 1'234
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*)?([.,]\d+)?$")
EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31


def is_unknown(value: object) -> bool:
    """Empty cells and words such as "unbekannt", "n/a", "?"."""
    if value is None:
        return True
    return isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS


def clean_text(value: object) -> str:
    """A cell as text: numbers without a trailing ".0", surrounding spaces removed.

    A leading apostrophe that neutralised a formula on export ("'=SUM") is dropped again.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text


def parse_number(value: object) -> Decimal | None:
    """A number in German or English notation, with or without a euro sign."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValueProblem(_("“%(value)s” is not a number.") % {"value": value})
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueProblem(_("“%(value)s” is not a number.") % {"value": value})
        return Decimal(repr(value))
    text = str(value).strip()
    lowered = text.lower()
    if lowered in UNKNOWN_WORDS:
        return None
    if lowered in FREE_WORDS:
        return Decimal("0")
    if _FOREIGN_CURRENCY.search(text):
        raise ValueProblem(
            _("“%(value)s” is not in euros. Convert it, then import again.") % {"value": text}
        )
    digits = _PER_YEAR.sub("", _CURRENCY.sub("", text)).strip()
    digits = _SPACES.sub("", digits).removesuffix(",-").removesuffix(".-")
    if not digits or not _NUMBER.match(digits) or not any(c.isdigit() for c in digits):
        raise ValueProblem(_("“%(value)s” is not a number.") % {"value": text})
    try:
        return Decimal(_normalise_separators(digits))
    except InvalidOperation:
        raise ValueProblem(_("“%(value)s” is not a number.") % {"value": text}) from None


def _normalise_separators(digits: str) -> str:
    """ "1.234,56" and "1,234.56" both become "1234.56"; a lone separator is judged by context."""
    if "." in digits and "," in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif digits.count(",") == 1 and not _three_digit_group(digits, ","):
        decimal_mark = ","
    elif digits.count(".") == 1 and not _three_digit_group(digits, "."):
        decimal_mark = "."
    else:
        decimal_mark = ""  # only thousands separators
    thousands = {",", "."} - {decimal_mark}
    for mark in thousands:
        digits = digits.replace(mark, "")
    return digits.replace(",", ".") if decimal_mark == "," else digits


def _three_digit_group(digits: str, mark: str) -> bool:
    """ "1.234" / "12,500": a separator followed by exactly three digits groups thousands."""
    head, _sep, tail = digits.lstrip("+-").partition(mark)
    return len(tail) == 3 and 1 <= len(head) <= 3 and head != "0"


_MONTHS = {
    "jan": 1,
    "januar": 1,
    "january": 1,
    "jän": 1,
    "feb": 2,
    "februar": 2,
    "february": 2,
    "mär": 3,
    "mrz": 3,
    "mar": 3,
    "märz": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oct": 10,
    "oktober": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dec": 12,
    "dezember": 12,
    "december": 12,
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_WORDS = re.compile(r"^(?:(\d{1,2})\.?\s+)?([a-zäöü]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$")


def parse_date(value: object) -> date | None:
    """A date as typed in Germany or England, an Excel date cell, or an Excel serial number."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueProblem(_("“%(value)s” is not a date.") % {"value": value})
    if isinstance(value, int | float | Decimal):
        return _from_excel_serial(value)
    text = str(value).strip()
    if text.lower() in UNKNOWN_WORDS:
        return None
    parsed = _date_from_text(text.lower())
    if parsed is None:
        raise ValueProblem(
            _("“%(value)s” is not a date. Write it as 31.12.2027 or 2027-12-31.") % {"value": text}
        )
    return parsed


def _from_excel_serial(value: float | int | Decimal) -> date:
    serial = float(value)
    if 1900 <= serial <= 2200 and serial.is_integer():
        return date(int(serial), 1, 1)  # a bare year in a number cell
    if not 1 <= serial <= _EXCEL_MAX_SERIAL:
        raise ValueProblem(_("“%(value)s” is not a date.") % {"value": value})
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _date_from_text(text: str) -> date | None:
    """Try each written form in turn; None when none fits."""
    if match := _ISO.match(text):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DAY_FIRST.match(text):
        first, second, year = int(match[1]), int(match[2]), _full_year(match[3])
        if second > 12 and first <= 12:  # 12/31/2027: written the American way
            first, second = second, first
        return _safe_date(year, second, first)
    if match := _MONTH_YEAR.match(text):
        return _safe_date(int(match[2]), int(match[1]), 1)
    if match := _YEAR.match(text):
        return _safe_date(int(match[1]), 1, 1)
    if match := _WORDS.match(text):
        month = _MONTHS.get(match[2])
        day = match[1] or match[3] or "1"
        return _safe_date(int(match[4]), month, int(day)) if month else None
    return None


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        return 2000 + year if year < 70 else 1900 + year
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "x", "true", "wahr", "1", "✓", "✔", "ok", "an"})
_FALSE_WORDS = frozenset({"nein", "n", "no", "false", "falsch", "0", "-", "aus", "kein", "keine"})


def parse_bool(value: object) -> bool | None:
    """ja/nein, yes/no, x, 1/0; None for an empty or unknown cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal) and value in (0, 1):
        return bool(value)
    text = clean_text(value).lower()
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    if text in UNKNOWN_WORDS:
        return None
    raise ValueProblem(_("“%(value)s” is neither yes nor no.") % {"value": clean_text(value)})


_SEPARATORS = re.compile(r"[,;\n\r]+")


def split_values(value: object) -> list[str]:
    """Several entries in one cell, separated by comma, semicolon or line break; no repeats."""
    seen: set[str] = set()
    entries = []
    for part in _SEPARATORS.split(clean_text(value)):
        entry = part.strip()
        if entry and entry.lower() not in seen and entry.lower() not in UNKNOWN_WORDS:
            seen.add(entry.lower())
            entries.append(entry)
    return entries
