"""Parse and validate every row first; decide per row: create, update, unchanged or skip.

Nothing is written here. The plan lists per-cell problems in plain words, the departments,
people and vendors that will be created, and which existing rows each line updates.
A row with any problem is skipped as a whole: it is never half imported.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat, zip_longest

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from leitstand.imports.cells import CellProblem, read_column
from leitstand.imports.headers import catalogue
from leitstand.imports.reader import Sheet
from leitstand.imports.targets import ImportTarget, Reference
from leitstand.tenancy.models import Organisation

CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"
#: Missing names that get a "Did you mean ...?": a file whose systems were not imported yet
#: names thousands, and each suggestion compares with every known name.
MAX_SUGGESTIONS = 200


@dataclass(slots=True)
class RowResult:
    number: int  # the row number a spreadsheet shows (1-based)
    values: dict[str, object] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # field -> message
    skip_reason: str = ""
    action: str = CREATE
    existing: dict | None = None  # the current values of the row this line updates
    changed: list[str] = field(default_factory=list)
    key: tuple = ()  # the identity (lower-case names, or ids of references) of a row


@dataclass
class ImportPlan:
    target: ImportTarget
    rows: list[RowResult]
    #: reference key -> {lower name: name as written} of entries that will be created
    new: dict[str, dict[str, str]]
    #: reference key -> {lower name: existing object}
    known: dict[str, dict[str, object]]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in (CREATE, UPDATE, UNCHANGED, SKIP)}

    @property
    def skipped(self) -> list[RowResult]:
        return [row for row in self.rows if row.action == SKIP]

    def new_names(self) -> dict[str, list[str]]:
        return {key: sorted(names.values(), key=str.lower) for key, names in self.new.items()}

    def describe(self, row: RowResult) -> str:
        """The row's name ("DATEV") or, for a data flow, its systems ("Shop → ERP")."""
        return self.target.describe(row.values) if row.values else ""


def plan_import(
    organisation: Organisation,
    target: ImportTarget,
    sheet: Sheet,
    header_row: int,
    mapping: dict[int, str],
) -> ImportPlan:
    """Read every row below the header with this column mapping, and plan what it changes."""
    rows = _read_rows(target, sheet, header_row, mapping)
    _skip_repeated_names(target, rows)
    references = {spec.reference for spec in target.fields if spec.reference}
    known = {ref.key: _known_by_name(organisation, ref) for ref in references}
    new = _new_references(target, rows, known)
    _resolve_identity(target, rows, known)
    _match_existing(organisation, target, rows, known)
    return ImportPlan(target, rows, new, known)


def _is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _has_content(cells: list) -> bool:
    return not all(map(_is_blank, cells))  # usually decided by the first cell


def _totals_lines(columns: list[tuple], totals_words: set[str]) -> set[int]:
    """Lines with "Summe", "Gesamt:" or "Total" in one of their first eight cells, found
    column by column among the distinct texts."""
    found: set[int] = set()
    for cells in columns[:8]:
        words = {
            cell
            for cell in set(cells)
            if isinstance(cell, str) and cell.strip().lower().rstrip(":").strip() in totals_words
        }
        if words:
            found.update(index for index, cell in enumerate(cells) if cell in words)
    return found


def _read_rows(target, sheet, header_row, mapping) -> list[RowResult]:
    """Read column by column (each distinct cell once), then put each line together."""
    totals_words = {word.lower() for word in catalogue()["totals"]}
    specs = [(column, target.field(name)) for column, name in mapping.items() if name]
    numbered = enumerate(sheet.rows[header_row + 1 :], start=header_row + 2)
    numbers, lines = [], []
    for number, cells in numbered:
        if _has_content(cells):  # else a spacer row
            numbers.append(number)
            lines.append(cells)
    columns = list(zip_longest(*lines))  # short CSV lines are filled up with None
    totals = _totals_lines(columns, totals_words)
    names = [spec.name for _column, spec in specs]
    read = [
        read_column(
            target, spec, columns[column] if column < len(columns) else repeat(None, len(lines))
        )
        for column, spec in specs
    ]
    with_problems = set()
    for values, has_problems in read:
        if has_problems:
            with_problems.update(
                i for i, value in enumerate(values) if value.__class__ is CellProblem
            )
    line_values = (
        zip(*(values for values, _has in read), strict=True) if read else repeat((), len(numbers))
    )
    required = [spec.name for spec in target.fields if spec.required]
    totals_reason = str(target.totals_reason)
    results = []
    for index, (number, values) in enumerate(zip(numbers, line_values, strict=True)):
        if index in totals:
            results.append(RowResult(number, action=SKIP, skip_reason=totals_reason))
            continue
        row = RowResult(number, dict(zip(names, values, strict=True)))
        if index in with_problems:
            _move_problems(row)
        for check in target.checks:
            for name, message in check(row.values):
                row.problems.setdefault(name, message)
        if row.problems or not all(map(row.values.get, required)):
            _decide_skip(target, row, required)
        results.append(row)
    return results


