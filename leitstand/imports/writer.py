"""Writing an import plan: bulk inserts and updates in one transaction, one audit entry.

Everything is written or nothing: missing departments, people, vendors and capabilities are
created first, then new rows, then updated rows, then their many-to-many links.
"""

from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone

from leitstand.imports.planning import CREATE, UPDATE, ImportPlan, RowResult, is_empty
from leitstand.imports.targets import ImportTarget
from leitstand.tenancy.models import Organisation

BATCH_SIZE = 1000


@dataclass
class WriteResult:
    created: list[models.Model]
    updated: list[models.Model]
    new_references: dict[str, list[str]]


def write_plan(organisation: Organisation, plan: ImportPlan) -> WriteResult:
    """Apply the plan. The caller holds the transaction (and writes the audit entry)."""
    target = plan.target
    with transaction.atomic():
        _create_references(organisation, plan)
        creating = [row for row in plan.rows if row.action == CREATE]
        updating = [row for row in plan.rows if row.action == UPDATE]
        created = [_build(organisation, target, row, plan) for row in creating]
        target.model.objects.bulk_create(created, batch_size=BATCH_SIZE)
        updated = _apply_updates(target, updating, plan)
        _write_many(target, list(zip(creating, created, strict=True)), updating, plan)
    return WriteResult(created, updated, plan.new_names())


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


def _build(organisation, target: ImportTarget, row: RowResult, plan) -> models.Model:
    filled = [name for name, value in row.values.items() if not is_empty(value)]
    return target.model(organisation=organisation, **_scalar_values(target, row, plan, filled))


def _apply_updates(target: ImportTarget, rows: list[RowResult], plan) -> list[models.Model]:
    if not rows:
        return []
    fields: set[str] = set()
    now = timezone.now()
    has_updated_at = any(f.name == "updated_at" for f in target.model._meta.fields)
    for row in rows:
        scalar = _scalar_values(target, row, plan, row.changed)
        for attribute, value in scalar.items():
            setattr(row.existing, attribute, value)
        fields.update(name.removesuffix("_id") for name in scalar)
        if has_updated_at:
            row.existing.updated_at = now
    if has_updated_at:
        fields.add("updated_at")
    objects = [row.existing for row in rows]
    if fields - {"updated_at"}:
        target.model.objects.bulk_update(objects, sorted(fields), batch_size=BATCH_SIZE)
    elif has_updated_at:
        target.model.objects.filter(pk__in=[obj.pk for obj in objects]).update(updated_at=now)
    return objects


def _write_many(target: ImportTarget, created_pairs, updating: list[RowResult], plan) -> None:
    for spec in target.fields:
        if spec.kind != "many":
            continue
        model_field = target.model_field(spec.name)
        through = model_field.remote_field.through
        source = f"{target.model._meta.model_name}_id"
        related = f"{model_field.related_model._meta.model_name}_id"
        known = plan.known[spec.reference.key]
        replaced = [row.existing.pk for row in updating if spec.name in row.changed]
        if replaced:
            through.objects.filter(**{f"{source}__in": replaced}).delete()
        links = []
        pairs = [(row, obj) for row, obj in created_pairs]
        pairs += [(row, row.existing) for row in updating if spec.name in row.changed]
        for row, obj in pairs:
            related_ids = {known[name.lower()].pk for name in row.values.get(spec.name) or []}
            links += [through(**{source: obj.pk, related: pk}) for pk in sorted(related_ids)]
        through.objects.bulk_create(links, batch_size=BATCH_SIZE * 5)
