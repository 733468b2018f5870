from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResilienceConfig(AppConfig):
    name = "leitstand.resilience"
    verbose_name = _("Resilience")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import system_panels
        from leitstand.core.wording import wording
        from leitstand.landscape.parts import snapshot_parts
        from leitstand.resilience import explanations
        from leitstand.resilience.demo import load_demo
        from leitstand.resilience.models import SystemResilience
        from leitstand.resilience.panels import resilience_panel
        from leitstand.resilience.records import resilience_records

        auditlog.register(SystemResilience, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        system_panels.register(resilience_panel, order=30)
        snapshot_parts.register("resilience", resilience_records, on_map=False)
        wording.register(
            templates=explanations.RESILIENCE_TEMPLATES,
            kinds=explanations.RESILIENCE_KINDS,
            gap_fields=explanations.RESILIENCE_GAP_FIELDS,
            order=50,
        )
        demo_data.register(self, load_demo, order=80)
