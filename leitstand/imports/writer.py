"""Writing an import plan: bulk inserts and updates in one transaction, one audit entry.

Everything is written or nothing: missing departments, people, vendors and capabilities are
created first, then new rows, then updated rows, then their many-to-many links. New rows and
links go to the database as plain tuples (bulk.insert_rows), not as model instances: the
planning has already applied the model's rules (lengths, choices, amounts, dates, same
organisation), and the database constraints check them once more.
"""

from dataclasses import dataclass
from itertools import repeat

from django.db import models, transaction
from django.utils import timezone

from leitstand.imports import bulk
from leitstand.imports.assessments import write_assessments
from leitstand.imports.planning import ImportPlan
from leitstand.imports.rows import CREATE, UNCHANGED, UPDATE, RowResult, identity_key, is_empty
from leitstand.imports.targets import ImportTarget
from leitstand.tenancy.models import Organisation

BATCH_SIZE = 1000


@dataclass
class WriteResult:
    created_ids: list[int]
    updated: list[models.Model]
    new_references: dict[str, list[str]]
    assessments: int = 0


def write_plan(
    organisation: Organisation, plan: ImportPlan, actor=None, source: str = ""
) -> WriteResult:
    """Apply the plan. The caller holds the transaction (and writes the audit entry)."""
    target = plan.target
    with transaction.atomic():
        _create_references(organisation, plan)
        creating = [row for row in plan.rows if row.action == CREATE]
        updating = [row for row in plan.rows if row.action == UPDATE]
        created_ids = _insert_new(organisation, target, creating, plan)
        updated = _apply_updates(target, updating, plan)
        created_pairs = list(zip(creating, created_ids, strict=True))
        _write_many(target, created_pairs, updating, plan)
        assessed = _write_assessments(organisation, plan, created_pairs, actor, source)
    return WriteResult(created_ids, updated, plan.new_names(), assessed)


def _write_assessments(organisation, plan: ImportPlan, created_pairs, actor, source) -> int:
    if not plan.assessments:
        return 0
    existing = [
        (row, row.existing["pk"])
        for row in plan.rows
        if row.assessment is not None and row.action in (UPDATE, UNCHANGED)
    ]
    return write_assessments(organisation, created_pairs + existing, actor, source)


def _create_references(organisation: Organisation, plan: ImportPlan) -> None:
    references = {
        spec.reference.key: spec.reference for spec in plan.target.fields if spec.reference
    }
    for key, names in plan.new.items():
        reference = references[key]
        objects = [reference.build(organisation, name) for name in names.values()]
        reference.model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        for lowered, obj in zip(names, objects, strict=True):
            plan.known[key][lowered] = obj


def _ids_by_name(plan: ImportPlan) -> dict[str, dict[str, int]]:
    """reference key -> {lower name: id}, after the missing entries were created."""
    return {key: {name: obj.pk for name, obj in known.items()} for key, known in plan.known.items()}


def _insert_new(organisation, target: ImportTarget, rows: list[RowResult], plan) -> list[int]:
    """Insert the new rows; their ids come back in one query, found by name."""
    if not rows:
        return []
    columns, values = _new_columns(organisation, target, rows, plan)
    bulk.insert_rows(target.model, columns, zip(*values, strict=True))
    found = target.model.objects.for_org(organisation).values_list("pk", *target.identity)
    ids = {identity_key(values): pk for pk, *values in found}
    return [ids[row.key] for row in rows]


def _new_columns(organisation, target: ImportTarget, rows: list[RowResult], plan):
    """The database values of the new rows, column by column: a field read from the file
    takes each row's value, or the field's default for an empty cell; the other fields take
    their default (the organisation, the time of the import)."""
    connection = bulk.connection_for(target.model)
    read = set().union(*(row.values for row in rows))
    ids = _ids_by_name(plan)
    now = timezone.now()
    columns, values = [], []
    for field in target.model._meta.concrete_fields:
        if field.primary_key or field.generated:  # the database computes generated columns
            continue
        columns.append(field.column)
        if field.name in read:
            spec = target.field(field.name)
            default = bulk.db_value(field, field.get_default(), connection)
            cells = [row.values.get(field.name) for row in rows]
            if spec.kind == "one":
                references = ids[spec.reference.key]
                values.append([references[v.lower()] if v else default for v in cells])
            else:
                prepare = bulk.preparer(field, connection)
                if prepare is None:  # most fields: the value as read (is_empty, inlined)
                    values.append(
                        [default if v is None or v == "" or v == [] else v for v in cells]
                    )
                else:
                    values.append([default if is_empty(v) else prepare(v) for v in cells])
            continue
        if field.name == "organisation":
            value = organisation.pk
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            value = field.get_default()
        values.append(repeat(bulk.db_value(field, value, connection), len(rows)))
    return columns, values


def _scalar_values(target: ImportTarget, row: RowResult, plan: ImportPlan, names) -> dict:
    values = {}
    for name in names:
        spec = target.field(name)
        value = row.values[name]
        if spec.kind == "many":
            continue
        if spec.kind == "one":
            values[f"{name}_id"] = plan.known[spec.reference.key][value.lower()].pk
        else:
            values[name] = value
    return values


def _apply_updates(target: ImportTarget, rows: list[RowResult], plan) -> list[models.Model]:
    """bulk_update with partial instances: only the changed fields are written."""
    if not rows:
        return []
    fields: set[str] = set()
    has_updated_at = any(f.name == "updated_at" for f in target.model._meta.fields)
    extra = {"updated_at": timezone.now()} if has_updated_at else {}
    objects = []
    for row in rows:
        scalar = _scalar_values(target, row, plan, row.changed)
        fields.update(name.removesuffix("_id") for name in scalar)
        objects.append(target.model(pk=row.existing["pk"], **scalar, **extra))
    fields.update(extra)
    target.model.objects.bulk_update(objects, sorted(fields), batch_size=BATCH_SIZE)
    return objects


def _write_many(target: ImportTarget, created_pairs, updating: list[RowResult], plan) -> None:
    """Links of new rows, and the replaced links of updated rows, as (row id, related id)."""
    ids = _ids_by_name(plan)
    for spec in target.fields:
        if spec.kind != "many":
            continue
        model_field = target.model_field(spec.name)
        through = model_field.remote_field.through
        source, related = model_field.m2m_column_name(), model_field.m2m_reverse_name()
        replaced = [row.existing["pk"] for row in updating if spec.name in row.changed]
        if replaced:
            through.objects.filter(**{f"{source}__in": replaced}).delete()
        pairs = [(row, object_id) for row, object_id in created_pairs]
        pairs += [(row, row.existing["pk"]) for row in updating if spec.name in row.changed]
        related_ids = _related_ids(ids[spec.reference.key])
        links = (
            (object_id, related_id)
            for row, object_id in pairs
            for related_id in related_ids(row.values.get(spec.name))
        )
        bulk.insert_rows(through, [source, related], links)


def _related_ids(references: dict[str, int]):
    """names -> their sorted ids; the same few combinations of names repeat in every file."""
    found: dict[tuple, list[int]] = {}

    def related_ids(names: list[str] | None) -> list[int]:
        key = tuple(names or ())
        if key not in found:
            found[key] = sorted({references[name.lower()] for name in key})
        return found[key]

    return related_ids
