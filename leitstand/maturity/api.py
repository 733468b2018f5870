"""REST API of maturity assessments: read, and delete (audited). Assessments are answered on
the questionnaire page or imported from the exchange format. The serializers also carry them
in the complete JSON export."""

from rest_framework import serializers

from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.maturity import services
from leitstand.maturity.models import MaturityAnswer, MaturityAssessment
from leitstand.maturity.serialize import result_json


class MaturityAssessmentSerializer(OrgModelSerializer):
    unique_name_field = None
    result = serializers.SerializerMethodField()

    class Meta:
        model = MaturityAssessment
        fields = [
            "id",
            "assessed_on",
            "assessor",
            "status",
            "dii_variant",
            "notes",
            "result",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_result(self, assessment: MaturityAssessment) -> dict:
        """axes (key, name, score 0-100, band), overall, dii_count, dii_band, items, change."""
        answers = {a.item: a for a in assessment.answers.all()}
        return result_json(assessment, answers)


class MaturityAnswerSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = MaturityAnswer
        fields = ["id", "assessment", "item", "value", "source", "suggested", "evidence", "note"]


class MaturityAssessmentViewSet(OrgModelViewSet):
    model = MaturityAssessment
    serializer_class = MaturityAssessmentSerializer
    http_method_names = ["get", "delete", "head", "options"]
    delete_service = staticmethod(services.delete_assessment)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("answers")
