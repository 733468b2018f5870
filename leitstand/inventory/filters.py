"""Search, filters and sorting of the inventory lists (also used by the API)."""

import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from leitstand.core.dates import add_months
from leitstand.core.widgets import TypeAheadSelect
from leitstand.inventory.models import (
    Capability,
    Department,
    Hosting,
    Jurisdiction,
    Lifecycle,
    Person,
    System,
    SystemKind,
    Vendor,
)

ANY = _("all")
UNKNOWN = "unknown"
YES_NO = forms.Select(choices=[("", ANY), ("true", _("yes")), ("false", _("no"))])


@extend_schema_field(OpenApiTypes.INT)
class ModelIdFilter(filters.ModelChoiceFilter):
    """A ModelChoiceFilter with its own `method`: the API schema still says "an id"."""


def _org_queryset(model):
    def queryset(request):
        return model.objects.for_org(request.org) if request is not None else model.objects.none()

    return queryset


class SearchFilterSet(filters.FilterSet):
    """Adds `q`: a case-insensitive search over `search_fields`; long choice lists stay fast."""

    search_fields: tuple[str, ...] = ("name",)
    q = filters.CharFilter(label=_("Search"), method="search")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for declared in self.filters.values():
            if isinstance(declared, filters.ModelChoiceFilter):
                declared.extra.setdefault("widget", TypeAheadSelect)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class DepartmentFilter(SearchFilterSet):
    search_fields = ("name", "description")
    sort = filters.OrderingFilter(fields=(("name", "name"),), label=_("Sort"))

    class Meta:
        model = Department
        fields = ["q"]


class PersonFilter(SearchFilterSet):
    search_fields = ("name", "job_title", "email")
    department = filters.ModelChoiceFilter(
        queryset=_org_queryset(Department), label=_("Department"), empty_label=ANY
    )
    sort = filters.OrderingFilter(
        fields=(("name", "name"), ("department__name", "department")), label=_("Sort")
    )

    class Meta:
        model = Person
        fields = ["q", "department"]


class VendorFilter(SearchFilterSet):
    search_fields = ("name", "country", "notes")
    jurisdiction = filters.ChoiceFilter(
        choices=Jurisdiction.choices, label=_("Jurisdiction"), empty_label=ANY
    )
    sort = filters.OrderingFilter(
        fields=(("name", "name"), ("contract_end", "contract_end")), label=_("Sort")
    )

    class Meta:
        model = Vendor
        fields = ["q", "jurisdiction"]


class CapabilityFilter(SearchFilterSet):
    search_fields = ("name_en", "name_de")
    differentiating = filters.BooleanFilter(label=_("Differentiating"), widget=YES_NO)
    sort = filters.OrderingFilter(
        fields=(("name_en", "name_en"), ("name_de", "name_de")), label=_("Sort")
    )

    class Meta:
        model = Capability
        fields = ["q", "differentiating"]


class SystemFilter(SearchFilterSet):
    search_fields = ("name", "description", "vendor__name", "version")
    department = filters.ModelChoiceFilter(
        queryset=_org_queryset(Department),
        field_name="departments",
        label=_("Department"),
        empty_label=ANY,
    )
    capability = filters.ModelChoiceFilter(
        queryset=_org_queryset(Capability),
        field_name="capabilities",
        label=_("Capability"),
        empty_label=ANY,
    )
    owner = filters.ModelChoiceFilter(
        queryset=_org_queryset(Person), label=_("Owner"), empty_label=ANY
    )
    vendor = filters.ModelChoiceFilter(
        queryset=_org_queryset(Vendor), label=_("Vendor"), empty_label=ANY
    )
    kind = filters.ChoiceFilter(
        choices=[*SystemKind.choices, (UNKNOWN, _("not known"))],
        method="filter_kind",
        label=_("Kind"),
        empty_label=ANY,
    )
    lifecycle = filters.ChoiceFilter(
        choices=Lifecycle.choices, label=_("Lifecycle"), empty_label=ANY
    )
    hosting = filters.ChoiceFilter(choices=Hosting.choices, label=_("Hosting"), empty_label=ANY)
    shadow_it = filters.ChoiceFilter(
        choices=[
            ("true", _("yes: not centrally managed")),
            ("false", _("no: centrally managed")),
            (UNKNOWN, _("not known")),
        ],
        method="filter_shadow_it",
        label=_("Shadow IT (not centrally managed)"),
        empty_label=ANY,
    )
    eos_within = filters.NumberFilter(
        method="filter_eos_within",
        label=_("End of support within (months)"),
        min_value=0,
        max_value=600,
    )
    in_use = filters.BooleanFilter(method="filter_in_use", label=_("In use (not retired)"))
    no_department = filters.BooleanFilter(
        field_name="departments", lookup_expr="isnull", label=_("Without department")
    )
    no_owner = filters.BooleanFilter(
        field_name="owner", lookup_expr="isnull", label=_("Without owner")
    )
    no_deputy = filters.BooleanFilter(
        field_name="deputy", lookup_expr="isnull", label=_("Without deputy")
    )
    sort = filters.OrderingFilter(
        fields=(
            ("name", "name"),
            ("annual_cost", "annual_cost"),
            ("end_of_support", "end_of_support"),
            ("lifecycle", "lifecycle"),
            ("owner__name", "owner"),
            ("vendor__name", "vendor"),
        ),
        label=_("Sort"),
    )

    class Meta:
        model = System
        fields = [
            "q",
            "department",
            "capability",
            "owner",
            "vendor",
            "kind",
            "lifecycle",
            "hosting",
        ]

    def search(self, queryset, name, value):
        """Name, description and version through the lower-case search column (a trigram
        index serves it on PostgreSQL), or the vendor's name: the few matching vendors are
        read first, so the condition stays on the systems' own indexed columns."""
        value = value.strip().lower()
        if not value:
            return queryset
        organisation = getattr(self.request, "org", None)
        if organisation is None:
            vendors = Q(vendor__name__icontains=value)
        else:
            vendors = Q(
                vendor_id__in=list(
                    Vendor.objects.for_org(organisation)
                    .filter(name__icontains=value)
                    .values_list("pk", flat=True)
                )
            )
        return queryset.filter(Q(search_text__contains=value) | vendors)

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind="" if value == UNKNOWN else value)

    def filter_shadow_it(self, queryset, name, value):
        """Unknown is neither shadow IT nor centrally managed: it has its own choice."""
        if value == UNKNOWN:
            return queryset.management_unknown()
        return queryset.filter(centrally_managed=value != "true")

    def filter_in_use(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.in_use() if value else queryset.filter(lifecycle=Lifecycle.RETIRED)

    def filter_eos_within(self, queryset, name, value):
        """Past or within `value` months from today, so nothing overdue is hidden."""
        if value is None:
            return queryset
        return queryset.support_ends_before(add_months(timezone.localdate(), int(value)))
