import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.continuity.models import BusinessImpact
from leitstand.inventory.filters import ANY, _org_queryset
from leitstand.processes.models import Process


class BusinessImpactFilter(filters.FilterSet):
    process = filters.ModelChoiceFilter(
        queryset=_org_queryset(Process), label=_("Process"), empty_label=ANY
    )

    class Meta:
        model = BusinessImpact
        fields = ["process"]
