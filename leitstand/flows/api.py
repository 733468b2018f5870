"""REST API of data flows: integrations and data objects (registered in leitstand/api/urls.py)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from leitstand.api.serializers import BilingualNameSerializer, OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.flows import filters, services
from leitstand.flows.models import DataObject, Integration


class DataObjectSerializer(BilingualNameSerializer):
    key = serializers.CharField(read_only=True, help_text=_("Set for catalogue data objects."))

    class Meta:
        model = DataObject
        fields = ["id", "key", "name_de", "name_en", "description", "master_systems"]
        read_only_fields = ["key"]


class IntegrationSerializer(OrgModelSerializer):
    unique_name_field = None
    automated = serializers.BooleanField(
        source="is_automated", read_only=True, help_text=_("Follows from the method.")
    )

    class Meta:
        model = Integration
        fields = [
            "id",
            "source",
            "target",
            "data_objects",
            "method",
            "automated",
            "frequency",
            "runs_per_period",
            "minutes_per_run",
            "error_rate_percent",
            "minutes_to_fix_error",
            "status",
            "notes",
        ]


class DataObjectViewSet(OrgModelViewSet):
    model = DataObject
    serializer_class = DataObjectSerializer
    filterset_class = filters.DataObjectFilter
    save_service = staticmethod(services.save_data_object)
    delete_service = staticmethod(services.delete_data_object)
    bulk_create_service = staticmethod(services.create_data_objects)


class IntegrationViewSet(OrgModelViewSet):
    model = Integration
    serializer_class = IntegrationSerializer
    filterset_class = filters.IntegrationFilter
    save_service = staticmethod(services.save_integration)
    delete_service = staticmethod(services.delete_integration)

    def get_queryset(self):
        return self.base_queryset().order_by("pk")
