"""REST API of processes, their steps and automation scenarios (registered in api/urls.py)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.processes import filters, services
from leitstand.processes.models import AutomationScenario, Process, ProcessStep


class ProcessSerializer(OrgModelSerializer):
    class Meta:
        model = Process
        fields = [
            "id",
            "name",
            "description",
            "owner",
            "department",
            "frequency",
            "runs_per_period",
            "revenue_per_run",
            "revenue_per_year",
            "notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]


class ProcessStepSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = ProcessStep
        fields = [
            "id",
            "process",
            "position",
            "name",
            "department",
            "role",
            "system",
            "automated",
            "minutes_per_run",
            "error_rate_percent",
            "minutes_to_fix_error",
            "needed",
            "integration",
            "notes",
        ]


class AutomationScenarioSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = AutomationScenario
        fields = [
            "id",
            "process",
            "name",
            "description",
            "steps",
            "minutes_after",
            "error_rate_after_percent",
            "automates_steps",
            "investment",
            "running_cost_per_year",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def validate(self, attrs: dict) -> dict:
        attrs = super().validate(attrs)
        process = attrs.get("process") or getattr(self.instance, "process", None)
        name = attrs.get("name") or getattr(self.instance, "name", "")
        others = AutomationScenario.objects.filter(process=process, name__iexact=name.strip())
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if process is not None and others.exists():
            raise serializers.ValidationError(
                {"name": _("This process already has a scenario with this name.")}
            )
        return attrs


class ProcessViewSet(OrgModelViewSet):
    model = Process
    serializer_class = ProcessSerializer
    filterset_class = filters.ProcessFilter
    save_service = staticmethod(services.save_process)
    delete_service = staticmethod(services.delete_process)


class ProcessStepViewSet(OrgModelViewSet):
    model = ProcessStep
    serializer_class = ProcessStepSerializer
    filterset_class = filters.ProcessStepFilter
    save_service = staticmethod(services.save_step)
    delete_service = staticmethod(services.delete_step)


class AutomationScenarioViewSet(OrgModelViewSet):
    model = AutomationScenario
    serializer_class = AutomationScenarioSerializer
    filterset_class = filters.ScenarioFilter
    save_service = staticmethod(services.save_scenario)
    delete_service = staticmethod(services.delete_scenario)
