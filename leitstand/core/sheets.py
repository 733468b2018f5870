"""The sheets of the xlsx/csv export: one `ExportSheet` per entity, with readable columns,
declared by the app that owns the entity and registered in its AppConfig.ready():

    from leitstand.core.sheets import export_sheets
    export_sheets.register(*PROCESS_SHEETS, order=80)

A sheet is its key (also the csv file name), its title, its rows for the organisation and its
columns. Cell values are made safe here (`plain_value`, `neutralise`: text a spreadsheet
would run as a formula gets an apostrophe; `csv_text`), for the generic writers in
leitstand.exports and for any other list a page offers as CSV. (The JSON document, which must
be complete and re-importable, is in leitstand/exports/document.py.)
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.core.language import is_german
from leitstand.tenancy.models import Organisation

#: Text a spreadsheet would run as a formula starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """'=HYPERLINK(...)' becomes \"'=HYPERLINK(...)\": shown as text, never run."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def plain_value(value: object) -> object:
    """Booleans as yes/no words in the user's language, times without a time zone."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def csv_text(value: object) -> str:
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        text = str(value)
        return text.replace(".", ",") if is_german() else text
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


@dataclass(frozen=True)
class Column:
    header: object  # a lazy translation: the header in the user's language
    value: Callable[[object], object]

    @property
    def source(self) -> str:
        """The model field the column shows (field(), names(), related()), or ""."""
        return getattr(self.value, "source", "")


@dataclass(frozen=True)
class ExportSheet:
    key: str  # also the csv file name
    title: object
    rows: Callable[[Organisation], Iterable]
    columns: tuple[Column, ...]


def field(name: str, header) -> Column:
    """A column showing a model field; choices show their label, not the stored value."""

    def value(obj):
        display = getattr(obj, f"get_{name}_display", None)
        return display() if callable(display) and getattr(obj, name) else getattr(obj, name)

    value.source = name
    return Column(header, value)


def names(attribute: str) -> Callable[[object], str]:
    def value(obj) -> str:
        return ", ".join(str(item) for item in getattr(obj, attribute).all())

    value.source = attribute
    return value


def related(attribute: str) -> Callable[[object], str]:
    def value(obj) -> str:
        item = getattr(obj, attribute)
        return str(item) if item is not None else ""

    value.source = attribute
    return value


class ExportSheets:
    """The registry: every app's sheets, in the order of the export (`order`, then the order
    of registration)."""

    def __init__(self) -> None:
        self._entries: list[tuple[int, int, ExportSheet]] = []

    def register(self, *sheets: ExportSheet, order: int = 100) -> None:
        for sheet in sheets:
            existing = next((s for _o, _p, s in self._entries if s.key == sheet.key), None)
            if existing is sheet:
                continue
            if existing is not None:
                raise ValueError(f"An export sheet {sheet.key!r} is already registered.")
            self._entries.append((order, len(self._entries), sheet))
        self._entries.sort(key=lambda entry: entry[:2])

    def all(self) -> tuple[ExportSheet, ...]:
        return tuple(sheet for _order, _position, sheet in self._entries)

    def get(self, key: str) -> ExportSheet:
        for sheet in self.all():
            if sheet.key == key:
                return sheet
        raise KeyError(key)


export_sheets = ExportSheets()
