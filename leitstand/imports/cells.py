"""Reading one cell into the value of one field, with the model's own limits.

Each reader returns the value (None or [] for an empty or unknown cell) or raises
`ValueProblem` with a message in plain words. `read_column` reads a whole column and reads
each distinct cell only once: inventories repeat the same departments, people, vendors and
choices thousands of times, so a choice is understood (synonyms, fuzzy matching, a person's
earlier choice) once per distinct text, not once per cell.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
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
from leitstand.imports.headers import catalogue
from leitstand.imports.quantities import (
    Percent,
    Rate,
    as_per_cent,
    holds_shares,
    parse_minutes,
    parse_percent,
    parse_rate,
)
from leitstand.imports.scores import Scale, guess_scale
from leitstand.imports.synonyms import YES_NO, choice_words, plain_index, value_table
from leitstand.imports.targets import TARGETS, FieldSpec, ImportTarget
from leitstand.imports.understanding import ValueTable, normalise_value

_URL = URLValidator()
_AMOUNT_TOO_LARGE = gettext_lazy("%(value)s is far too large for an amount.")
_TOO_LARGE = gettext_lazy("%(value)s is far too large.")
_BOOLEANS = {"true": True, "false": False}


class CellProblem:
    """Stands in a column's values for a cell that could not be read."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class Unclear(CellProblem):
    """A value of a choice field that is not understood: the preview asks what it means."""

    __slots__ = ("text",)

    def __init__(self, text: str, message: str) -> None:
        super().__init__(message)
        self.text = text


class _Noted:
    """A value understood by closeness or taken from a person's choice (shown in the preview),
    possibly saying something about other fields of the row."""

    __slots__ = ("how", "implies", "value")

    def __init__(self, value: object, how: str, implies: dict | None = None) -> None:
        self.value, self.how, self.implies = value, how, implies or {}


@dataclass
class ReadContext:
    """What a person decided for this import, and the column titles (scales hide in them)."""

    #: field -> normalised text -> value ("" leaves the cell empty)
    chosen: dict[str, dict[str, str]] = field(default_factory=dict)
    #: field -> scale, decided by a person or named in the column title
    scales: dict[str, Scale] = field(default_factory=dict)

    def choice(self, field_name: str, text: str) -> str | None:
        choices = self.chosen.get(field_name)
        return choices.get(normalise_value(text)) if choices else None


@dataclass
class ColumnRead:
    """A column's values, one per line, and what the preview shows about them."""

    values: list[object]
    has_problems: bool
    #: text as written -> number of rows, for values nobody can tell
    unclear: dict[str, int] = field(default_factory=dict)
    #: text as written -> (value, how: "close" or "chosen", rows)
    noted: dict[str, tuple[object, str, int]] = field(default_factory=dict)
    #: line index -> other fields the cell says something about ({"hosting": "saas"})
    implied: dict[int, dict[str, str]] = field(default_factory=dict)
    #: the numbers of a score column whose scale nobody has said (smallest, largest, as text)
    unclear_scale: tuple[str, str] | None = None


def read_column(
    target: ImportTarget,
    spec: FieldSpec,
    cells: Sequence[object],
    context: ReadContext | None = None,
) -> ColumnRead:
    """Each cell's value, or a `CellProblem`; and what was understood how.

    Equal cells of the same type are read once: the readers are pure, and 1, 1.0 and True
    are told apart by their type."""
    context = context or ReadContext()
    reader = _reader(target, spec, context)
    keys = [raw if raw.__class__ is str else (raw.__class__, raw) for raw in cells]
    known: dict[object, object] = {}
    for key in dict.fromkeys(keys):  # each distinct key once, from its first cell
        raw = key if key.__class__ is str else key[1]
        try:
            known[key] = reader(raw)
        except ValueProblem as problem:
            known[key] = CellProblem(str(problem.message))
    read = ColumnRead(list(map(known.__getitem__, keys)), False)
    special = {key for key, value in known.items() if value.__class__ in (_Noted, Unclear)}
    if special:
        _unwrap(read, cells, known, special)
    # Every value comes from `known`; noted values become plain ones, lists stay lists.
    read.has_problems = any(isinstance(value, CellProblem) for value in known.values())
    if spec.kind == "many":  # each row gets its own list
        read.values = [
            value if value.__class__ is CellProblem else list(value) for value in read.values
        ]
    elif spec.kind == "percent":
        read.values = _percent_column(target, spec, read.values)
    elif spec.kind == "score":
        _score_column(spec, read, context)
    if spec.kind in ("percent", "score"):  # both may find a problem in a value read well
        read.has_problems = any(isinstance(value, CellProblem) for value in read.values)
    return read


