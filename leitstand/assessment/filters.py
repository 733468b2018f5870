"""Filters of the assessment API lists."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.assessment.models import Assessment, RecommendationOverride, StrategyChoice
from leitstand.inventory.filters import ANY, _org_queryset
from leitstand.inventory.models import System


class AssessmentFilter(filters.FilterSet):
    system = filters.ModelChoiceFilter(
        queryset=_org_queryset(System), label=_("System"), empty_label=ANY
    )

    class Meta:
        model = Assessment
        fields = ["system"]


class OverrideFilter(filters.FilterSet):
    system = filters.ModelChoiceFilter(
        queryset=_org_queryset(System), label=_("System"), empty_label=ANY
    )
    strategy = filters.ChoiceFilter(
        choices=StrategyChoice.choices, label=_("Strategy"), empty_label=ANY
    )

    class Meta:
        model = RecommendationOverride
        fields = ["system", "strategy"]
