"""Adding a System field is a decision: it reaches the analysis snapshot, the form, the API
(and with it the complete JSON export), the xlsx/csv sheet and the import, or it is left out
of them by name."""

from django.db.models.functions import Cast

from leitstand.analysis import snapshot as snap
from leitstand.imports.targets import SYSTEMS as SYSTEM_IMPORT
from leitstand.inventory.api import SystemSerializer
from leitstand.inventory.exports import SYSTEM_COLUMNS as SHEET_COLUMNS
from leitstand.inventory.models import SYSTEM_FIELDS, System
from leitstand.inventory.records import NOT_IN_SNAPSHOT, SYSTEM_COLUMNS, SYSTEM_LINKS

#: System fields nobody types in: the form and the API leave them out (the API shows the
#: id and the two dates read-only).
NOT_ENTERED = {"id", "organisation", "created_at", "updated_at", "search_text"}


def _model_fields() -> set[str]:
    return {f.name for f in System._meta.concrete_fields} | {
        f.name for f in System._meta.many_to_many
    }


def _field_of(column) -> str:
    """The model field a snapshot column reads: "owner_id" -> "owner"."""
    if isinstance(column, Cast):
        column = column.source_expressions[0].name
    return column.removesuffix("_id") if column != "id" else column


def test_every_system_field_reaches_the_snapshot_or_is_left_out_by_name():
    read = {_field_of(column) for column in SYSTEM_COLUMNS} | {"departments", "capabilities"}
    assert not read & NOT_IN_SNAPSHOT
    assert _model_fields() == read | NOT_IN_SNAPSHOT


def test_every_system_field_is_entered_or_left_out_by_name():
    assert len(SYSTEM_FIELDS) == len(set(SYSTEM_FIELDS))
    assert _model_fields() == set(SYSTEM_FIELDS) | NOT_ENTERED


def test_every_entered_field_is_in_the_api_the_sheet_and_the_import_in_the_form_order():
    """The sheet exports what the import reads, so an exported file can be imported again."""
    api = [name for name in SystemSerializer.Meta.fields if name not in NOT_ENTERED]
    sheet = [column.source for column in SHEET_COLUMNS]
    imported = [spec.name for spec in SYSTEM_IMPORT.fields if spec.on_row]
    assert api == sheet == imported == SYSTEM_FIELDS


def test_the_snapshot_record_is_filled_by_name():
    """The loader builds records positionally; its columns come from the record's fields."""
    filled = [name for name in snap.System._fields if name not in SYSTEM_LINKS]
    assert len(SYSTEM_COLUMNS) == len(filled)
    assert [_field_of(c) for c in SYSTEM_COLUMNS][:2] == ["id", "name"]