def _unwrap(read: ColumnRead, cells: Sequence[object], known: dict, special: set) -> None:
    """Replace noted values by the plain value, count them, and keep their implications."""
    values = read.values
    for index, raw in enumerate(cells):
        key = raw if raw.__class__ is str else (raw.__class__, raw)
        if key not in special:
            continue
        value = known[key]
        text = clean_text(raw)
        if value.__class__ is Unclear:
            read.unclear[text] = read.unclear.get(text, 0) + 1
            continue
        if value.how != "exact":  # understood by closeness, or a person's choice: shown
            _value, how, rows = read.noted.get(text, (value.value, value.how, 0))
            read.noted[text] = (value.value, how, rows + 1)
        if value.implies:
            read.implied[index] = value.implies
        values[index] = value.value


def _reader(target: ImportTarget, spec: FieldSpec, context: ReadContext):
    if spec.kind == "choice":
        table = _choice_table(target.key, spec.name)
        return lambda raw: _choice(target, spec, raw, table, context)
    if spec.kind == "bool":
        table = value_table(target.key, YES_NO)
        return lambda raw: _bool(spec, raw, table, context)
    if spec.kind == "score":
        table = value_table(target.key, spec.name)
        return lambda raw: _score(spec, raw, table, context)
    reader = _READERS[spec.kind]
    return lambda raw: reader(target, spec, raw)


def read_cell(target: ImportTarget, spec: FieldSpec, raw: object) -> object:
    """One cell, as read_column would read it (no person's choices)."""
    value = _reader(target, spec, ReadContext())(raw)
    if value.__class__ is Unclear:
        raise ValueProblem(value.message)
    return value.value if value.__class__ is _Noted else value


#: Texts that go to another record (who assessed) are kept to this length.
OTHER_TEXT_LENGTH = 120


@cache
def _max_length(target_key: str, field_name: str) -> int | None:
    target = TARGETS[target_key]
    if not target.field(field_name).on_row:
        return OTHER_TEXT_LENGTH
    return target.model_field(field_name).max_length


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
    """text -> (frequency, runs or None): the frequency words and catalogue rates, exactly,
    else a frequency word close to the whole text ("wöchenlich"); never parts of it, which
    would lose the number in "40 pro Tag"."""
    index = {word: (value, None) for word, value in plain_index(target_key, "frequency").items()}
    for word, (frequency, runs) in catalogue()[target_key].get("rates", {}).items():
        index.setdefault(normalise_value(word), (frequency, Decimal(str(runs))))
    table = _choice_table(target_key, "frequency")

    def lookup(text: str) -> tuple[str, Decimal | None] | None:
        normalised = normalise_value(text)
        found = index.get(normalised)
        if found is not None or any(character.isdigit() for character in normalised):
            return found
        understood = table.understand(text, parts=False)
        return (understood.value, None) if understood else None

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
def _choice_table(target_key: str, field_name: str) -> ValueTable:
    """The words of a model choice field: catalogue words, stored values and form labels."""
    choices = TARGETS[target_key].model_field(field_name).choices or ()
    return value_table(target_key, field_name, choice_words(choices))


