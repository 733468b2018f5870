"""How planned values look in the preview: in the user's language and number format."""

from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from leitstand.core.formatting import format_eur, format_number
from leitstand.imports.planning import ImportPlan, RowResult
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
    if spec.kind == "choice":
        return str(dict(target.model_field(field).choices).get(value, value))
    if spec.kind == "money" and isinstance(value, Decimal):
        return format_eur(value, 2)
    if isinstance(value, Decimal | int):
        return format_number(value)
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def display_rows(plan: ImportPlan, mapped) -> list[tuple[RowResult, list[tuple[str, str]]]]:
    """The first rows of the plan, each with (shown value, problem) per mapped column."""
    rows = []
    for row in plan.rows[:PREVIEW_ROWS]:
        cells = [
            (display_value(plan.target, field, row.values.get(field)), row.problems.get(field, ""))
            for _column, _label, field in mapped
        ]
        rows.append((row, cells))
    return rows


def labelled_new_names(
    target: ImportTarget, new: dict[str, list[str]]
) -> list[tuple[str, list[str]]]:
    labels = {
        spec.reference.key: spec.reference.label_plural for spec in target.fields if spec.reference
    }
    return [(str(labels.get(key, key)), names) for key, names in new.items() if names]
