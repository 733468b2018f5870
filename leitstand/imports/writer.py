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
    for spec in target.fields:
        if spec.kind != "many":
            continue
        model_field = target.model_field(spec.name)
        through = model_field.remote_field.through
        source = f"{target.model._meta.model_name}_id"
        related = f"{model_field.related_model._meta.model_name}_id"
        known = plan.known[spec.reference.key]
        replaced = [row.existing["pk"] for row in updating if spec.name in row.changed]
        if replaced:
            through.objects.filter(**{f"{source}__in": replaced}).delete()
        links = []
        pairs = [(row, obj.pk) for row, obj in created_pairs]
        pairs += [(row, row.existing["pk"]) for row in updating if spec.name in row.changed]
        for row, object_id in pairs:
            related_ids = {known[name.lower()].pk for name in row.values.get(spec.name) or []}
            links += [through(**{source: object_id, related: pk}) for pk in sorted(related_ids)]
        through.objects.bulk_create(links, batch_size=BATCH_SIZE * 5)
