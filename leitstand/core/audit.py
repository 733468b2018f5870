"""The audit trail: one entry per create, update or delete, with actor and organisation.

django-auditlog writes entries from model signals (so the admin is covered too). Forms that
also change many-to-many fields go through `save_form`, which folds those changes into the
same entry instead of leaving one entry per related field.
"""

from auditlog.context import disable_auditlog, set_actor
from auditlog.models import LogEntry
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import ModelForm

from leitstand.tenancy.models import Organisation

#: Bookkeeping fields that say nothing to a reader of the change log.
AUDIT_EXCLUDED_FIELDS = ["id", "organisation", "created_at", "updated_at"]


def _m2m_state(instance: models.Model, form) -> dict[str, set[str]]:
    """Names of related objects per many-to-many field the form (or serializer) edits."""
    state = {}
    for field in instance._meta.many_to_many:
        if field.name in form.fields and instance.pk:
            state[field.name] = {str(obj) for obj in getattr(instance, field.name).all()}
    return state


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
    with transaction.atomic(), set_actor(actor):
        instance.save()
        with disable_auditlog():
            for name, value in related.items():
                getattr(instance, name).set(value)
        _fold_m2m_changes(instance, before, _m2m_names(instance, related), last_pk, actor)
    return instance


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


def save_form(form: ModelForm, actor) -> models.Model:
    """Save a validated model form and leave exactly one audit entry for the change."""
    instance = form.instance
    before = _m2m_state(instance, form)
    last_pk = _latest_entry_pk(instance)
    with transaction.atomic(), set_actor(actor):
        obj = form.save(commit=False)
        obj.save()
        with disable_auditlog():
            form.save_m2m()
        _fold_m2m_changes(obj, before, _m2m_state(obj, form), last_pk, actor)
    return obj


def save_serializer(serializer, actor, **extra) -> models.Model:
    """The same for a validated REST API serializer: one audit entry, m2m included."""
    instance = serializer.instance
    before = _m2m_state(instance, serializer) if instance is not None else {}
    last_pk = _latest_entry_pk(instance) if instance is not None else 0
    with transaction.atomic(), set_actor(actor):
        obj = serializer.save(**extra)
        _fold_m2m_changes(obj, before, _m2m_state(obj, serializer), last_pk, actor)
    return obj


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
    with transaction.atomic(), set_actor(actor):
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
