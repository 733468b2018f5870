"""Search and filters of the integration and data object lists."""

import django_filters as filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.vocabulary import METHOD_CATEGORY
from leitstand.flows.models import DataObject, FlowStatus, Integration, Method, MethodCategory
from leitstand.inventory.filters import ANY, ModelIdFilter, SearchFilterSet, _org_queryset
from leitstand.inventory.models import Department, System


class IntegrationFilter(SearchFilterSet):
    search_fields = ("source__name", "target__name", "notes")
    system = ModelIdFilter(
        queryset=_org_queryset(System),
        method="filter_system",
        label=_("System (either end)"),
        empty_label=ANY,
    )
    department = ModelIdFilter(
        queryset=_org_queryset(Department),
        method="filter_department",
        label=_("Department"),
        empty_label=ANY,
    )
    data_object = filters.ModelChoiceFilter(
        queryset=_org_queryset(DataObject),
        field_name="data_objects",
        label=_("Data carried"),
        empty_label=ANY,
    )
    method = filters.ChoiceFilter(choices=Method.choices, label=_("Method"), empty_label=ANY)
    category = filters.ChoiceFilter(
        choices=MethodCategory.choices,
        method="filter_category",
        label=_("Automated or manual"),
        empty_label=ANY,
    )
    status = filters.ChoiceFilter(choices=FlowStatus.choices, label=_("Status"), empty_label=ANY)
    sort = filters.OrderingFilter(
        fields=(("source__name", "source"), ("target__name", "target"), ("method", "method")),
        label=_("Sort"),
    )

    class Meta:
        model = Integration
        fields = ["q", "system", "department", "data_object", "method", "category", "status"]

    def filter_system(self, queryset, name, value):
        return queryset.filter(Q(source=value) | Q(target=value)) if value else queryset

    def filter_department(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(source__departments=value) | Q(target__departments=value)
        ).distinct()

    def filter_category(self, queryset, name, value):
        methods = [method for method, category in METHOD_CATEGORY.items() if category == value]
        return queryset.filter(method__in=methods) if value else queryset


class DataObjectFilter(SearchFilterSet):
    search_fields = ("name_en", "name_de", "description")

    class Meta:
        model = DataObject
        fields = ["q"]
