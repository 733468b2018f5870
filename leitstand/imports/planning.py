"""Parse and validate every row first; decide per row: create, update, unchanged or skip.

Nothing is written here. The plan lists per-cell problems in plain words, the departments,
people and vendors that will be created, and (matching.py) which existing rows each line
updates. Steps, in order: read each column (each distinct cell once, choices understood,
cells.py); reconcile people, departments and capabilities (reconcile.py); fill empty cells
from proposal steps (proposals.py); check each row; plan new entries, matches with stored rows,
and assessments (assessments.py).

A row is skipped only when it has no name, when a required value (an integration's systems or
method) is missing or unreadable, or when it repeats an earlier row. A cell of any other field
that cannot be read is left empty (unknown), and the report lists it as a warning.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import repeat, zip_longest

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from leitstand.imports import (  # noqa: F401 (register their proposal steps: catalogue first)
    catalogue_step,
    kinds,
)
from leitstand.imports.assessments import has_assessments, plan_assessments
from leitstand.imports.cells import CellProblem, ColumnRead, ReadContext, read_column
from leitstand.imports.decisions import Decisions
from leitstand.imports.headers import catalogue
from leitstand.imports.matching import match_existing, resolve_identity
from leitstand.imports.proposals import ProposalGroup, propose
from leitstand.imports.reader import Sheet
from leitstand.imports.reconcile import MergeProposal, reconcile
from leitstand.imports.rows import CREATE, SKIP, UNCHANGED, UPDATE, RowResult, identity_of
from leitstand.imports.scores import SCALES, Scale, scale_in_header
from leitstand.imports.targets import ImportTarget, Reference
from leitstand.tenancy.models import Organisation

#: Missing names that get a "Did you mean ...?": a file whose systems were not imported yet
#: names thousands, and each suggestion compares with every known name.
MAX_SUGGESTIONS = 200


@dataclass
class ValueNotes:
    """What the preview shows about one column's values: those nobody can tell (to choose),
    and those understood by closeness or by an earlier choice (to check)."""

    field: str
    unclear: dict[str, int] = field(default_factory=dict)  # text -> rows
    noted: dict[str, tuple[object, str, int]] = field(default_factory=dict)
    unclear_scale: tuple | None = None  # (smallest, largest) number of a score column
    scale: Scale | None = None  # the scale used (a person's choice or the column title's)


@dataclass
class ImportPlan:
    target: ImportTarget
    rows: list[RowResult]
    #: reference key -> {lower name: name as written} of entries that will be created
    new: dict[str, dict[str, str]]
    #: reference key -> {lower name: existing object}
    known: dict[str, dict[str, object]]
    values: dict[str, ValueNotes] = field(default_factory=dict)
    merges: list[MergeProposal] = field(default_factory=list)
    proposals: list[ProposalGroup] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the whole file

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in (CREATE, UPDATE, UNCHANGED, SKIP)}

    @property
    def skipped(self) -> list[RowResult]:
        return [row for row in self.rows if row.action == SKIP]

    @property
    def with_warnings(self) -> list[RowResult]:
        return [row for row in self.rows if row.warnings and row.action != SKIP]

    @property
    def assessments(self) -> int:
        return sum(1 for row in self.rows if row.assessment is not None and row.action != SKIP)

    @property
    def undecided_merges(self) -> list[MergeProposal]:
        return [proposal for proposal in self.merges if proposal.decided is None]

    @property
    def unclear_scales(self) -> list[ValueNotes]:
        return [notes for notes in self.values.values() if notes.unclear_scale]

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
    decisions: Decisions | None = None,
) -> ImportPlan:
    """Read every row below the header with this column mapping, and plan what it changes."""
    decisions = decisions or Decisions()
    headers = sheet.rows[header_row] if header_row < len(sheet.rows) else []
    context = _context(target, mapping, headers, decisions)
    rows, values = _read_rows(target, sheet, header_row, mapping, context)
    _skip_repeated_names(target, rows)
    references = {spec.reference for spec in target.fields if spec.reference}
    known = {ref.key: _known_by_name(organisation, ref) for ref in references}
    merges = reconcile(target, rows, known, decisions)
    proposals = propose(organisation, target, rows, known, decisions)
    _check_rows(target, rows)
    new = _new_references(target, rows, known)
    resolve_identity(target, rows, known)
    match_existing(organisation, target, rows, known)
    plan = ImportPlan(target, rows, new, known, values, merges, proposals)
    mapped = set(mapping.values())
    if has_assessments(target, mapped):
        plan.notes += plan_assessments(organisation, rows, mapped)
    return plan


def _context(target, mapping, headers, decisions: Decisions) -> ReadContext:
    """A person's value choices, and the scale of each score column: chosen, else named in
    the column title."""
    scales = {}
    for column, name in mapping.items():
        if not name or target.field(name).kind != "score":
            continue
        chosen = SCALES.get(decisions.scales.get(name, ""))
        title = headers[column] if column < len(headers) else ""
        found = chosen or scale_in_header(str(title or ""))
        if found is not None:
            scales[name] = found
    return ReadContext(chosen=decisions.values, scales=scales)


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


def _read_rows(target, sheet, header_row, mapping, context: ReadContext):
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
    read: list[ColumnRead] = [
        read_column(
            target,
            spec,
            columns[column] if column < len(columns) else [None] * len(lines),
            context,
        )
        for column, spec in specs
    ]
    with_problems, implied = set(), defaultdict(dict)
    for column in read:
        if column.has_problems:
            with_problems.update(
                i for i, value in enumerate(column.values) if isinstance(value, CellProblem)
            )
        for index, fields in column.implied.items():
            for name, value in fields.items():
                implied[index].setdefault(name, value)
    line_values = (
        zip(*(column.values for column in read), strict=True) if read else repeat((), len(numbers))
    )
    required = {spec.name for spec in target.fields if spec.required}
    totals_reason = str(target.totals_reason)
    results = []
    for index, (number, values) in enumerate(zip(numbers, line_values, strict=True)):
        if index in totals:
            results.append(RowResult(number, action=SKIP, skip_reason=totals_reason))
            continue
        row = RowResult(number, dict(zip(names, values, strict=True)))
        if index in with_problems:
            _move_problems(row, required)
        if index in implied:
            for name, value in implied[index].items():
                if not row.values.get(name):
                    row.values[name] = value
        if row.problems or not all(map(row.values.get, required)):
            _decide_skip(target, row, sorted(required))
        results.append(row)
    return results, _value_notes(specs, read, context)


def _value_notes(specs, read: list[ColumnRead], context: ReadContext) -> dict[str, ValueNotes]:
    notes = {}
    for (_column, spec), column in zip(specs, read, strict=True):
        if column.unclear or column.noted or column.unclear_scale or spec.name in context.scales:
            notes[spec.name] = ValueNotes(
                spec.name,
                column.unclear,
                column.noted,
                column.unclear_scale,
                context.scales.get(spec.name),
            )
    return notes


def _move_problems(row: RowResult, required: set[str]) -> None:
    """A cell that could not be read has no value: a problem of a required field (the row is
    skipped), else a warning (the cell is left empty, the row imported)."""
    for name, value in list(row.values.items()):
        if isinstance(value, CellProblem):
            del row.values[name]
            if name in required:
                row.problems[name] = value.message
            else:
                row.warnings[name] = value.message


def _check_rows(target: ImportTarget, rows: list[RowResult]) -> None:
    """Checks across fields of a row (owner is not deputy, ...): a required field's problem
    skips the row; another field's value is dropped with a warning."""
    required = {spec.name for spec in target.fields if spec.required}
    for row in rows:
        if row.action == SKIP:
            continue
        for check in target.checks:
            for name, message in check(row.values):
                if name in required:
                    row.problems.setdefault(name, message)
                else:
                    row.values.pop(name, None)
                    row.warnings.setdefault(name, message)
        if row.problems:
            _decide_skip(target, row, sorted(required))


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


def _skip_repeated_names(target: ImportTarget, rows: list[RowResult]) -> None:
    """Only the first row of an identity is imported; run again after reconciling names."""
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
