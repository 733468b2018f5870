"""REST API of funding facts, partner/linked enterprises, de-minimis aid and funding plans
(registered in api/urls.py); a plan's matching and figures at `funding-plans/{id}/match/`.
The serializers also carry these rows in the complete JSON export."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from leitstand.analysis.funding.catalogue import TOPICS
from leitstand.api.serializers import OrgModelSerializer, TextField
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.funding import selectors, services
from leitstand.funding.models import DeMinimisAid, FundingFacts, FundingPlan, LinkedEnterprise
from leitstand.funding.presenters import match_json, plan_json


class FundingFactsSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = FundingFacts
        fields = [
            "id",
            "fte",
            "balance_sheet_total",
            "has_linked_enterprises",
            "linked_enterprises_note",
            "nace_section",
            "founded_year",
            "de_minimis_complete",
        ]

    def validate(self, attrs: dict) -> dict:
        if self.instance is None and FundingFacts.objects.for_org(self.organisation).exists():
            raise serializers.ValidationError(
                _("This organisation has its funding facts already: change them instead.")
            )
        return super().validate(attrs)


class LinkedEnterpriseSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = LinkedEnterprise
        fields = [
            "id",
            "name",
            "relation",
            "share_percent",
            "fte",
            "turnover",
            "balance_sheet_total",
        ]


class DeMinimisAidSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = DeMinimisAid
        fields = ["id", "granted_on", "amount", "grantor", "programme"]


class FundingPlanSerializer(OrgModelSerializer):
    unique_name_field = None
    topics = serializers.ListField(
        child=serializers.ChoiceField(choices=TOPICS), required=False, max_length=len(TOPICS)
    )
    chosen_programmes = serializers.ListField(
        child=TextField(max_length=80), required=False, max_length=60
    )

    class Meta:
        model = FundingPlan
        fields = [
            "id",
            "name",
            "initiative",
            "option",
            "description",
            "topics",
            "goals",
            "cost_external_consulting",
            "cost_software_licences",
            "cost_implementation",
            "cost_hardware",
            "cost_training",
            "cost_internal_staff",
            "running_cost_per_year",
            "contract_signed_on",
            "chosen_programmes",
            "apply_by",
            "approval_expected",
            "project_start",
            "project_end",
            "proof_of_use_due",
            "milestones",
            "notes",
        ]

    def validate_chosen_programmes(self, value: list[str]) -> list[str]:
        try:
            return services.check_programme_ids(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None


class FundingFactsViewSet(OrgModelViewSet):
    model = FundingFacts
    serializer_class = FundingFactsSerializer
    save_service = staticmethod(services.save_funding_facts)
    delete_service = staticmethod(services.delete_funding_facts)


class LinkedEnterpriseViewSet(OrgModelViewSet):
    model = LinkedEnterprise
    serializer_class = LinkedEnterpriseSerializer
    save_service = staticmethod(services.save_linked_enterprise)
    delete_service = staticmethod(services.delete_linked_enterprise)


class DeMinimisAidViewSet(OrgModelViewSet):
    model = DeMinimisAid
    serializer_class = DeMinimisAidSerializer
    save_service = staticmethod(services.save_de_minimis_aid)
    delete_service = staticmethod(services.delete_de_minimis_aid)


class FundingPlanViewSet(OrgModelViewSet):
    model = FundingPlan
    serializer_class = FundingPlanSerializer
    save_service = staticmethod(services.save_funding_plan)
    delete_service = staticmethod(services.delete_funding_plan)

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description="The programmes against the company's facts and the plan's costs (sme_class, "
        "de_minimis_headroom_eur, programmes with id, name, eligible, reasons, amount_eur, kind, "
        "last_verified, status) and the plan's figures.",
    )
    @action(detail=True, methods=["get"])
    def match(self, request, *args, **kwargs):
        plan = self.get_object()
        result = selectors.plan_match(plan)
        return Response(
            {**match_json(result), "plan": plan_json(selectors.plan_figures(plan, result))}
        )
