import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.filters import ANY, SearchFilterSet, _org_queryset
from leitstand.kpis.models import Kpi, KpiUnit, Measurement
from leitstand.processes.models import Process


class KpiFilter(SearchFilterSet):
    search_fields = ("name", "notes", "baseline_source")
    process = filters.ModelChoiceFilter(
        queryset=_org_queryset(Process), label=_("Process"), empty_label=ANY
    )
    unit = filters.ChoiceFilter(choices=KpiUnit.choices, label=_("Unit"), empty_label=ANY)

    class Meta:
        model = Kpi
        fields = ["q", "process", "unit"]


class MeasurementFilter(filters.FilterSet):
    kpi = filters.ModelChoiceFilter(queryset=_org_queryset(Kpi), label=_("KPI"), empty_label=ANY)

    class Meta:
        model = Measurement
        fields = ["kpi"]
