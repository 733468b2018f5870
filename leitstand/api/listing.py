"""List pages of the API straight from `values()` rows, without model instances.

DRF's serializer builds a model instance per row and finds each field's value through
get_attribute; on a page of 100 systems that was most of the response time. A `ListShape`
reads the serializer's own fields once and turns plain rows into the same JSON: the fields,
their order and each value's representation come from the serializer, so the schema and the
output stay those of the serializer. Serializers with fields it does not know (computed
fields, nested serializers) keep DRF's path.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import fields, relations, serializers

#: Serializer fields that give back a database value of their own type unchanged.
UNCHANGED = (
    fields.BooleanField,
    fields.CharField,
    fields.ChoiceField,
    fields.IntegerField,
)


class Column(NamedTuple):
    name: str  # in the response
    key: str  # in the values() row; "" for a many-to-many field (a list of ids)
    represent: Callable[[object], object] | None  # None: the value as it is


@dataclass(frozen=True)
class ListShape:
    pk: str
    columns: tuple[Column, ...]

    @property
    def keys(self) -> list[str]:
        """What to ask values() for."""
        keys = [column.key for column in self.columns if column.key]
        return keys if self.pk in keys else [self.pk, *keys]

    def represent(self, rows: list[dict], related: dict[int, dict[str, list[int]]]) -> list[dict]:
        """Each row as the serializer would show it; `related` holds the many-to-many ids."""
        data = []
        for row in rows:
            shown = {}
            for name, key, represent in self.columns:
                if not key:
                    shown[name] = related[row[self.pk]][name]
                    continue
                value = row[key]
                shown[name] = value if value is None or represent is None else represent(value)
            data.append(shown)
        return data


@cache
def list_shape(serializer_class: type[serializers.ModelSerializer]) -> ListShape | None:
    """The shape of the serializer's list output, or None if it needs model instances.
    Representing a value needs no request, so one shape serves every request."""
    if serializer_class.to_representation is not serializers.Serializer.to_representation:
        return None  # the serializer shapes its output itself
    serializer = serializer_class()
    model = serializer.Meta.model
    columns = []
    for field in serializer.fields.values():
        if field.write_only:
            continue
        column = _column(model, field)
        if column is None:
            return None
        columns.append(column)
    return ListShape(model._meta.pk.attname, tuple(columns))


def _column(model: type[models.Model], field: fields.Field) -> Column | None:
    if field.source == "*" or "." in field.source:
        return None
    try:
        model_field = model._meta.get_field(field.source)
    except FieldDoesNotExist:
        return None
    if isinstance(field, relations.ManyRelatedField):
        if not model_field.many_to_many or field.source != field.field_name:
            return None
        return Column(field.field_name, "", None)
    if isinstance(field, relations.PrimaryKeyRelatedField):
        if not model_field.many_to_one or field.pk_field is not None:
            return None
        return Column(field.field_name, model_field.attname, None)
    if model_field.is_relation or isinstance(field, relations.RelatedField):
        return None
    unchanged = isinstance(field, UNCHANGED) and not isinstance(field, fields.MultipleChoiceField)
    represent = None if unchanged else field.to_representation
    return Column(field.field_name, model_field.attname, represent)
