"""Serializer base for tenant-owned objects: relations accept only the organisation's own ids."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import relations, serializers

from leitstand.core.names import name_taken, name_taken_message
from leitstand.tenancy.models import TenantModel

RELATED_IDS = "_related_ids"
#: Key of the serializer context that holds a bulk create's `BulkLookups`.
BULK_LOOKUPS = "bulk_lookups"


class BulkLookups:
    """What the serializers of one bulk create (a list in one POST) look up once for all its
    objects instead of once per object: the organisation's rows of a related model by id,
    and the names taken (those in the database and those of earlier objects of the list, so
    that a list cannot create the same name twice)."""

    def __init__(self) -> None:
        self._rows: dict[type, dict[int, object]] = {}
        self._names: dict[tuple, set[str]] = {}

    def related(self, field: serializers.RelatedField) -> dict[int, object]:
        """The rows a related field may name, by id (the field's queryset, read once)."""
        model = field.queryset.model
        rows = self._rows.get(model)
        if rows is None:
            rows = self._rows[model] = {obj.pk: obj for obj in field.get_queryset()}
        return rows

    def names(self, model, organisation, field: str) -> set[str]:
        names = self._names.get((model, field))
        if names is None:
            taken = model.objects.filter(organisation=organisation).values_list(field, flat=True)
            names = self._names[model, field] = {name.upper() for name in taken}
        return names


class OrgManyRelatedField(relations.ManyRelatedField):
    """Reads ids that the list view attached in one query per page (see attach_related_ids),
    instead of building a model instance per related row; takes only a JSON list."""

    def get_attribute(self, instance):
        attached = getattr(instance, RELATED_IDS, None)
        if attached is not None and self.field_name in attached:
            return [relations.PKOnlyObject(pk) for pk in attached[self.field_name]]
        return super().get_attribute(instance)

    def to_internal_value(self, data):
        # DRF takes any iterable but a string: an object ({}) would pass as the list of its keys.
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


class OrgRelatedField(serializers.PrimaryKeyRelatedField):
    """Accepts an id only if the object belongs to the request's organisation."""

    default_error_messages = {
        "does_not_exist": _("There is no entry with id {pk_value} in this organisation."),
        "incorrect_type": _("Expected an id (a whole number), got {data_type}."),
    }

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in relations.MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return OrgManyRelatedField(**list_kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        organisation = getattr(request, "org", None)
        if organisation is None or not issubclass(queryset.model, TenantModel):
            return queryset.none()
        return queryset.filter(organisation=organisation)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if isinstance(data, str) and not data.isdigit():
            self.fail("incorrect_type", data_type="text")
        if int(data) > 2**62:
            self.fail("does_not_exist", pk_value=data)
        lookups = self.context.get(BULK_LOOKUPS)
        if lookups is not None:
            found = lookups.related(self).get(int(data))
            if found is None:
                self.fail("does_not_exist", pk_value=data)
            return found
        return super().to_internal_value(data)


class TextField(serializers.CharField):
    """Text as the schema says: a JSON string (DRF would turn 0 or 1.5 into "0", "1.5")."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class BooleanField(serializers.BooleanField):
    """A yes/no as the schema says: JSON true or false (DRF would also take 0, 1, "yes", "on")."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


#: A ModelSerializer's mapping of model fields with text and yes/no taken as the schema types them.
FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.CharField: TextField,
    models.TextField: TextField,
    models.BooleanField: BooleanField,
}


class OrgModelSerializer(serializers.ModelSerializer):
    """Runs the model's own checks (clean) and the case-insensitive unique name rule."""

    serializer_related_field = OrgRelatedField
    serializer_field_mapping = FIELD_MAPPING
    unique_name_field: str | None = "name"

    @property
    def organisation(self):
        return self.context["request"].org

    def validate(self, attrs: dict) -> dict:
        attrs = super().validate(attrs)
        self._check_unique_name(attrs)
        self._run_model_clean(attrs)
        return attrs

    def _check_unique_name(self, attrs: dict) -> None:
        field = self.unique_name_field
        value = attrs.get(field) if field else None
        if not value:
            return
        self.check_unique(field, value)

    def check_unique(self, field: str, value: str) -> None:
        model = self.Meta.model
        lookups = self.context.get(BULK_LOOKUPS)
        if lookups is not None and self.instance is None:
            taken = lookups.names(model, self.organisation, field)
            if value.strip().upper() in taken:
                raise serializers.ValidationError({field: name_taken_message(value)})
            taken.add(value.strip().upper())
            return
        exclude = self.instance.pk if self.instance is not None else None
        if name_taken(self.Meta.model, self.organisation, field, value, exclude):
            raise serializers.ValidationError({field: name_taken_message(value)})

    def _run_model_clean(self, attrs: dict) -> None:
        model = self.Meta.model
        m2m = {field.name for field in model._meta.many_to_many}
        candidate = model(organisation=self.organisation)
        if self.instance is not None:
            for field in model._meta.concrete_fields:
                setattr(candidate, field.attname, getattr(self.instance, field.attname))
        for name, value in attrs.items():
            if name not in m2m:
                setattr(candidate, name, value)
        try:
            candidate.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc


class BilingualNameSerializer(OrgModelSerializer):
    """For catalogue entries named in German and English (capabilities, data objects):
    at least one name, and each name unique in its language."""

    unique_name_field = None

    def validate(self, attrs: dict) -> dict:
        attrs = super().validate(attrs)
        names = {
            field: attrs.get(field, getattr(self.instance, field, ""))
            for field in ("name_de", "name_en")
        }
        if not any(names.values()):
            raise serializers.ValidationError(_("Give it a name in at least one language."))
        for field in ("name_de", "name_en"):
            if attrs.get(field):
                self.check_unique(field, attrs[field])
        return attrs
