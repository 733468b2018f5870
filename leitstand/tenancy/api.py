"""REST API of an organisation's settings and members (owners change them, as in the pages)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import generics, mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated

from leitstand.api.permissions import OrganisationRole
from leitstand.api.serializers import FIELD_MAPPING
from leitstand.core.audit import unchanged
from leitstand.tenancy import services
from leitstand.tenancy.models import Membership, Organisation, Role


class OrganisationSerializer(serializers.ModelSerializer):
    serializer_field_mapping = FIELD_MAPPING

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "slug",
            "industry",
            "employees",
            "annual_revenue",
            "federal_state",
            "labour_cost_per_hour",
            "working_days_per_year",
            "productive_hours_per_fte",
            "wrap_min_manual_hours",
            "require_2fa",
            "created_at",
        ]
        read_only_fields = ["slug", "created_at"]


class OrganisationView(generics.RetrieveUpdateAPIView):
    """The organisation itself: everyone reads, owners change the settings."""

    serializer_class = OrganisationSerializer
    permission_classes = [IsAuthenticated, OrganisationRole]
    read_role = Role.VIEWER
    write_role = Role.OWNER

    def get_object(self) -> Organisation:
        return self.request.org

    def perform_update(self, serializer) -> None:
        if unchanged(serializer.instance, serializer.validated_data):
            return  # nothing to write: no audit entry, the landscape stays as it is
        try:
            services.save_organisation(
                serializer.instance, dict(serializer.validated_data), actor=self.request.user
            )
        except DjangoValidationError as exc:
            raise ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc


class MembershipSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "email", "role", "created_at"]
        read_only_fields = ["created_at"]


class MembershipViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Members and their roles; like the members page, for owners only."""

    serializer_class = MembershipSerializer
    permission_classes = [IsAuthenticated, OrganisationRole]
    read_role = Role.OWNER
    write_role = Role.OWNER
    http_method_names = ["get", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Membership.objects.none()
        return (
            Membership.objects.filter(organisation=self.request.org)
            .select_related("user")
            .order_by("pk")
        )

    def perform_update(self, serializer) -> None:
        role = serializer.validated_data.get("role", serializer.instance.role)
        try:
            services.change_role(serializer.instance, role, actor=self.request.user)
        except DjangoValidationError as exc:
            raise ValidationError({"role": exc.messages}) from exc

    def perform_destroy(self, instance) -> None:
        try:
            services.remove_member(instance, actor=self.request.user)
        except DjangoValidationError as exc:
            raise ValidationError({"detail": exc.messages}) from exc
