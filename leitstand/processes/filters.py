"""Search and filters of the process list (also used by the API)."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.filters import ANY, SearchFilterSet, _org_queryset
from leitstand.inventory.models import Department, Person
from leitstand.processes.models import AutomationScenario, Process, ProcessStep


class ProcessFilter(SearchFilterSet):
    search_fields = ("name", "description", "notes")
    department = filters.ModelChoiceFilter(
        queryset=_org_queryset(Department), label=_("Department"), empty_label=ANY
    )
    owner = filters.ModelChoiceFilter(
        queryset=_org_queryset(Person), label=_("Owner"), empty_label=ANY
    )

    class Meta:
        model = Process
        fields = ["q", "department", "owner"]


class ProcessStepFilter(SearchFilterSet):
    process = filters.ModelChoiceFilter(
        queryset=_org_queryset(Process), label=_("Process"), empty_label=ANY
    )

    class Meta:
        model = ProcessStep
        fields = ["q", "process"]


class ScenarioFilter(SearchFilterSet):
    process = filters.ModelChoiceFilter(
        queryset=_org_queryset(Process), label=_("Process"), empty_label=ANY
    )

    class Meta:
        model = AutomationScenario
        fields = ["q", "process"]
