"""REST API of the inventory: serializers and viewsets, registered in leitstand/api/urls.py."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from leitstand.api.serializers import BilingualNameSerializer, OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.inventory import filters, services
from leitstand.inventory.models import (
    SYSTEM_FIELDS,
    Capability,
    Department,
    Person,
    System,
    Vendor,
)


class DepartmentSerializer(OrgModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "description"]


class PersonSerializer(OrgModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "job_title", "department", "email", "notes"]


class VendorSerializer(OrgModelSerializer):
    class Meta:
        model = Vendor
        fields = [
            "id",
            "name",
            "country",
            "jurisdiction",
            "contract_end",
            "notice_period_months",
            "website",
            "notes",
        ]


class CapabilitySerializer(BilingualNameSerializer):
    key = serializers.CharField(read_only=True, help_text=_("Set for catalogue capabilities."))

    class Meta:
        model = Capability
        fields = ["id", "key", "name_de", "name_en", "differentiating"]
        read_only_fields = ["key"]


class SystemSerializer(OrgModelSerializer):
    class Meta:
        model = System
        fields = ["id", *SYSTEM_FIELDS, "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


class DepartmentViewSet(OrgModelViewSet):
    model = Department
    serializer_class = DepartmentSerializer
    filterset_class = filters.DepartmentFilter
    save_service = staticmethod(services.save_department)
    delete_service = staticmethod(services.delete_department)
    bulk_create_service = staticmethod(services.create_departments)


class PersonViewSet(OrgModelViewSet):
    model = Person
    serializer_class = PersonSerializer
    filterset_class = filters.PersonFilter
    save_service = staticmethod(services.save_person)
    delete_service = staticmethod(services.delete_person)
    bulk_create_service = staticmethod(services.create_people)


class VendorViewSet(OrgModelViewSet):
    model = Vendor
    serializer_class = VendorSerializer
    filterset_class = filters.VendorFilter
    save_service = staticmethod(services.save_vendor)
    delete_service = staticmethod(services.delete_vendor)
    bulk_create_service = staticmethod(services.create_vendors)


class CapabilityViewSet(OrgModelViewSet):
    model = Capability
    serializer_class = CapabilitySerializer
    filterset_class = filters.CapabilityFilter
    save_service = staticmethod(services.save_capability)
    delete_service = staticmethod(services.delete_capability)
    bulk_create_service = staticmethod(services.create_capabilities)


class SystemViewSet(OrgModelViewSet):
    """Relations are written as ids, so the list needs no joins; many-to-many ids are read
    per page by OrgModelViewSet."""

    model = System
    serializer_class = SystemSerializer
    filterset_class = filters.SystemFilter
    save_service = staticmethod(services.save_system)
    delete_service = staticmethod(services.delete_system)
    bulk_create_service = staticmethod(services.create_systems)
