"""One line of an import, what is decided for it, and how lines are compared with stored rows."""

from dataclasses import dataclass, field

from leitstand.imports.targets import ImportTarget

CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"


@dataclass(slots=True)
class RowResult:
    number: int  # the row number a spreadsheet shows (1-based)
    values: dict[str, object] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # field -> message (row skipped)
    #: field -> message: a cell left empty (unknown) while the row is imported
    warnings: dict[str, str] = field(default_factory=dict)
    #: field -> (value, source key): filled by a proposal step, not read from the file
    proposed: dict[str, tuple[object, str]] = field(default_factory=dict)
    skip_reason: str = ""
    action: str = CREATE
    existing: dict | None = None  # the current values of the row this line updates
    changed: list[str] = field(default_factory=list)
    key: tuple = ()  # the identity (lower-case names, or ids of references) of a row
    assessment: object = None  # the assessment this row records (assessments.PlannedAssessment)


def identity_of(target: ImportTarget, values: dict) -> tuple:
    return identity_key([values.get(name) for name in target.identity])


def identity_key(values: list) -> tuple:
    """The identity fields' values, compared ignoring case and surrounding spaces."""
    return tuple([str(value or "").strip().lower() for value in values])


def is_empty(value: object) -> bool:
    return value is None or value == "" or value == []
