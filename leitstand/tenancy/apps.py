from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "leitstand.tenancy"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.sheets import export_sheets
        from leitstand.tenancy import stamps
        from leitstand.tenancy.exports import TENANCY_SHEETS
        from leitstand.tenancy.models import Invitation, Membership, Organisation

        stamps.connect()
        export_sheets.register(*TENANCY_SHEETS, order=100)

        auditlog.register(Organisation)
        auditlog.register(Membership)
        auditlog.register(Invitation, exclude_fields=["token_hash"])
