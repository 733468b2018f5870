"""REST API of KPIs and their measurements (registered in api/urls.py)."""

from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.kpis import filters, services
from leitstand.kpis.models import Kpi, Measurement


class KpiSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = Kpi
        fields = [
            "id",
            "process",
            "name",
            "unit",
            "custom_unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "baseline_source",
            "target_value",
            "notes",
        ]


class MeasurementSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = Measurement
        fields = ["id", "kpi", "measured_on", "value", "source"]


class KpiViewSet(OrgModelViewSet):
    model = Kpi
    serializer_class = KpiSerializer
    filterset_class = filters.KpiFilter
    save_service = staticmethod(services.save_kpi)
    delete_service = staticmethod(services.delete_kpi)


class MeasurementViewSet(OrgModelViewSet):
    model = Measurement
    serializer_class = MeasurementSerializer
    filterset_class = filters.MeasurementFilter
    save_service = staticmethod(services.save_measurement)
    delete_service = staticmethod(services.delete_measurement)
