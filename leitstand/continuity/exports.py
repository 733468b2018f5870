"""The business impact sheet in the xlsx/csv export (registered in apps.py)."""

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.continuity.impact import DAMAGE_FIELDS
from leitstand.continuity.models import BusinessImpact
from leitstand.core.sheets import Column, ExportSheet, field, related

CONTINUITY_SHEETS = (
    ExportSheet(
        "business_impacts",
        _("Business impacts"),
        lambda org: (
            BusinessImpact.objects.for_org(org)
            .select_related("process")
            .order_by(Lower("process__name"))
        ),
        (
            Column(_("Process"), related("process")),
            Column(_("Maximum tolerable downtime (MTPD)"), lambda i: i.mtpd_label),
            field("rto_hours", _("RTO (hours)")),
            field("rpo_hours", _("RPO (hours)")),
            field("margin_percent", _("Margin (%)")),
            field("people_idle", _("People left idle")),
            field("penalty_per_hour", _("Contractual penalties per hour (EUR)")),
            field("operating_hours_per_day", _("Operating hours per working day")),
            *(
                field(name, BusinessImpact._meta.get_field(name).verbose_name)
                for name in DAMAGE_FIELDS
            ),
            field("notes", _("Notes")),
        ),
    ),
)
