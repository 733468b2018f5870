"""REST API of the roadmap: finding statuses, initiatives, options, phases, milestones, change
checklists and dropped proposals (registered in api/urls.py)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from leitstand.api.serializers import OrgModelSerializer, TextField
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.roadmap import filters, services
from leitstand.roadmap.models import (
    ChangeChecklist,
    DroppedProposal,
    FindingState,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
    Milestone,
    Phase,
)


class UniqueKeyMixin:
    """`key` is unique per organisation: say so instead of failing in the database."""

    def validate_key(self, value: str) -> str:
        rows = self.Meta.model.objects.filter(organisation=self.organisation, key=value)
        if self.instance is not None:
            rows = rows.exclude(pk=self.instance.pk)
        if rows.exists():
            raise serializers.ValidationError(_("This organisation has this key already."))
        return value


class FindingStateSerializer(UniqueKeyMixin, OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = FindingState
        fields = [
            "id",
            "key",
            "kind",
            "subject_name",
            "status",
            "owner",
            "due_on",
            "note",
            "reason",
            "review_on",
            "done_on",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class InitiativeSerializer(OrgModelSerializer):
    class Meta:
        model = Initiative
        fields = [
            "id",
            "name",
            "problem",
            "owner",
            "sponsor",
            "status",
            "priority",
            "findings",
            "systems",
            "replaces",
            "processes",
            "scenarios",
            "kpis",
            "choice_reason",
            "proposal_key",
            "notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    proposal_key = TextField(max_length=200, required=False, allow_blank=True)


class InitiativeDependencySerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = InitiativeDependency
        fields = ["id", "initiative", "requires", "note"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        initiative = attrs.get("initiative") or getattr(self.instance, "initiative", None)
        requires = attrs.get("requires") or getattr(self.instance, "requires", None)
        rows = InitiativeDependency.objects.filter(initiative=initiative, requires=requires)
        if self.instance is not None:
            rows = rows.exclude(pk=self.instance.pk)
        if rows.exists():
            raise serializers.ValidationError(_("This dependency is recorded already."))
        return attrs


class InitiativeOptionSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = InitiativeOption
        fields = [
            "id",
            "initiative",
            "name",
            "description",
            "scenario",
            "licences_eur",
            "implementation_eur",
            "internal_hours",
            "training_eur",
            "running_cost_eur_per_year",
            "cash_saved_eur_per_year",
            "hours_freed_per_year",
            "outage_hours_avoided_per_year",
            "trial_start_on",
            "trial_end_on",
            "tried_by",
            "trial_notes",
            "chosen",
        ]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        initiative = attrs.get("initiative") or getattr(self.instance, "initiative", None)
        name = attrs.get("name")
        if initiative is not None and name:
            taken = InitiativeOption.objects.filter(initiative=initiative, name__iexact=name)
            if self.instance is not None:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                raise serializers.ValidationError(
                    {"name": _("This initiative already has an option with this name.")}
                )
        if attrs.get("chosen") and initiative is not None:
            others = InitiativeOption.objects.filter(initiative=initiative, chosen=True)
            if self.instance is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise serializers.ValidationError(
                    {"chosen": _("Another option of this initiative is chosen already.")}
                )
        return attrs


class PhaseSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = Phase
        fields = ["id", "initiative", "kind", "scope", "start_on", "end_on"]


class MilestoneSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = Milestone
        fields = ["id", "initiative", "phase", "name", "due_on", "owner", "done"]


class ChangeChecklistSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = ChangeChecklist
        fields = ["id", "initiative", "affected", "asked", "training", "acceptance", "fallback"]

    def validate_initiative(self, value):
        rows = ChangeChecklist.objects.filter(initiative=value)
        if self.instance is not None:
            rows = rows.exclude(pk=self.instance.pk)
        if rows.exists():
            raise serializers.ValidationError(_("This initiative has a checklist already."))
        return value


class DroppedProposalSerializer(UniqueKeyMixin, OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = DroppedProposal
        fields = ["id", "key", "name", "dropped_at"]
        read_only_fields = ["dropped_at"]


class FindingStateViewSet(OrgModelViewSet):
    model = FindingState
    serializer_class = FindingStateSerializer
    save_service = staticmethod(services.save_finding_state)
    delete_service = staticmethod(services.delete_finding_state)
    filterset_class = filters.FindingStateFilter


class InitiativeViewSet(OrgModelViewSet):
    model = Initiative
    serializer_class = InitiativeSerializer
    save_service = staticmethod(services.save_initiative)
    delete_service = staticmethod(services.delete_initiative)
    filterset_class = filters.InitiativeFilter


class InitiativeDependencyViewSet(OrgModelViewSet):
    model = InitiativeDependency
    serializer_class = InitiativeDependencySerializer
    save_service = staticmethod(services.save_dependency)
    delete_service = staticmethod(services.delete_dependency)
    filterset_class = filters.DependencyFilter


class InitiativeOptionViewSet(OrgModelViewSet):
    model = InitiativeOption
    serializer_class = InitiativeOptionSerializer
    save_service = staticmethod(services.save_option)
    delete_service = staticmethod(services.delete_option)
    filterset_class = filters.OptionFilter


class PhaseViewSet(OrgModelViewSet):
    model = Phase
    serializer_class = PhaseSerializer
    save_service = staticmethod(services.save_phase)
    delete_service = staticmethod(services.delete_phase)
    filterset_class = filters.PhaseFilter


class MilestoneViewSet(OrgModelViewSet):
    model = Milestone
    serializer_class = MilestoneSerializer
    save_service = staticmethod(services.save_milestone)
    delete_service = staticmethod(services.delete_milestone)
    filterset_class = filters.MilestoneFilter


class ChangeChecklistViewSet(OrgModelViewSet):
    model = ChangeChecklist
    serializer_class = ChangeChecklistSerializer
    save_service = staticmethod(services.save_checklist)
    delete_service = staticmethod(services.delete_checklist)
    filterset_class = filters.ChecklistFilter


class DroppedProposalViewSet(OrgModelViewSet):
    model = DroppedProposal
    serializer_class = DroppedProposalSerializer
    save_service = staticmethod(services.save_dropped_proposal)
    delete_service = staticmethod(services.delete_dropped_proposal)
