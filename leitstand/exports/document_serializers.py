"""Serializers of the complete JSON export for what the REST API does not show or does not let
a client set: surveys with their questions, responses and answers, report settings, the
computed strategy of an override, and who assessed or decided.

Who assessed or decided is written as the user's e-mail address; loading it links the user
of that address where one exists here, and keeps the address as text otherwise
(`assessed_by_name`, `decided_by_name`), so no name is lost between installations.
"""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from leitstand.api.serializers import OrgModelSerializer
from leitstand.assessment import api as assessment_api
from leitstand.assessment.models import StrategyChoice
from leitstand.reports.models import ReportSettings
from leitstand.roadmap import api as roadmap_api
from leitstand.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse


def _person(user, name: str) -> str | None:
    return user.email if user is not None else (name or None)


def _resolve(attrs: dict, key: str, user_field: str, name_field: str) -> dict:
    written = (attrs.pop(key, None) or "").strip()
    if written:
        user = get_user_model().objects.filter(email__iexact=written).first()
        attrs[user_field] = user
        attrs[name_field] = "" if user is not None else written
    return attrs


class AssessmentDocumentSerializer(assessment_api.AssessmentSerializer):
    assessed_by_email = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, max_length=254
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["assessed_by_email"] = _person(instance.assessed_by, instance.assessed_by_name)
        return data

    def validate(self, attrs: dict) -> dict:
        attrs = _resolve(attrs, "assessed_by_email", "assessed_by", "assessed_by_name")
        return super().validate(attrs)


class OverrideDocumentSerializer(assessment_api.OverrideSerializer):
    computed_strategy = serializers.ChoiceField(
        choices=StrategyChoice.choices, required=False, allow_blank=True
    )
    decided_by_email = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, max_length=254
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["decided_by_email"] = _person(instance.decided_by, instance.decided_by_name)
        return data

    def validate(self, attrs: dict) -> dict:
        attrs = _resolve(attrs, "decided_by_email", "decided_by", "decided_by_name")
        return super().validate(attrs)


class SurveyDocumentSerializer(OrgModelSerializer):
    """A new link (token) is made on loading: the old one stays the old survey's."""

    unique_name_field = None
    closed_at = serializers.DateTimeField(required=False, allow_null=True)

    class Meta:
        model = Survey
        fields = [
            "id",
            "process",
            "purpose",
            "title",
            "phase",
            "free_text_question",
            "is_open",
            "closed_at",
            "max_answers",
            "kpi",
            "measurement",
            "created_at",
        ]
        read_only_fields = ["created_at"]

    def get_fields(self):
        # set when the survey closes, so not editable on the model
        measurement = Survey._meta.get_field("measurement").related_model
        return _writable_relation(super().get_fields(), self, "measurement", measurement)


class SurveyQuestionDocumentSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = SurveyQuestion
        fields = ["id", "survey", "position", "key", "text"]


class SurveyResponseDocumentSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = SurveyResponse
        fields = ["id", "survey", "submitted_on", "free_text"]


class SurveyAnswerDocumentSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = SurveyAnswer
        fields = ["id", "response", "question", "score"]
        validators = []  # one answer per question: the database's constraint checks it


class ReportSettingsDocumentSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = ReportSettings
        fields = [
            "id",
            "kind",
            "chapters",
            "texts",
            "engagement_start",
            "engagement_end",
            "author",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators = []


class InitiativeOptionDocumentSerializer(roadmap_api.InitiativeOptionSerializer):
    """With the acceptance survey of the option's trial."""

    class Meta(roadmap_api.InitiativeOptionSerializer.Meta):
        fields = [*roadmap_api.InitiativeOptionSerializer.Meta.fields, "survey"]

    def get_fields(self):
        return _writable_relation(super().get_fields(), self, "survey", Survey)


def _writable_relation(fields: dict, serializer, name: str, related) -> dict:
    """A relation the model marks not editable (set by the application), writable here."""
    fields[name] = serializer.serializer_related_field(
        queryset=related.objects.all(), required=False, allow_null=True
    )
    return fields
