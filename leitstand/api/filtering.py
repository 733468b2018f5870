"""The API's filter backend: django-filter's, with yes/no filters that refuse what is not
`true` or `false`.

The list pages share their FilterSets with the API. Their yes/no filters read a value they do
not know (`?done=null`, `?no_owner=yes`) as "no filter", which suits a form but not an API
whose schema says boolean: a client with a typo would get every row back without a word.
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
            self._check_booleans(request, filterset_class)
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def _check_booleans(request, filterset_class) -> None:
        errors = {}
        for name, declared in filterset_class.base_filters.items():
            if not isinstance(declared, django_filters.BooleanFilter):
                continue
            values = request.query_params.getlist(name)
            if any(value not in BOOLEAN_VALUES for value in values):
                errors[name] = [_("Expected true or false.")]
        if errors:
            raise ValidationError(errors)