def _move_problems(row: RowResult) -> None:
    """A cell that could not be read has no value, only its problem."""
    for name, value in list(row.values.items()):
        if value.__class__ is CellProblem:
            del row.values[name]
            row.problems[name] = value.message


def _decide_skip(target: ImportTarget, row: RowResult, required: list[str]) -> None:
    missing = [name for name in required if not row.values.get(name) and name not in row.problems]
    if missing:
        labels = ", ".join(target.label_for(name) for name in missing)
        row.action, row.skip_reason = SKIP, _("No %(fields)s given.") % {"fields": labels}
    elif row.problems:
        row.action = SKIP
        row.skip_reason = " ".join(
            f"{target.label_for(name)}: {message}" for name, message in row.problems.items()
        )


def identity_of(target: ImportTarget, values: dict) -> tuple:
    return identity_key([values.get(name) for name in target.identity])


def identity_key(values: list) -> tuple:
    """The identity fields' values, compared ignoring case and surrounding spaces."""
    return tuple([str(value or "").strip().lower() for value in values])


def _skip_repeated_names(target: ImportTarget, rows: list[RowResult]) -> None:
    first_seen: dict[tuple, int] = {}
    for row in rows:
        if row.action == SKIP:
            continue
        key = row.key = identity_of(target, row.values)
        if key in first_seen:
            row.action = SKIP
            row.skip_reason = str(target.repeated_reason) % {"row": first_seen[key]}
        else:
            first_seen[key] = row.number


def _known_by_name(organisation: Organisation, reference: Reference) -> dict[str, object]:
    """lower name -> object; catalogue entries are also found by the other names people use
    for them (catalogue/headers.yaml "names"), after every name they carry."""
    found = {}
    objects = list(reference.model.objects.for_org(organisation))
    for obj in objects:
        for name in reference.names(obj):
            if name:
                found.setdefault(name.strip().lower(), obj)
    synonyms = catalogue()["names"].get(reference.key, {})
    for obj in objects if synonyms else ():
        for name in synonyms.get(getattr(obj, "key", ""), ()):
            found.setdefault(name.lower(), obj)
    return found


def _new_references(target, rows, known) -> dict[str, dict[str, str]]:
    """Names to create; a row naming a missing entry that cannot be created is skipped."""
    new: dict[str, dict[str, str]] = defaultdict(dict)
    specs = [spec for spec in target.fields if spec.reference]
    required = [spec.name for spec in target.fields if spec.required]
    missing: dict[tuple[str, str], str] = {}  # one message (and suggestion) per missing name
    for row in rows:
        if row.action == SKIP:
            continue
        wanted: list[tuple[str, str, str]] = []
        for spec in specs:
            value = row.values.get(spec.name)
            if not value:
                continue
            key = spec.reference.key
            for name in value if value.__class__ is list else (value,):
                lowered = name.lower()
                if lowered in known[key]:
                    continue
                if spec.reference.build is None:
                    if (key, lowered) not in missing:
                        suggest = len(missing) < MAX_SUGGESTIONS
                        missing[key, lowered] = _missing(spec.reference, name, known[key], suggest)
                    row.problems.setdefault(spec.name, missing[key, lowered])
                else:
                    wanted.append((key, lowered, name))
        if row.problems:
            _decide_skip(target, row, required)
            continue
        for key, lowered, name in wanted:
            new[key].setdefault(lowered, name)
    return dict(new)


