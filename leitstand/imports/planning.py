"""Parse and validate every row first; decide per row: create, update, unchanged or skip.

Nothing is written here. The plan lists per-cell problems in plain words, the departments,
people and vendors that will be created, and which existing rows each line updates.
A row with any problem is skipped as a whole: it is never half imported.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from leitstand.core.values import ValueProblem, clean_text
from leitstand.imports.cells import read_cell
from leitstand.imports.headers import catalogue, normalise
from leitstand.imports.reader import Sheet
from leitstand.imports.targets import ImportTarget, Reference
from leitstand.tenancy.models import Organisation

CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"


@dataclass
class RowResult:
    number: int  # the row number a spreadsheet shows (1-based)
    values: dict[str, object] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # field -> message
    skip_reason: str = ""
    action: str = CREATE
    existing: object = None
    changed: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")


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
    _match_existing(organisation, target, rows, known)
    return ImportPlan(target, rows, new, known)


def _read_rows(target, sheet, header_row, mapping) -> list[RowResult]:
    totals_words = {normalise(word) for word in catalogue()["totals"]}
    specs = [(column, target.field(name)) for column, name in mapping.items() if name]
    results = []
    for index in range(header_row + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        texts = [clean_text(cell) for cell in cells]
        if not any(texts):
            continue  # a spacer row
        row = RowResult(number=index + 1)
        if any(normalise(text).rstrip(":") in totals_words for text in texts[:8] if text):
            row.action, row.skip_reason = SKIP, _("A totals row, not a system.")
            results.append(row)
            continue
        for column, spec in specs:
            raw = cells[column] if column < len(cells) else None
            try:
                row.values[spec.name] = read_cell(target, spec, raw)
            except ValueProblem as problem:
                row.problems[spec.name] = str(problem.message)
        for check in target.checks:
            for name, message in check(row.values):
                row.problems.setdefault(name, message)
        _decide_skip(target, row)
        results.append(row)
    return results


def _decide_skip(target: ImportTarget, row: RowResult) -> None:
    missing = [
        spec.name
        for spec in target.fields
        if spec.required and not row.values.get(spec.name) and spec.name not in row.problems
    ]
    if missing:
        labels = ", ".join(target.label_for(name) for name in missing)
        row.action, row.skip_reason = SKIP, _("No %(fields)s given.") % {"fields": labels}
    elif row.problems:
        row.action = SKIP
        row.skip_reason = "; ".join(
            f"{target.label_for(name)}: {message}" for name, message in row.problems.items()
        )


def _identity(target: ImportTarget, values: dict) -> tuple:
    return tuple(str(values.get(name) or "").strip().lower() for name in target.identity)


def _skip_repeated_names(target: ImportTarget, rows: list[RowResult]) -> None:
    first_seen: dict[tuple, int] = {}
    for row in rows:
        if row.action == SKIP:
            continue
        key = _identity(target, row.values)
        if key in first_seen:
            row.action = SKIP
            row.skip_reason = _("Same name as row %(row)s; only the first is imported.") % {
                "row": first_seen[key]
            }
        else:
            first_seen[key] = row.number


def _known_by_name(organisation: Organisation, reference: Reference) -> dict[str, object]:
    found = {}
    for obj in reference.model.objects.for_org(organisation):
        for name in reference.names(obj):
            if name:
                found.setdefault(name.strip().lower(), obj)
    return found


def _new_references(target, rows, known) -> dict[str, dict[str, str]]:
    new: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row.action == SKIP:
            continue
        for spec in target.fields:
            if not spec.reference or spec.name not in row.values:
                continue
            value = row.values[spec.name]
            names = value if isinstance(value, list) else [value] if value else []
            for name in names:
                lowered = name.lower()
                if lowered not in known[spec.reference.key]:
                    new[spec.reference.key].setdefault(lowered, name)
    return dict(new)


def _match_existing(organisation, target: ImportTarget, rows, known) -> None:
    candidates = [row for row in rows if row.action != SKIP]
    if not candidates:
        return
    many = [spec.name for spec in target.fields if spec.kind == "many"]
    existing = {
        _identity(target, {name: getattr(obj, name) for name in target.identity}): obj
        for obj in target.model.objects.for_org(organisation)
    }
    current_many = _current_many(target, many, existing.values())
    for row in candidates:
        obj = existing.get(_identity(target, row.values))
        if obj is None:
            continue
        row.existing = obj
        row.changed = _changed_fields(target, row, obj, known, current_many)
        row.action = UPDATE if row.changed else UNCHANGED


def _current_many(target, names: list[str], objects) -> dict[str, dict[int, set[int]]]:
    """field -> {object id: set of related ids}, one query per many-to-many field."""
    ids = [obj.pk for obj in objects]
    current: dict[str, dict[int, set[int]]] = {}
    for name in names:
        through = target.model_field(name).remote_field.through
        source = f"{target.model._meta.model_name}_id"
        related = f"{target.model_field(name).related_model._meta.model_name}_id"
        pairs = defaultdict(set)
        for source_id, related_id in through.objects.filter(**{f"{source}__in": ids}).values_list(
            source, related
        ):
            pairs[source_id].add(related_id)
        current[name] = pairs
    return current


def is_empty(value: object) -> bool:
    return value is None or value == "" or value == []


def _changed_fields(target, row, obj, known, current_many) -> list[str]:
    """Fields whose new, non-empty value differs. An empty cell never clears a value."""
    changed = []
    for name, value in row.values.items():
        if is_empty(value) or name in target.identity:
            continue
        spec = target.field(name)
        if spec.kind == "many":
            wanted = {known[spec.reference.key].get(item.lower()) for item in value}
            wanted_ids = {item.pk for item in wanted if item is not None}
            if None in wanted or wanted_ids != current_many[name].get(obj.pk, set()):
                changed.append(name)
        elif spec.kind == "one":
            related = known[spec.reference.key].get(value.lower())
            if related is None or related.pk != getattr(obj, f"{name}_id"):
                changed.append(name)
        elif not _same_value(value, getattr(obj, name)):
            changed.append(name)
    return changed


def _same_value(new: object, old: object) -> bool:
    if isinstance(new, Decimal) and isinstance(old, Decimal):
        return new.compare(old) == 0
    return new == old
