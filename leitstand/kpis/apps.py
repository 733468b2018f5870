from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "leitstand.kpis"
    verbose_name = _("KPIs")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import process_panels
        from leitstand.core.sheets import export_sheets
        from leitstand.kpis.demo import load_demo
        from leitstand.kpis.exports import KPI_SHEETS
        from leitstand.kpis.models import Kpi, Measurement
        from leitstand.kpis.panels import kpi_panel

        for model in (Kpi, Measurement):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        process_panels.register(kpi_panel, order=10)
        export_sheets.register(*KPI_SHEETS, order=90)
        demo_data.register(self, load_demo, order=50)
