"""Reading how often, how long and how error-prone a data flow is, as people write it.

"40 pro Tag", "2x wöchentlich", "zweimal im Monat", "ca. 40 Aufträge am Tag", "15-20 Min.",
"1,5 Std.", "2 %", "0,02". Numbers go through core.values.parse_number; the words for
periods come from catalogue/headers.yaml (the caller passes the lookup in).

Percentages are decided per column: "2 %" is always 2 per cent. Numbers without a % sign
are per cent too ("2", "0,5"), unless every one of them in the column is below 1: then the
column holds shares, which is what Excel stores for cells formatted as percentages (2 % is
0.02), and 0,02 is read as 2 %. The preview shows the result as "2 %".
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from leitstand.core.values import ValueProblem, clean_text, is_unknown, parse_number

#: A period word ("täglich", "quartalsweise") -> (frequency, runs it stands for or None).
PeriodLookup = Callable[[str], tuple[str, Decimal | None] | None]

_APPROX = r"(?:(?:ca|circa|etwa|ungefähr|rund|approx|approximately|about|around|~)\.?\s*)?"
_DASH = "-\u2013"  # hyphen and en dash
_AMOUNT = rf"\d[\d.,'\u00a0]*(?:\s*(?:[{_DASH}]|bis|to)\s*\d[\d.,'\u00a0]*)?"
_TIMES = r"(?:x|\u00d7|-?mal|times|time)?"  # 40x, 40 \u00d7, 40-mal, 40 times
_COUNT_FIRST = re.compile(rf"^{_APPROX}(?P<count>{_AMOUNT})\s*{_TIMES}(?=[\s/:]|$)\s*(?P<rest>.*)$")
_COUNT_LAST = re.compile(rf"^(?P<rest>.*?)[\s:]+{_APPROX}(?P<count>{_AMOUNT})\s*{_TIMES}$")
_RANGE = re.compile(rf"\s*(?:[{_DASH}]|bis|to)\s*")
_CONNECTOR = re.compile(
    r"(?:^|\s)(?:pro|je|jeden|jede|jeder|per|a|an|am|im|in der|in|die|the|each|every)\s+|/"
)
_MINUTES = re.compile(
    rf"^{_APPROX}(?P<amount>{_AMOUNT})\s*(?P<unit>[a-zäöü.]*)(?:\s+(?:pro|je|per|each)\s.*)?$"
)
_LEADING_APPROX = re.compile(rf"^{_APPROX}", re.IGNORECASE)
#: unit -> (multiply by, divide by) to get minutes
_UNITS = {
    **dict.fromkeys(("", "m", "min", "mins", "minute", "minuten", "minutes"), (1, 1)),
    **dict.fromkeys(("h", "std", "stunde", "stunden", "hour", "hours", "hr", "hrs"), (60, 1)),
    **dict.fromkeys(("s", "sek", "sec", "secs", "sekunden", "seconds"), (1, 60)),
}
_NO_WORK = frozenset({"keine", "kein", "keiner", "nichts", "no", "nothing"})
_PERCENT_SIGNS = re.compile(r"\s*(%|prozent|percent|per cent|v\.\s?h\.)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rate:
    """How often, as read from one cell: a frequency ("day", ...), a count, or both."""

    frequency: str | None
    count: Decimal | None


def parse_amount(raw: object) -> Decimal | None:
    """A number, or the middle of a range ("15-20" is 17.5); never negative."""
    if isinstance(raw, str):
        values = [parse_number(part) for part in _RANGE.split(raw.strip(), maxsplit=1)]
        value = None if None in values else sum(values) / len(values)
    else:
        value = parse_number(raw)
    if value is not None and value < 0:
        raise ValueProblem(_("“%(value)s” cannot be negative.") % {"value": clean_text(raw)})
    return value


def parse_rate(raw: object, period_of: PeriodLookup, count_words: Mapping[str, int]) -> Rate | None:
    """ "täglich", "40 pro Tag", "2x wöchentlich", "zweimal im Monat", "40" -> a Rate."""
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return Rate(None, parse_amount(raw))
    text = clean_text(raw)
    if is_unknown(text):
        return None
    lowered = text.lower()
    if found := period_of(lowered):
        return Rate(found[0], found[1])
    first, _space, rest = lowered.partition(" ")
    if first in count_words:
        return _rate(Decimal(count_words[first]), rest, text, period_of)
    match = _COUNT_FIRST.match(lowered) or _COUNT_LAST.match(lowered)
    if match is None:
        raise ValueProblem(_not_a_rate(text))
    try:
        count = parse_amount(match["count"])
    except ValueProblem:
        raise ValueProblem(_not_a_rate(text)) from None
    return _rate(count, match["rest"], text, period_of)


def _rate(count: Decimal | None, rest: str, text: str, period_of: PeriodLookup) -> Rate:
    rest = rest.strip(" /:.,")
    if not rest:
        return Rate(None, count)
    candidates = [rest, _CONNECTOR.split(rest)[-1].strip(), rest.split()[-1]]
    for candidate in candidates:
        if found := period_of(candidate):
            frequency, runs = found
            if runs is not None:
                count = runs * (count if count is not None else 1)
            return Rate(frequency, count)
    raise ValueProblem(_not_a_rate(text))


def _not_a_rate(text: str) -> str:
    return _(
        "“%(value)s” does not say how often. Write it like “täglich”, “40 pro Tag”, "
        "“2x wöchentlich” or “monthly”."
    ) % {"value": text}


def combine_rates(values: dict) -> list[tuple[str, str]]:
    """A row check: the frequency and the number of runs, from either column or both.

    "40 pro Tag" in the frequency column also gives the number of runs, and the other way
    round; two columns that disagree are a problem, not a guess. A frequency cell with only
    a number ("40") says nothing about the period: a problem too."""
    frequency_cell, runs_cell = values.get("frequency"), values.get("runs_per_period")
    if frequency_cell is None and runs_cell is None:
        return []
    cells = [cell for cell in (frequency_cell, runs_cell) if cell is not None]
    frequencies = list(dict.fromkeys(c.frequency for c in cells if c.frequency is not None))
    problems = []
    if frequency_cell is not None and not frequencies:
        problems.append(("frequency", _no_period(frequency_cell.count)))
        cells.remove(frequency_cell)
    elif len(frequencies) > 1:
        problems.append(("frequency", _("The frequency and the number of runs disagree.")))
    counts = list(dict.fromkeys(c.count for c in cells if c.count is not None))
    if len(counts) > 1:
        message = _("The frequency says %(first)s times, this column %(second)s.") % {
            "first": _plain(counts[0]),
            "second": _plain(counts[1]),
        }
        problems.append(("runs_per_period", message))
    failed = {name for name, _message in problems}
    for name, found in (("frequency", frequencies), ("runs_per_period", counts)):
        if name in failed or not found:
            values.pop(name, None)
        else:
            values[name] = found[0]
    return problems


def _no_period(count: Decimal | None) -> str:
    return _(
        "%(count)s times per what? Add the period, like “%(count)s pro Tag”, or put the number "
        "in the column for how many times."
    ) % {"count": _plain(count)}


def _plain(value: Decimal | None) -> str:
    if value is None:
        return "?"
    return format(value.normalize(), "f")


def parse_minutes(raw: object) -> Decimal | None:
    """ "15", "15 Min.", "ca. 15", "15-20" (17.5), "1,5 Std." (90), "30 Sek." (0.5)."""
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return parse_amount(raw)
    text = clean_text(raw)
    if is_unknown(text):
        return None
    lowered = text.lower()
    if lowered in _NO_WORK:
        return Decimal(0)
    match = _MINUTES.match(lowered)
    unit = _UNITS.get(match["unit"].rstrip(".")) if match else None
    if unit is None:
        raise ValueProblem(
            _("“%(value)s” is not a number of minutes (like 15, “15 Min.” or “1,5 Std.”).")
            % {"value": text}
        )
    amount = parse_amount(match["amount"])
    return None if amount is None else amount * unit[0] / unit[1]


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage as written: with a % sign it is per cent, without it may be a share."""

    value: Decimal
    signed: bool


