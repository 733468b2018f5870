from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlowsConfig(AppConfig):
    name = "leitstand.flows"
    verbose_name = _("Data flows")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.conf import settings

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import system_panels
        from leitstand.core.sheets import export_sheets
        from leitstand.flows import records
        from leitstand.flows.demo import load_demo
        from leitstand.flows.exports import FLOW_SHEETS
        from leitstand.flows.models import DataObject, Integration
        from leitstand.flows.panels import flows_panel
        from leitstand.landscape.parts import snapshot_parts
        from leitstand.landscape.size import landscape_size

        for model in (DataObject, Integration):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        system_panels.register(flows_panel, order=20)
        snapshot_parts.register("data_objects", records.data_object_records)
        snapshot_parts.register("masters", records.master_records)
        snapshot_parts.register("integrations", records.integration_records)
        landscape_size.register(
            "integrations",
            Integration.objects.all(),
            limit=lambda: settings.LEITSTAND_MAX_INTEGRATIONS,
        )
        export_sheets.register(*FLOW_SHEETS, order=20)
        demo_data.register(self, load_demo, order=20)
