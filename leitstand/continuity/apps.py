from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContinuityConfig(AppConfig):
    name = "leitstand.continuity"
    verbose_name = _("Business impact")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.continuity.cockpit import what_could_stop_us
        from leitstand.continuity.demo import load_demo
        from leitstand.continuity.explanations import CONTINUITY_KINDS, CONTINUITY_TEMPLATES
        from leitstand.continuity.exports import CONTINUITY_SHEETS
        from leitstand.continuity.models import BusinessImpact
        from leitstand.continuity.panels import business_impact_panel, outage_panel
        from leitstand.continuity.records import business_impact_records
        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import cockpit_sections, process_panels, system_panels
        from leitstand.core.sheets import export_sheets
        from leitstand.core.wording import wording
        from leitstand.landscape.parts import snapshot_parts

        auditlog.register(BusinessImpact, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        process_panels.register(business_impact_panel, order=5)
        system_panels.register(outage_panel, order=60)
        cockpit_sections.register(what_could_stop_us, order=15)
        snapshot_parts.register("business_impacts", business_impact_records, on_map=False)
        wording.register(templates=CONTINUITY_TEMPLATES, kinds=CONTINUITY_KINDS, order=40)
        export_sheets.register(*CONTINUITY_SHEETS, order=120)
        demo_data.register(self, load_demo, order=70)
