"""Filters of the resilience facts in the API."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.filters import ANY, SearchFilterSet, _org_queryset
from leitstand.inventory.models import System
from leitstand.resilience.models import SystemResilience


class SystemResilienceFilter(SearchFilterSet):
    search_fields = ("system__name", "notes", "updates_by")
    system = filters.ModelChoiceFilter(
        queryset=_org_queryset(System), label=_("System"), empty_label=ANY
    )

    class Meta:
        model = SystemResilience
        fields = ["q", "system", "two_factor", "internet_facing", "updates_behind"]