def parse_percent(raw: object) -> Percent | None:
    """ "2 %", "2,5 %", "ca. 3 %", 2, 0.02; whether per cent or share is decided per column."""
    if isinstance(raw, bool):
        raise ValueProblem(_("“%(value)s” is not a percentage.") % {"value": raw})
    text = clean_text(raw)
    if is_unknown(text):
        return None
    stripped, signs = _PERCENT_SIGNS.subn("", _LEADING_APPROX.sub("", text))
    value = parse_number(raw if not isinstance(raw, str) else stripped)
    if value is None:
        return None
    if value < 0:
        raise ValueProblem(_not_a_percentage(text))
    return Percent(value, bool(signs))


def holds_shares(percents: list[Percent]) -> bool:
    """Whether the numbers without a % sign are shares: all of them below 1, one above 0."""
    unsigned = [percent.value for percent in percents if not percent.signed]
    return bool(unsigned) and all(value < 1 for value in unsigned) and any(unsigned)


def as_per_cent(percent: Percent, shares: bool) -> Decimal:
    value = percent.value * 100 if shares and not percent.signed else percent.value
    if value > 100:
        raise ValueProblem(_not_a_percentage(f"{_plain(percent.value)}"))
    return value


def _not_a_percentage(text: str) -> str:
    return _("“%(value)s” is not a percentage between 0 and 100.") % {"value": text}
