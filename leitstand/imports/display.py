"""How planned values look in the preview: in the user's language and number format."""

from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from leitstand.core.formatting import format_eur, format_number
from leitstand.imports.planning import ImportPlan
from leitstand.imports.rows import RowResult
from leitstand.imports.targets import ImportTarget

PREVIEW_ROWS = 50


def display_value(target: ImportTarget, field: str, value: object) -> str:
    if value is None or value == "" or value == []:
        return ""
    spec = target.field(field)
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if spec.kind in ("choice", "rate") and spec.on_row and target.model_field(field).choices:
        return str(dict(target.model_field(field).choices).get(value, value))
    if spec.kind == "money" and isinstance(value, Decimal):
        return format_eur(value, 2)
    if spec.kind == "percent" and isinstance(value, Decimal):
        return f"{format_number(value, _places(value))}\u00a0%"
    if isinstance(value, Decimal):
        return format_number(value, _places(value))
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _places(value: Decimal) -> int:
    """As many decimal places as the value has, at most two: 17.5 stays 17.5, 40.00 is 40."""
    exponent = value.normalize().as_tuple().exponent
    return min(2, max(0, -exponent)) if isinstance(exponent, int) else 0


def with_derived_columns(plan: ImportPlan, mapped: list[tuple]) -> list[tuple]:
    """The mapped columns, and among them, in the order of the fields, those no column fills
    but a row check does ("40 pro Tag" in the frequency column gives the number of runs), so
    the preview shows what will be saved."""
    rank = {spec.name: index for index, spec in enumerate(plan.target.fields)}
    shown = {field for _column, _label, field in mapped}
    columns = list(mapped)
    for spec in plan.target.fields:
        if spec.name in shown:
            continue
        if not any(row.values.get(spec.name) is not None for row in plan.rows[:PREVIEW_ROWS]):
            continue
        earlier = [i for i, column in enumerate(columns) if rank[column[2]] < rank[spec.name]]
        position = earlier[-1] + 1 if earlier else 0
        columns.insert(position, (None, plan.target.label_for(spec.name), spec.name))
    return columns


def display_rows(plan: ImportPlan, mapped) -> list[tuple[RowResult, list[tuple]]]:
    """The first rows of the plan, each with (shown value from the file, problem, warning,
    shown value proposed) per mapped column."""
    rows = []
    for row in plan.rows[:PREVIEW_ROWS]:
        cells = []
        for _column, _label, field in mapped:
            from_file, proposed = _file_and_proposed(row, field)
            cells.append(
                (
                    display_value(plan.target, field, from_file),
                    row.problems.get(field, ""),
                    row.warnings.get(field, ""),
                    display_value(plan.target, field, proposed),
                )
            )
        rows.append((row, cells))
    return rows


def _file_and_proposed(row: RowResult, field: str) -> tuple[object, object]:
    """The cell's value split into what the file says and what a proposal adds to it."""
    value = row.values.get(field)
    if field not in row.proposed:
        return value, None
    proposed = row.proposed[field][0]
    if isinstance(value, list) and isinstance(proposed, list):
        return [item for item in value if item not in proposed], proposed
    return None, value


def labelled_new_names(
    target: ImportTarget, new: dict[str, list[str]]
) -> list[tuple[str, list[str]]]:
    labels = {
        spec.reference.key: spec.reference.label_plural for spec in target.fields if spec.reference
    }
    return [(str(labels.get(key, key)), names) for key, names in new.items() if names]
