"""A report as plain content: chapters of figures, tables, charts and notes.

The builders (summary, risk, consulting) fill it from the analysis and the modules' rows; the
PDF template and the xlsx writer render the same content, so both show the same tables. Cell
values keep their type (EUR, hours, dates, ...): each format writes them in the reader's
language, and the spreadsheet gets numbers, not text.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from leitstand.core.choices import choice_label


class Unit(StrEnum):
    TEXT = "text"
    EUR = "eur"
    HOURS = "hours"
    NUMBER = "number"  # whole numbers (counts)
    DECIMAL = "decimal"  # two places (full-time equivalents)
    PERCENT = "percent"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Cell:
    value: object
    unit: Unit = Unit.TEXT

    @property
    def is_number(self) -> bool:
        return self.unit not in (Unit.TEXT, Unit.DATE)


def text(value: object) -> Cell:
    return Cell("" if value is None else str(value))


NAMES_IN_A_CELL = 8


def names(values, limit: int = NAMES_IN_A_CELL) -> Cell:
    """Names joined by commas; past `limit` the rest is counted ("… and 240 more")."""
    values = list(values)
    shown = ", ".join(values[:limit])
    if len(values) > limit:
        shown += " " + _("… and %(n)s more") % {"n": len(values) - limit}
    return Cell(shown)


def eur(value: Decimal | None) -> Cell:
    return Cell(value, Unit.EUR)


def hours(value: Decimal | None) -> Cell:
    return Cell(value, Unit.HOURS)


def count(value: int | None) -> Cell:
    return Cell(value, Unit.NUMBER)


def decimal(value: Decimal | None) -> Cell:
    return Cell(value, Unit.DECIMAL)


def percent(value: Decimal | None) -> Cell:
    return Cell(value, Unit.PERCENT)


def day(value: date | None) -> Cell:
    return Cell(value, Unit.DATE)


@dataclass(frozen=True)
class Figure:
    """A key figure with how it was computed. `key` names it in the snapshot (changed since)."""

    key: str
    label: str
    value: Cell
    how: str = ""


@dataclass
class Table:
    key: str  # also the xlsx sheet's base name
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""  # how the figures are computed, or why rows are left out
    empty: str = ""  # what to say when there are no rows
    pdf_limit: int | None = None  # the PDF lists this many rows at most; the xlsx all

    @property
    def shown_rows(self) -> list[list[Cell]]:
        return self.rows if self.pdf_limit is None else self.rows[: self.pdf_limit]

    @property
    def left_out(self) -> int:
        return len(self.rows) - len(self.shown_rows)

    def add(self, *cells: Cell) -> None:
        self.rows.append(list(cells))

    @property
    def numeric_columns(self) -> set[int]:
        numeric = set()
        for row in self.rows:
            numeric.update(index for index, cell in enumerate(row) if cell.is_number)
        return numeric


@dataclass
class Chapter:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    charts: list[SafeString] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "how computed" notes, small print
    free_text: str = ""  # the consultant's own words for this chapter
    appendix: bool = False


@dataclass(frozen=True)
class Assumption:
    label: str
    value: Cell
    source: str


@dataclass
class Report:
    kind: str
    title: str
    organisation: str
    language: str
    as_of: date
    chapters: list[Chapter] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    subtitle: str = ""
    author: str = ""
    system_names: tuple[str, ...] = ()  # systems in use, for "added and removed since"

    def figures(self) -> dict[str, float]:
        """Every key figure as a number, by key: what a snapshot keeps for "changed since"."""
        values = {}
        for chapter in self.chapters:
            for figure in chapter.figures:
                if figure.value.is_number and figure.value.value is not None:
                    values[figure.key] = float(figure.value.value)
        return values

    def figure_labels(self) -> dict[str, str]:
        return {f.key: f.label for chapter in self.chapters for f in chapter.figures}

    def units(self) -> dict[str, str]:
        return {f.key: f.value.unit.value for chapter in self.chapters for f in chapter.figures}

    def tables(self) -> list[Table]:
        return [table for chapter in self.chapters for table in chapter.tables]


def choice(model, field_name: str, value) -> Cell:
    """A stored choice (a flow's method, a system's kind) by its label in the reader's language."""
    return Cell(choice_label(model._meta.get_field(field_name), value) if value else "")
