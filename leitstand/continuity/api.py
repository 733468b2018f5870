"""REST API of business impacts (registered in api/urls.py)."""

from rest_framework import serializers

from leitstand.analysis.continuity.impact import DAMAGE_FIELDS
from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.continuity import filters, services
from leitstand.continuity.models import BusinessImpact


class BusinessImpactSerializer(OrgModelSerializer):
    unique_name_field = None
    mtpd_hours = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Maximum tolerable downtime derived from the damage table; null: over a week.",
    )

    class Meta:
        model = BusinessImpact
        fields = [
            "id",
            "process",
            *DAMAGE_FIELDS,
            "mtpd_hours",
            "rto_hours",
            "rpo_hours",
            "margin_percent",
            "people_idle",
            "penalty_per_hour",
            "operating_hours_per_day",
            "notes",
        ]


class BusinessImpactViewSet(OrgModelViewSet):
    model = BusinessImpact
    serializer_class = BusinessImpactSerializer
    filterset_class = filters.BusinessImpactFilter
    save_service = staticmethod(services.save_business_impact)
    delete_service = staticmethod(services.delete_business_impact)

    def get_queryset(self):
        return super().get_queryset().select_related("process")
