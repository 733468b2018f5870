"""The integrations and data objects in the xlsx/csv export (registered in
FlowsConfig.ready())."""

from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field, names, related
from leitstand.flows.models import DataObject, Integration
from leitstand.tenancy.models import Organisation


def _integrations(organisation: Organisation) -> QuerySet:
    return (
        Integration.objects.for_org(organisation)
        .select_related("source", "target")
        .prefetch_related("data_objects")
        .order_by(Lower("source__name"), Lower("target__name"), "pk")
    )


FLOW_SHEETS: tuple[ExportSheet, ...] = (
    ExportSheet(
        "integrations",
        _("Integrations"),
        _integrations,
        (
            Column(_("From system"), related("source")),
            Column(_("To system"), related("target")),
            Column(_("Data carried"), names("data_objects")),
            field("method", _("Method")),
            field("frequency", _("Frequency")),
            field("runs_per_period", _("How many times")),
            field("minutes_per_run", _("Minutes of manual work per run")),
            field("error_rate_percent", _("Error rate (%)")),
            field("minutes_to_fix_error", _("Minutes to fix one error")),
            field("status", _("Status")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "data_objects",
        _("Data objects"),
        lambda org: (
            DataObject.objects.for_org(org).prefetch_related("master_systems").order_by("name_en")
        ),
        (
            field("name_de", _("Name (German)")),
            field("name_en", _("Name (English)")),
            Column(_("Master system(s)"), names("master_systems")),
            field("description", _("Description")),
        ),
    ),
)
