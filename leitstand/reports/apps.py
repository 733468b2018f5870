from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "leitstand.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.reports.models import Letterhead, ReportSettings, ReportSnapshot

        auditlog.register(ReportSettings, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        auditlog.register(Letterhead, exclude_fields=[*AUDIT_EXCLUDED_FIELDS, "logo"])
        auditlog.register(
            ReportSnapshot,
            exclude_fields=[*AUDIT_EXCLUDED_FIELDS, "pdf", "xlsx", "figures", "progress"],
        )