def choice_index(target_key: str, field_name: str) -> dict[str, str]:
    """normalised word -> stored value (without fuzziness)."""
    return _choice_table(target_key, field_name).index


def _unclear(text: str) -> Unclear:
    message = _("“%(value)s” is not understood: choose its meaning in the preview.")
    return Unclear(text, message % {"value": text})


def _understood(table: ValueTable, field_name: str, text: str, context: ReadContext):
    """A person's choice, else the words' meaning; a close match or an implication is noted."""
    chosen = context.choice(field_name, text)
    if chosen is not None:
        return _Noted(chosen or None, "chosen")
    understood = table.understand(text)
    if understood is None:
        return _unclear(text)
    implies = table.implied_by(understood)
    value = understood.value or None
    if understood.how == "exact" and not implies:
        return value
    return _Noted(value, understood.how, implies)


def _choice(target, spec: FieldSpec, raw: object, table: ValueTable, context: ReadContext):
    text = clean_text(raw)
    if is_unknown(text):
        return None
    return _understood(table, spec.name, text, context)


def _bool(spec: FieldSpec, raw: object, table: ValueTable, context: ReadContext):
    """ja/nein, yes/no, x, 1/0 and their synonyms; a person's choice for anything else."""
    try:
        return parse_bool(raw)
    except ValueProblem:
        pass
    found = _understood(table, spec.name, clean_text(raw), context)
    if found.__class__ is _Noted:
        found.value = _BOOLEANS.get(found.value) if found.value is not None else None
        return found
    return _BOOLEANS[found] if found.__class__ is str else found


class ScoreWord(int):
    """A score given as a word ("hoch", "gut"): already on the 1-4 scale."""


def _score(spec: FieldSpec, raw: object, table: ValueTable, context: ReadContext):
    """A number (its scale is decided for the whole column) or a word on the 1-4 scale."""
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return parse_number(raw)
    text = clean_text(raw)
    if is_unknown(text):
        return None
    leading = text.split(maxsplit=1)[0].rstrip(".,:;)-")
    try:
        number = parse_number(leading)  # "3", "3 - hoch", "2,5"
    except ValueProblem:
        number = None
    if number is not None:
        return number
    found = _understood(table, spec.name, text, context)
    if found.__class__ is _Noted:
        found.value = ScoreWord(int(found.value)) if found.value else None
        return found
    return ScoreWord(int(found)) if found.__class__ is str else found


def _score_column(spec: FieldSpec, read: ColumnRead, context: ReadContext) -> None:
    """Numbers onto the 1-4 scale: the scale a person chose or the header names, else 1-4
    when every number fits it; otherwise the numbers wait for a person to say the scale."""
    numbers = [value for value in read.values if value.__class__ is Decimal]
    scale = context.scales.get(spec.name) or guess_scale(numbers)
    if scale is None:
        read.unclear_scale = (_plain(min(numbers)), _plain(max(numbers)))
        message = _("On which scale? Numbers go up to %(high)s: say it in step 2.") % {
            "high": _plain(max(numbers))
        }
        read.values = [CellProblem(message) if v.__class__ is Decimal else v for v in read.values]
        return
    converted: dict[Decimal, object] = {}
    for number in set(numbers):
        if scale.holds(number):
            converted[number] = scale.to_four(number)
        else:
            converted[number] = CellProblem(
                _("%(value)s is not on the scale %(low)s to %(high)s.")
                % {"value": _plain(number), "low": scale.low, "high": scale.high}
            )
    read.values = [
        converted[v] if v.__class__ is Decimal else (int(v) if v.__class__ is ScoreWord else v)
        for v in read.values
    ]


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


_READERS = {
    "text": _text,
    "one": _one,
    "many": _many,
    "money": _money,
    "integer": _integer,
    "date": _date,
    "url": _url,
    "person": _one,
    "rate": _rate,
    "minutes": _minutes,
    "percent": _percent,
}