def _missing(reference: Reference, name: str, known: dict[str, object], suggest: bool) -> str:
    """Why a name that must exist is not found, with the closest existing name if any."""
    message = str(reference.missing) % {"name": name}
    if not suggest:
        return message
    close = process.extractOne(name.lower(), known.keys(), scorer=fuzz.WRatio, score_cutoff=85)
    if close is None:
        return message
    suggestion = reference.names(known[close[0]])[0]
    return message + " " + _("Did you mean “%(name)s”?") % {"name": suggestion}


def _resolve_identity(target: ImportTarget, rows: list[RowResult], known) -> None:
    """A reference in the identity is compared by the object it names, as stored rows are."""
    references = [target.field(name).reference for name in target.identity]
    if not any(references):
        return
    for row in rows:
        if row.action == SKIP:
            continue
        values = [row.values.get(name) for name in target.identity]
        row.key = identity_key(
            [
                known[reference.key][value.lower()].pk if reference else value
                for reference, value in zip(references, values, strict=True)
            ]
        )


def _match_existing(organisation, target: ImportTarget, rows, known) -> None:
    """Find the existing row each line updates; compare values, not model instances."""
    candidates = [row for row in rows if row.action != SKIP]
    if not candidates:
        return
    mapped = {name for row in candidates for name in row.values}
    many = [spec.name for spec in target.fields if spec.kind == "many" and spec.name in mapped]
    columns = {
        spec.name: spec.name if spec.kind not in ("one", "many") else f"{spec.name}_id"
        for spec in target.fields
        if spec.kind != "many" and (spec.name in mapped or spec.name in target.identity)
    }
    existing: dict[tuple, dict] = {}
    stored = target.model.objects.for_org(organisation).order_by("pk")
    for values in stored.values("pk", *columns.values()):
        current = {name: values[column] for name, column in columns.items()}
        current["pk"] = values["pk"]
        existing.setdefault(identity_of(target, current), current)  # the oldest of equals
    current_many = _current_many(organisation, target, many)
    for row in candidates:
        current = existing.get(row.key)
        if current is None:
            continue
        row.existing = current
        row.changed = _changed_fields(target, row, current, known, current_many)
        row.action = UPDATE if row.changed else UNCHANGED


def _current_many(organisation, target, names: list[str]) -> dict[str, dict[int, set[int]]]:
    """field -> {object id: set of related ids}, one query per many-to-many field."""
    current: dict[str, dict[int, set[int]]] = {}
    for name in names:
        through = target.model_field(name).remote_field.through
        source = f"{target.model._meta.model_name}_id"
        related = f"{target.model_field(name).related_model._meta.model_name}_id"
        pairs = defaultdict(set)
        owner = source.removesuffix("_id")
        links = through.objects.filter(**{f"{owner}__organisation": organisation})
        for source_id, related_id in links.values_list(source, related):
            pairs[source_id].add(related_id)
        current[name] = pairs
    return current


def is_empty(value: object) -> bool:
    return value is None or value == "" or value == []


def _changed_fields(target, row, current: dict, known, current_many) -> list[str]:
    """Fields whose new, non-empty value differs. An empty cell never clears a value."""
    changed = []
    for name, value in row.values.items():
        if is_empty(value) or name in target.identity:
            continue
        spec = target.field(name)
        if spec.kind == "many":
            wanted = {known[spec.reference.key].get(item.lower()) for item in value}
            wanted_ids = {item.pk for item in wanted if item is not None}
            if None in wanted or wanted_ids != current_many[name].get(current["pk"], set()):
                changed.append(name)
        elif spec.kind == "one":
            related = known[spec.reference.key].get(value.lower())
            if related is None or related.pk != current[name]:
                changed.append(name)
        elif not _same_value(value, current[name]):
            changed.append(name)
    return changed


def _same_value(new: object, old: object) -> bool:
    if isinstance(new, Decimal) and isinstance(old, Decimal):
        return new.compare(old) == 0
    return new == old
