from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InventoryConfig(AppConfig):
    name = "leitstand.inventory"
    verbose_name = _("Inventory")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.inventory.models import Capability, Department, Person, System, Vendor

        for model in (Department, Person, Vendor, Capability, System):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
