from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "leitstand.kpis"
    verbose_name = _("KPIs")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.kpis.models import Kpi, Measurement

        for model in (Kpi, Measurement):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
