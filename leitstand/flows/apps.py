from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlowsConfig(AppConfig):
    name = "leitstand.flows"
    verbose_name = _("Data flows")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.extensions import system_panels
        from leitstand.flows.models import DataObject, Integration
        from leitstand.flows.panels import flows_panel

        for model in (DataObject, Integration):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        system_panels.register(flows_panel, order=20)
