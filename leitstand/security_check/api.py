"""REST API of company checks: read-only, each check with its result (registered in
api/urls.py). The serializers also carry checks and answers in the complete JSON export."""

from rest_framework import serializers

from leitstand.analysis.company_check.scoring import result_as_json, score_check
from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.security_check import services
from leitstand.security_check.catalogue import load_catalogue
from leitstand.security_check.models import Answer, SecurityCheck
from leitstand.security_check.selectors import nested_answers


class SecurityCheckSerializer(OrgModelSerializer):
    unique_name_field = None
    result = serializers.SerializerMethodField()

    class Meta:
        model = SecurityCheck
        fields = [
            "id",
            "checked_on",
            "interviewer",
            "status",
            "current_area",
            "notes",
            "result",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_result(self, check: SecurityCheck) -> dict:
        """score, max_score, percent, top_unmet, band, requirements, open_questions."""
        rows = ((a.requirement, a.item, a.value) for a in check.answers.all())
        return result_as_json(score_check(load_catalogue(), nested_answers(rows)))


class AnswerSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = Answer
        fields = ["id", "security_check", "requirement", "item", "value", "note"]


class SecurityCheckViewSet(OrgModelViewSet):
    """Checks are answered on the interview pages or imported; the API reads them, and an
    editor may delete one (audited like every delete)."""

    model = SecurityCheck
    serializer_class = SecurityCheckSerializer
    http_method_names = ["get", "delete", "head", "options"]
    delete_service = staticmethod(services.delete_check)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("answers")
