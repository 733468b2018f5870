"""The audit trail: one entry per create, update or delete, with actor and organisation.

django-auditlog writes entries from model signals (so the admin is covered too). The services
write through `save_values`, `create_in_bulk` and `delete_object`, which fold the changes of
many-to-many fields into the same entry instead of leaving one entry per related field.
"""

from functools import cache

from auditlog.cid import get_cid
from auditlog.context import auditlog_value, disable_auditlog
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import ModelForm

from leitstand.core.actor import acting_as
from leitstand.tenancy.models import Organisation, TenantModel
from leitstand.tenancy.stamps import bump_landscape

JSON_CHANGES = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)

#: Bookkeeping fields that say nothing to a reader of the change log.
AUDIT_EXCLUDED_FIELDS = ["id", "organisation", "created_at", "updated_at", "search_text"]


def _m2m_changes(before: dict[str, set[str]], after: dict[str, set[str]]) -> dict:
    changes = {}
    for name, now in after.items():
        then = before.get(name, set())
        if now != then:
            changes[name] = [", ".join(sorted(then)), ", ".join(sorted(now))]
    return changes


def _latest_entry_pk(instance: models.Model) -> int:
    if instance.pk is None:
        return 0
    entry = LogEntry.objects.get_for_object(instance).order_by("-pk").first()
    return entry.pk if entry else 0


def save_values(instance: models.Model, values: dict, actor, *, validate: bool = True):
    """The one write of an entity's service: set `values` (many-to-many fields included) on
    the instance, validate it with the model's own rules (`full_clean`, so `clean()` runs
    whoever writes: page, API, import or demo), save it in one transaction and leave exactly
    one audit entry for the change."""
    many = {field.name for field in instance._meta.many_to_many}
    related = {name: value for name, value in values.items() if name in many}
    for name, value in values.items():
        if name not in many:
            setattr(instance, name, value)
    if validate:
        instance.full_clean()
    before = _m2m_names(instance, related) if instance.pk else {name: set() for name in related}
    last_pk = _latest_entry_pk(instance)
    with transaction.atomic(), acting_as(actor):
        instance.save()
        with disable_auditlog():
            for name, value in related.items():
                getattr(instance, name).set(value, through_defaults=_link_defaults(instance, name))
        _fold_m2m_changes(instance, before, _m2m_names(instance, related), last_pk, actor)
    return instance


def _link_defaults(instance: models.Model, name: str) -> dict | None:
    """A link with a model of its own (a tenant row, such as a dependency between
    initiatives) belongs to the instance's organisation."""
    through = instance._meta.get_field(name).remote_field.through
    if issubclass(through, TenantModel):
        return {"organisation": instance.organisation}
    return None


def _m2m_names(instance: models.Model, fields) -> dict[str, set[str]]:
    return {name: {str(obj) for obj in getattr(instance, name).all()} for name in fields}


def form_values(form: ModelForm) -> dict:
    """What a validated model form entered, as values for a service."""
    model_fields = {field.name for field in form.instance._meta.get_fields()}
    return {
        name: form.cleaned_data[name]
        for name in form.fields
        if name in form.cleaned_data and name in model_fields
    }


def create_in_bulk(model, validated: list[dict], actor, **extra) -> list[models.Model]:
    """New objects of `model` from validated values (many-to-many fields included), inserted
    in bulk in one transaction with their links and one audit entry each: the bulk write of
    an entity's service (its rules are checked before, object by object)."""
    with transaction.atomic():
        return _create_in_bulk(model, validated, actor, extra)


def _create_in_bulk(model, validated: list[dict], actor, extra: dict) -> list[models.Model]:
    links = {field.name: field for field in model._meta.many_to_many}
    objects = [
        model(**{name: value for name, value in attrs.items() if name not in links}, **extra)
        for attrs in validated
    ]
    model.objects.bulk_create(objects, batch_size=500)
    for name, field in links.items():
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            (
                through(**{f"{source}_id": obj.pk, f"{target}_id": related.pk})
                for obj, attrs in zip(objects, validated, strict=True)
                for related in dict.fromkeys(attrs.get(name, ()))
            ),
            batch_size=2000,
        )
    LogEntry.objects.bulk_create(
        (
            _creation_entry(obj, attrs, links, actor)
            for obj, attrs in zip(objects, validated, strict=True)
        ),
        batch_size=500,
    )
    bump_landscape(extra.get("organisation") or objects[0].organisation_id)  # no signals
    return objects


@cache
def _own_fields(model) -> frozenset[str]:
    """The columns a new object has values in (not the rows of other tables that point to
    it, which auditlog would read one query each, nor generated columns)."""
    return frozenset(f.name for f in model._meta.concrete_fields if not f.generated)


def _creation_entry(obj: models.Model, attrs: dict, links: dict, actor) -> LogEntry:
    """The entry auditlog's signal would write for a new object, with its links folded in."""
    changes = (
        model_instance_diff(
            None, obj, fields_to_check=_own_fields(type(obj)), use_json_for_changes=JSON_CHANGES
        )
        or {}
    )
    for name in links:
        names = sorted(str(related) for related in attrs.get(name, ()))
        if names:
            changes[name] = ["", ", ".join(names)]
    context = auditlog_value.get({})
    return LogEntry(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj),
        action=LogEntry.Action.CREATE,
        changes=changes,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_email=getattr(actor, "email", None),
        remote_addr=context.get("remote_addr"),
        remote_port=context.get("remote_port"),
        cid=get_cid(),
        additional_data=obj.get_additional_data(),
    )


def unchanged(instance: models.Model, data: dict) -> bool:
    """Whether every validated value equals the instance's (many-to-many: the same set)."""
    for name, value in data.items():
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.many_to_many:
            current, value = {o.pk for o in getattr(instance, name).all()}, {o.pk for o in value}
        elif not field.concrete:
            return False
        elif field.is_relation:
            current = getattr(instance, field.attname)
            value = value.pk if isinstance(value, models.Model) else value
        else:
            current = getattr(instance, name)
        if current != value:
            return False
    return True


def _fold_m2m_changes(obj: models.Model, before: dict, after: dict, last_pk: int, actor) -> None:
    changes = _m2m_changes(before, after)
    if not changes:
        return
    entry = LogEntry.objects.get_for_object(obj).filter(pk__gt=last_pk).order_by("-pk").first()
    if entry is None:
        LogEntry.objects.log_create(
            obj, action=LogEntry.Action.UPDATE, changes=changes, actor=actor
        )
    else:
        entry.changes = {**(entry.changes or {}), **changes}
        entry.save(update_fields=["changes"])


def delete_object(obj: models.Model, actor) -> None:
    with transaction.atomic(), acting_as(actor):
        obj.delete()


def history_for(obj: models.Model) -> QuerySet:
    return (
        LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp", "-pk")
    )


def history_for_organisation(organisation: Organisation) -> QuerySet:
    return (
        LogEntry.objects.filter(additional_data__organisation=organisation.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )
