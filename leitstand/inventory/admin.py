"""Admin pages for support staff; everyday work happens on the organisation pages."""

from django.contrib import admin

from leitstand.inventory.models import Capability, Department, Person, System, Vendor


class TenantAdmin(admin.ModelAdmin):
    list_filter = ["organisation"]
    search_fields = ["name"]
    list_select_related = ["organisation"]


@admin.register(System)
class SystemAdmin(TenantAdmin):
    list_display = ["name", "organisation", "kind", "lifecycle", "annual_cost", "end_of_support"]
    list_filter = ["organisation", "kind", "lifecycle", "centrally_managed"]
    raw_id_fields = ["owner", "deputy", "vendor"]
    filter_horizontal = ["departments", "capabilities"]


@admin.register(Department, Person, Vendor)
class SimpleTenantAdmin(TenantAdmin):
    list_display = ["name", "organisation"]


@admin.register(Capability)
class CapabilityAdmin(TenantAdmin):
    list_display = ["name_en", "name_de", "organisation", "differentiating"]
    search_fields = ["name_en", "name_de"]
