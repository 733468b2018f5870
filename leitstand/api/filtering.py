"""The API's filter backend: django-filter's, refusing what the schema does not allow.

The list pages share their FilterSets with the API. Their yes/no filters read a value they do
not know (`?done=null`, `?no_owner=yes`) as "no filter", and every filter but the text search
reads an empty value (`?strategy=`) the same way. That suits a form, not an API whose schema
says boolean, number or one of a list: a client with a typo would get every row back without a
word. Here a yes/no filter takes only `true` or `false`, and only the text search may be empty.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

BOOLEAN_VALUES = ("true", "false")


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            self._check_values(request, filterset_class)
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def _check_values(request, filterset_class) -> None:
        errors = {}
        for name, declared in filterset_class.base_filters.items():
            values = request.query_params.getlist(name)
            if isinstance(declared, django_filters.BooleanFilter):
                if any(value not in BOOLEAN_VALUES for value in values):
                    errors[name] = [_("Expected true or false.")]
            elif "" in values and not isinstance(declared, django_filters.CharFilter):
                errors[name] = [_("Give a value or leave the parameter out.")]
        if errors:
            raise ValidationError(errors)
