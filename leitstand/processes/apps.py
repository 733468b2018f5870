from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "leitstand.processes"
    verbose_name = _("Processes")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.extensions import cockpit_sections
        from leitstand.processes.cockpit import automation_section
        from leitstand.processes.models import AutomationScenario, Process, ProcessStep

        for model in (Process, ProcessStep, AutomationScenario):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        cockpit_sections.register(automation_section, order=30)
