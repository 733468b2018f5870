from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "leitstand.tenancy"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.tenancy import stamps
        from leitstand.tenancy.models import Invitation, Membership, Organisation

        stamps.connect()

        auditlog.register(Organisation)
        auditlog.register(Membership)
        auditlog.register(Invitation, exclude_fields=["token_hash"])
