"""Finding the stored row each line of an import updates, and which of its fields change.

Values are compared, not model instances: one query for the stored rows, one per
many-to-many field. An empty cell never clears a stored value.
"""

from collections import defaultdict
from decimal import Decimal

from leitstand.imports.rows import (
    SKIP,
    UNCHANGED,
    UPDATE,
    RowResult,
    identity_key,
    identity_of,
)
from leitstand.imports.targets import ImportTarget


def resolve_identity(target: ImportTarget, rows: list[RowResult], known) -> None:
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


def match_existing(organisation, target: ImportTarget, rows, known) -> None:
    """Find the existing row each line updates; compare values, not model instances."""
    candidates = [row for row in rows if row.action != SKIP]
    if not candidates:
        return
    mapped = {name for row in candidates for name in row.values}
    fields = target.row_fields
    many = [spec.name for spec in fields if spec.kind == "many" and spec.name in mapped]
    columns = {
        spec.name: spec.name if spec.kind not in ("one", "many") else f"{spec.name}_id"
        for spec in fields
        if spec.kind != "many" and (spec.name in mapped or spec.name in target.identity)
    }
    existing: dict[tuple, dict] = {}
    stored = target.model.objects.for_org(organisation).order_by("pk")
    names = list(columns)
    for pk, *values in stored.values_list("pk", *columns.values()):
        current = dict(zip(names, values, strict=True))
        current["pk"] = pk
        existing.setdefault(identity_of(target, current), current)  # the oldest of equals
    current_many = _current_many(organisation, target, many)
    compare = _Comparison(target, known)
    for row in candidates:
        current = existing.get(row.key)
        if current is None:
            continue
        row.existing = current
        row.changed = compare.changed_fields(row, current, current_many)
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


class _Comparison:
    """Compares lines with stored rows. What each field needs is looked up once, and the
    names of references are compared by the ids they name (a dict of ids per reference)."""

    def __init__(self, target: ImportTarget, known) -> None:
        self.fields: dict[str, tuple[str, dict[str, int] | None]] = {}
        ids: dict[str, dict[str, int]] = {}
        for spec in target.fields:
            if not spec.on_row or spec.name in target.identity:
                continue
            pks = None
            if spec.kind in ("one", "many"):
                key = spec.reference.key
                if key not in ids:
                    ids[key] = {name: obj.pk for name, obj in known[key].items()}
                pks = ids[key]
            self.fields[spec.name] = (spec.kind, pks)

    def changed_fields(self, row: RowResult, current: dict, current_many) -> list[str]:
        """Fields whose new, non-empty value differs. An empty cell never clears a value."""
        changed = []
        fields = self.fields
        for name, value in row.values.items():
            if value is None or value == "" or value == []:  # is_empty, inlined
                continue
            found = fields.get(name)
            if found is None:  # the identity, or a field of another record
                continue
            kind, pks = found
            if kind == "many":
                wanted = [pks.get(item.lower()) for item in value]
                if None in wanted or set(wanted) != current_many[name].get(current["pk"], set()):
                    changed.append(name)
            elif kind == "one":
                pk = pks.get(value.lower())
                if pk is None or pk != current[name]:
                    changed.append(name)
            elif not _same_value(value, current[name]):
                changed.append(name)
        return changed


def _same_value(new: object, old: object) -> bool:
    if isinstance(new, Decimal) and isinstance(old, Decimal):
        return new.compare(old) == 0
    return new == old
