"""Reading one cell into the value of one field, with the model's own limits.

Each reader returns the value (None or [] for an empty or unknown cell) or raises
`ValueProblem` with a message in plain words. `read_column` reads a whole column and reads
each distinct cell only once: inventories repeat the same departments, people, vendors and
choices thousands of times.
"""

from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.core.values import (
    ValueProblem,
    clean_text,
    is_unknown,
    parse_bool,
    parse_date,
    parse_number,
    split_values,
)
from leitstand.imports.headers import catalogue, normalise
from leitstand.imports.quantities import (
    Percent,
    Rate,
    as_per_cent,
    holds_shares,
    parse_minutes,
    parse_percent,
    parse_rate,
)
from leitstand.imports.targets import TARGETS, FieldSpec, ImportTarget

_URL = URLValidator()
_AMOUNT_TOO_LARGE = gettext_lazy("%(value)s is far too large for an amount.")
_TOO_LARGE = gettext_lazy("%(value)s is far too large.")


def read_cell(target: ImportTarget, spec: FieldSpec, raw: object) -> object:
    reader = _READERS[spec.kind]
    return reader(target, spec, raw)


class CellProblem:
    """Stands in a column's values for a cell that could not be read."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def read_column(
    target: ImportTarget, spec: FieldSpec, cells: Iterable[object]
) -> tuple[list[object], bool]:
    """Each cell's value, or a `CellProblem`; and whether any cell has a problem.

    Equal cells of the same type are read once: the readers are pure, and 1, 1.0 and True
    are told apart by their type."""
    reader = _READERS[spec.kind]
    known: dict[object, object] = {}
    values = []
    append = values.append
    for raw in cells:
        key = raw if raw.__class__ is str else (raw.__class__, raw)
        try:
            append(known[key])
            continue
        except KeyError:
            pass
        try:
            value = reader(target, spec, raw)
        except ValueProblem as problem:
            value = CellProblem(str(problem.message))
        known[key] = value
        append(value)
    has_problems = any(value.__class__ is CellProblem for value in known.values())
    if spec.kind == "many":  # each row gets its own list
        values = [value if value.__class__ is CellProblem else list(value) for value in values]
    if spec.kind == "percent":
        values = _percent_column(target, spec, values)
        has_problems = any(value.__class__ is CellProblem for value in values)
    return values, has_problems


@cache
def _max_length(target_key: str, field_name: str) -> int | None:
    return TARGETS[target_key].model_field(field_name).max_length


def _text(target: ImportTarget, spec: FieldSpec, raw: object) -> str:
    text = raw.strip() if isinstance(raw, str) else clean_text(raw)
    if text[:1] == "'":
        text = clean_text(text)
    limit = _max_length(target.key, spec.name)
    if limit and len(text) > limit:
        raise ValueProblem(
            _("Too long: %(length)s characters, at most %(limit)s fit.")
            % {"length": len(text), "limit": limit}
        )
    return text


def _one(target: ImportTarget, spec: FieldSpec, raw: object) -> str | None:
    text = clean_text(raw)
    if is_unknown(text):
        return None
    if len(text) > 120:
        raise ValueProblem(_("Too long for a name: %(length)s characters.") % {"length": len(text)})
    return text


def _many(target: ImportTarget, spec: FieldSpec, raw: object) -> list[str]:
    names = split_values(raw)
    too_long = [name for name in names if len(name) > 120]
    if too_long:
        raise ValueProblem(_("“%(name)s…” is too long for a name.") % {"name": too_long[0][:40]})
    return names


def _money(target: ImportTarget, spec: FieldSpec, raw: object) -> Decimal | None:
    value = parse_number(raw)
    if value is None:
        return None
    if value < 0:
        raise ValueProblem(_("An amount cannot be negative."))
    return _bounded(target, spec.name, value, _AMOUNT_TOO_LARGE)


@cache
def _decimal_limits(target_key: str, field_name: str) -> tuple[Decimal, Decimal]:
    model_field = TARGETS[target_key].model_field(field_name)
    places = Decimal(1).scaleb(-model_field.decimal_places)
    return places, Decimal(10) ** (model_field.max_digits - model_field.decimal_places)


def _bounded(target: ImportTarget, field_name: str, value: Decimal, message=_TOO_LARGE) -> Decimal:
    """A decimal as the field stores it (rounded to its places), or a problem if too large."""
    places, limit = _decimal_limits(target.key, field_name)
    if value >= limit or (value := value.quantize(places)) >= limit:
        raise ValueProblem(str(message) % {"value": value})
    return value


def _rate(target: ImportTarget, spec: FieldSpec, raw: object) -> Rate | None:
    """The frequency column and the "how many times" column both read "40 pro Tag"."""
    rate = parse_rate(raw, _period_lookup(target.key), catalogue()[target.key]["counts"])
    if rate is None or rate.count is None:
        return rate
    return Rate(rate.frequency, _bounded(target, "runs_per_period", rate.count))


@cache
def _period_lookup(target_key: str):
    """text -> (frequency, runs or None): the frequency choices and catalogue rates."""
    index = {word: (value, None) for word, value in choice_index(target_key, "frequency").items()}
    for word, (frequency, runs) in catalogue()[target_key].get("rates", {}).items():
        index.setdefault(normalise(word), (frequency, Decimal(str(runs))))

    def lookup(text: str) -> tuple[str, Decimal | None] | None:
        return index.get(normalise(text))

    return lookup


def _minutes(target: ImportTarget, spec: FieldSpec, raw: object) -> Decimal | None:
    value = parse_minutes(raw)
    return None if value is None else _bounded(target, spec.name, value)


def _percent(target: ImportTarget, spec: FieldSpec, raw: object) -> Percent | None:
    """Per cent or share is decided for the whole column (see _percent_column)."""
    return parse_percent(raw)


def _percent_column(target: ImportTarget, spec: FieldSpec, values: list) -> list:
    """Each percentage in per cent: a column whose numbers are all below 1 holds shares."""
    shares = holds_shares([value for value in values if value.__class__ is Percent])
    read = []
    for value in values:
        if value.__class__ is Percent:
            try:
                value = _bounded(target, spec.name, as_per_cent(value, shares))
            except ValueProblem as problem:
                value = CellProblem(str(problem.message))
        read.append(value)
    return read


def _integer(target: ImportTarget, spec: FieldSpec, raw: object) -> int | None:
    value = parse_number(raw)
    if value is None:
        return None
    if value != value.to_integral_value() or value < 0:
        raise ValueProblem(_("“%(value)s” is not a whole number.") % {"value": clean_text(raw)})
    if value > 2_147_483_647:
        raise ValueProblem(_("%(value)s is far too large.") % {"value": value})
    return int(value)


def _date(target: ImportTarget, spec: FieldSpec, raw: object):
    return parse_date(raw)


def _bool(target: ImportTarget, spec: FieldSpec, raw: object) -> bool | None:
    return parse_bool(raw)


def _url(target: ImportTarget, spec: FieldSpec, raw: object) -> str:
    text = clean_text(raw)
    if is_unknown(text):
        return ""
    if "://" not in text:
        text = f"https://{text}"
    try:
        _URL(text)
    except ValidationError:
        raise ValueProblem(
            _("“%(value)s” is not a web address.") % {"value": clean_text(raw)}
        ) from None
    if len(text) > _max_length(target.key, spec.name):
        raise ValueProblem(_("The web address is too long."))
    return text


@cache
def choice_index(target_key: str, field_name: str) -> dict[str, str]:
    """normalised word -> stored value: values, labels in both languages, catalogue synonyms."""
    choices = TARGETS[target_key].model_field(field_name).choices
    index = {}
    for language in ("en", "de"):
        with translation.override(language):
            for value, label in choices:
                index.setdefault(normalise(value), value)
                index.setdefault(normalise(str(label)), value)
    synonyms = catalogue()[target_key].get("choices", {}).get(field_name, {})
    for value, words in synonyms.items():
        for word in words:
            index.setdefault(normalise(word), value)
    return index


def _choice(target: ImportTarget, spec: FieldSpec, raw: object) -> str | None:
    text = clean_text(raw)
    if is_unknown(text):
        return None
    index = choice_index(target.key, spec.name)
    found = index.get(text.lower()) or index.get(normalise(text))
    if found is None:
        choices = target.model_field(spec.name).choices
        allowed = ", ".join(str(label) for _value, label in choices)
        raise ValueProblem(
            _("“%(value)s” is not one of: %(allowed)s.") % {"value": text, "allowed": allowed}
        )
    return found


_READERS = {
    "text": _text,
    "one": _one,
    "many": _many,
    "money": _money,
    "integer": _integer,
    "date": _date,
    "bool": _bool,
    "url": _url,
    "choice": _choice,
    "rate": _rate,
    "minutes": _minutes,
    "percent": _percent,
}
