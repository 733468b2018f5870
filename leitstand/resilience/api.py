"""REST API of the resilience facts, one row per system (registered in api/urls.py)."""

from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.resilience import services
from leitstand.resilience.filters import SystemResilienceFilter
from leitstand.resilience.models import SystemResilience


class SystemResilienceSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = SystemResilience
        fields = [
            "id",
            "system",
            "backup_exists",
            "backup_interval_hours",
            "backup_copies",
            "backup_media",
            "backup_offsite",
            "backup_offline",
            "backup_responsible",
            "restore_tested_on",
            "restore_test_ok",
            "restore_duration_hours",
            "two_factor",
            "internet_facing",
            "updates_by",
            "updates_behind",
            "emergency_plan",
            "emergency_plan_tested_on",
            "hardware_since",
            "notes",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class SystemResilienceViewSet(OrgModelViewSet):
    model = SystemResilience
    serializer_class = SystemResilienceSerializer
    filterset_class = SystemResilienceFilter
    save_service = staticmethod(services.save_resilience)
    delete_service = staticmethod(services.delete_resilience)
