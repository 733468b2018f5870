import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.filters import ANY, SearchFilterSet, _org_queryset
from leitstand.inventory.models import Person
from leitstand.roadmap.models import (
    ChangeChecklist,
    FindingState,
    FindingStatus,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
    InitiativeStatus,
    Milestone,
    Phase,
    Priority,
)


class InitiativeFilter(SearchFilterSet):
    search_fields = ("name", "problem", "notes")
    status = filters.ChoiceFilter(
        choices=InitiativeStatus.choices, label=_("Status"), empty_label=ANY
    )
    owner = filters.ModelChoiceFilter(
        queryset=_org_queryset(Person), label=_("Owner"), empty_label=ANY
    )
    priority = filters.ChoiceFilter(choices=Priority.choices, label=_("Priority"), empty_label=ANY)

    class Meta:
        model = Initiative
        fields = ["q", "status", "owner", "priority"]


class OptionFilter(filters.FilterSet):
    initiative = filters.ModelChoiceFilter(
        queryset=_org_queryset(Initiative), label=_("Initiative"), empty_label=ANY
    )

    class Meta:
        model = InitiativeOption
        fields = ["initiative"]


class PhaseFilter(OptionFilter):
    class Meta:
        model = Phase
        fields = ["initiative"]


class MilestoneFilter(OptionFilter):
    class Meta:
        model = Milestone
        fields = ["initiative", "done"]


class FindingStateFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=FindingStatus.choices, empty_label=ANY)
    owner = filters.ModelChoiceFilter(queryset=_org_queryset(Person), empty_label=ANY)
    kind = filters.CharFilter()

    class Meta:
        model = FindingState
        fields = ["status", "owner", "kind"]


class ChecklistFilter(OptionFilter):
    class Meta:
        model = ChangeChecklist
        fields = ["initiative"]


class DependencyFilter(OptionFilter):
    class Meta:
        model = InitiativeDependency
        fields = ["initiative"]
