from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "leitstand.processes"
    verbose_name = _("Processes")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import cockpit_sections
        from leitstand.core.sheets import export_sheets
        from leitstand.core.wording import wording
        from leitstand.landscape.parts import snapshot_parts
        from leitstand.processes.cockpit import automation_section
        from leitstand.processes.demo import load_demo
        from leitstand.processes.explanations import PROCESS_KINDS, PROCESS_TEMPLATES
        from leitstand.processes.exports import PROCESS_SHEETS
        from leitstand.processes.models import AutomationScenario, Process, ProcessStep
        from leitstand.processes.records import process_records

        for model in (Process, ProcessStep, AutomationScenario):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        cockpit_sections.register(automation_section, order=30)
        snapshot_parts.register("processes", process_records, on_map=False)
        export_sheets.register(*PROCESS_SHEETS, order=80)
        wording.register(templates=PROCESS_TEMPLATES, kinds=PROCESS_KINDS, order=30)
        demo_data.register(self, load_demo, order=40)
