from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InventoryConfig(AppConfig):
    name = "leitstand.inventory"
    verbose_name = _("Inventory")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.conf import settings

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.sheets import export_sheets
        from leitstand.inventory import exports, records
        from leitstand.inventory.demo import load_demo
        from leitstand.inventory.models import Capability, Department, Person, System, Vendor
        from leitstand.landscape.parts import snapshot_parts
        from leitstand.landscape.size import landscape_size

        for model in (Department, Person, Vendor, Capability, System):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        snapshot_parts.register("systems", records.system_records)
        snapshot_parts.register("departments", records.department_records)
        snapshot_parts.register("capabilities", records.capability_records)
        snapshot_parts.register("people", records.person_records)
        snapshot_parts.register("vendors", records.vendor_records)
        landscape_size.register(
            "systems",
            System.objects.all(),
            limit=lambda: settings.LEITSTAND_MAX_SYSTEMS,
        )
        export_sheets.register(*exports.SYSTEM_SHEETS, order=10)
        export_sheets.register(*exports.INVENTORY_SHEETS, order=40)
        demo_data.register(self, load_demo, order=10)
