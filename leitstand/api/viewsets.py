"""The shape every organisation-scoped API resource shares: list, retrieve, create, update,
delete; roles from tenancy.access; writes through the entity's services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import F, ProtectedError, QuerySet, UniqueConstraint
from django.utils.translation import gettext as _
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from leitstand.api.listing import list_shape
from leitstand.api.permissions import OrganisationRole
from leitstand.api.serializers import BULK_LOOKUPS, RELATED_IDS, BulkLookups
from leitstand.core.audit import unchanged
from leitstand.tenancy.models import Role, TenantModel
from leitstand.tenancy.pagecache import answer_from_cache, keep_answer


def stable_ordering(model) -> list:
    """The model's ordering, then "pk" unless a unique constraint per organisation already
    decides it (names unique per organisation, ignoring case). Without the extra key,
    PostgreSQL reads a page straight from that unique index instead of sorting every row of
    the organisation (13 ms per page at 10,000 systems)."""
    ordering = list(model._meta.ordering)
    decided = (
        "pk" in ordering
        or "-pk" in ordering
        or any(
            isinstance(constraint, UniqueConstraint)
            and list(constraint.expressions) == [F("organisation"), *ordering]
            for constraint in model._meta.constraints
        )
    )
    return ordering if decided else [*ordering, "pk"]


#: Objects one POST of a list may create (all or nothing).
BULK_LIMIT = 1000


class OrgModelViewSet(viewsets.ModelViewSet):
    """Set `model`, `serializer_class`, `filterset_class`; override `get_queryset` to add
    select_related/prefetch_related."""

    permission_classes = [IsAuthenticated, OrganisationRole]
    read_role = Role.VIEWER
    write_role = Role.EDITOR
    model = None
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def base_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular building the schema
            return self.model.objects.none()
        return self.model.objects.for_org(self.request.org)

    def get_queryset(self) -> QuerySet:
        """The model's own order (by name: the organisation's name index serves it), then id
        where that order alone could leave two rows tied."""
        return self.base_queryset().order_by(*stable_ordering(self.model))

    #: Whether lists and objects may be sent again from memory until the landscape changes
    #: (`leitstand.tenancy.pagecache`): only for rows of the landscape, whose every change
    #: renews the landscape stamp.
    answer_cache = True

    def _kept_answer(self, request):
        model = self.model
        if not (self.answer_cache and issubclass(model, TenantModel) and model.in_landscape):
            return None
        return answer_from_cache(request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return keep_answer(request, response)

    def retrieve(self, request, *args, **kwargs):
        kept = self._kept_answer(request)
        return kept if kept is not None else super().retrieve(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        # Pages come from values() rows shaped like the serializer's output (see listing).
        # No docstring: drf-spectacular would show it as the description of every list.
        kept = self._kept_answer(request)
        if kept is not None:
            return kept
        shape = list_shape(self.get_serializer_class())
        if shape is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset()).values(*shape.keys)
        page = super().paginate_queryset(queryset)
        rows = list(queryset) if page is None else page
        related = related_ids(self.model, [row[shape.pk] for row in rows])
        data = shape.represent(rows, related)
        return Response(data) if page is None else self.get_paginated_response(data)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            attach_related_ids(self.model, page)
        return page

    #: The entity's services, `save(instance, values, *, actor)` and `delete(instance, *,
    #: actor)`: the same functions the pages, the import and the demo call (a viewset names
    #: those its methods need; tests/test_write_paths.py checks).
    save_service = None
    delete_service = None
    #: `create(organisation, [values, ...], *, actor)`: the entity's bulk write for a list in
    #: one POST, where it has one; else its `save_service` per object, in one transaction.
    bulk_create_service = None

    def create(self, request, *args, **kwargs):
        """One object, or a list of up to BULK_LIMIT objects created all or nothing."""
        if not isinstance(request.data, list):
            return super().create(request, *args, **kwargs)
        items = request.data
        if not items or len(items) > BULK_LIMIT:
            raise ValidationError(
                {
                    "detail": _("Send between 1 and %(limit)s objects in one list.")
                    % {"limit": BULK_LIMIT}
                }
            )
        serializer = self.get_serializer(data=items, many=True, context=self._bulk_context())
        serializer.is_valid(raise_exception=True)
        if self.bulk_create_service is not None:
            objects = self.bulk_create_service(
                request.org,
                [dict(attrs) for attrs in serializer.validated_data],
                actor=request.user,
            )
        else:  # the entity's own write path, once per object, in one transaction
            with transaction.atomic():
                objects = [
                    self.save_service(
                        self.model(organisation=request.org), dict(attrs), actor=request.user
                    )
                    for attrs in serializer.validated_data
                ]
        attach_related_ids(self.model, objects)
        data = self.get_serializer(objects, many=True).data
        return Response(data, status=status.HTTP_201_CREATED)

    def _bulk_context(self) -> dict:
        """Lets the serializers of a bulk create look up names and related ids once for all
        objects, not once per object (see leitstand.api.serializers.BulkLookups)."""
        return {**self.get_serializer_context(), BULK_LOOKUPS: BulkLookups()}

    def perform_create(self, serializer) -> None:
        instance = self.model(organisation=self.request.org)
        serializer.instance = self._save(instance, serializer)

    def perform_update(self, serializer) -> None:
        if unchanged(serializer.instance, serializer.validated_data):
            return  # nothing to write: no audit entry, the landscape stays as it is
        serializer.instance = self._save(serializer.instance, serializer)

    def _save(self, instance, serializer):
        try:
            return self.save_service(
                instance, dict(serializer.validated_data), actor=self.request.user
            )
        except DjangoValidationError as exc:
            raise ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc

    def perform_destroy(self, instance) -> None:
        try:
            self.delete_service(instance, actor=self.request.user)
        except ProtectedError as exc:
            raise ValidationError(
                {
                    "detail": _("“%(name)s” is still in use and cannot be deleted.")
                    % {"name": instance}
                },
                code=status.HTTP_400_BAD_REQUEST,
            ) from exc


def attach_related_ids(model, objects: list) -> None:
    """One query per many-to-many field for a whole page: plain ids, no model instances
    (which would also leave reference cycles for the garbage collector)."""
    attached = related_ids(model, [obj.pk for obj in objects])
    for obj in objects:
        setattr(obj, RELATED_IDS, attached[obj.pk])


def related_ids(model, ids: list[int]) -> dict[int, dict[str, list[int]]]:
    """id -> {many-to-many field: related ids, in the related model's order}."""
    attached: dict[int, dict[str, list[int]]] = {pk: {} for pk in ids}
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        for pk in ids:
            attached[pk][field.name] = []
        pairs = through.objects.filter(**{f"{source}__in": ids}).order_by(target)
        for source_id, target_id in pairs.values_list(f"{source}_id", f"{target}_id"):
            attached[source_id][field.name].append(target_id)
    return attached
