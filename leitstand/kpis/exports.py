"""KPIs and their measurements in the xlsx/csv export (registered in KpisConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field, related
from leitstand.kpis.models import Kpi, Measurement

KPI_SHEETS: tuple[ExportSheet, ...] = (
    ExportSheet(
        "kpis",
        _("KPIs"),
        lambda org: Kpi.objects.for_org(org).select_related("process"),
        (
            Column(_("Process"), related("process")),
            field("name", _("Name")),
            Column(_("Unit"), lambda kpi: kpi.unit_label),
            field("direction", _("Which way is better")),
            field("baseline_value", _("Baseline")),
            field("baseline_date", _("Baseline measured on")),
            field("baseline_source", _("Source of the baseline")),
            field("target_value", _("Target")),
        ),
    ),
    ExportSheet(
        "kpi_measurements",
        _("KPI measurements"),
        lambda org: Measurement.objects.for_org(org).select_related("kpi__process"),
        (
            Column(_("KPI"), related("kpi")),
            Column(_("Process"), lambda m: str(m.kpi.process or "")),
            field("measured_on", _("Measured on")),
            field("value", _("Value")),
            field("source", _("Source")),
        ),
    ),
)
