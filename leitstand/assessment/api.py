"""REST API of assessments and overrides, registered in leitstand/api/urls.py."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from leitstand.api.serializers import OrgModelSerializer, TextField
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.assessment import filters, services
from leitstand.assessment.models import (
    AXIS_CHOICES,
    Assessment,
    RecommendationOverride,
    ScoreMethod,
    StrategyChoice,
)
from leitstand.assessment.scoring import fact_bounds, guided_score
from leitstand.assessment.selectors import system_facts

AXES = tuple(AXIS_CHOICES)


class AssessmentSerializer(OrgModelSerializer):
    """An axis whose method is "guided" gets its value from `answers` (and the facts), as on
    the page; a value sent for it is replaced."""

    unique_name_field = None
    answers = serializers.DictField(
        child=TextField(),
        required=False,
        help_text=gettext_lazy("Answers to the guided questions: {question key: option key}."),
    )
    # A method field: a dotted source with a default is left out of PATCH responses.
    assessed_by_email = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id",
            "system",
            "assessed_on",
            "criticality",
            "criticality_method",
            "health",
            "health_method",
            "integration",
            "integration_method",
            "answers",
            "notes",
            "assessed_by_email",
            "created_at",
        ]
        read_only_fields = ["created_at"]
        extra_kwargs = {axis: {"required": False} for axis in AXES}

    def get_assessed_by_email(self, assessment) -> str | None:
        return assessment.assessed_by.email if assessment.assessed_by_id else None

    def _current(self, attrs: dict, name: str, default=None):
        if name in attrs:
            return attrs[name]
        return getattr(self.instance, name, default) if self.instance is not None else default

    def validate(self, attrs: dict) -> dict:
        system = self._current(attrs, "system")
        day = self._current(attrs, "assessed_on") or timezone.localdate()
        answers = self._current(attrs, "answers", {}) or {}
        bounds = fact_bounds(system_facts(system, today=day)) if system is not None else {}
        errors = {}
        for axis in AXES:
            method = self._current(attrs, f"{axis}_method", ScoreMethod.DIRECT)
            if method == ScoreMethod.GUIDED:
                attrs[axis] = guided_score(axis, answers, bounds).value
            if self._current(attrs, axis) is None:
                errors[axis] = _("Give a value from 1 to 4, or answers to its questions.")
        if errors:
            raise serializers.ValidationError(errors)
        return super().validate(attrs)


class OverrideSerializer(OrgModelSerializer):
    unique_name_field = None
    # Empty when the system had no assessment to compute a strategy from.
    computed_strategy = serializers.ChoiceField(
        choices=StrategyChoice.choices, allow_blank=True, read_only=True
    )
    decided_by_email = serializers.SerializerMethodField()

    class Meta:
        model = RecommendationOverride
        fields = [
            "id",
            "system",
            "strategy",
            "reason",
            "computed_strategy",
            "decided_by_email",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["computed_strategy", "created_at", "updated_at"]

    def get_decided_by_email(self, override) -> str | None:
        return override.decided_by.email if override.decided_by_id else None


class AssessmentViewSet(OrgModelViewSet):
    model = Assessment
    serializer_class = AssessmentSerializer
    filterset_class = filters.AssessmentFilter

    save_service = staticmethod(services.record_assessment)
    delete_service = staticmethod(services.delete_assessment)

    def get_queryset(self):
        return super().get_queryset().select_related("assessed_by")


class OverrideViewSet(OrgModelViewSet):
    model = RecommendationOverride
    serializer_class = OverrideSerializer
    filterset_class = filters.OverrideFilter

    save_service = staticmethod(services.override_recommendation)
    delete_service = staticmethod(services.remove_override)

    def get_queryset(self):
        return super().get_queryset().select_related("decided_by")
