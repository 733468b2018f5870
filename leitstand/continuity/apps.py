from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContinuityConfig(AppConfig):
    name = "leitstand.continuity"
    verbose_name = _("Business impact")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.continuity.cockpit import what_could_stop_us
        from leitstand.continuity.models import BusinessImpact
        from leitstand.continuity.panels import business_impact_panel, outage_panel
        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.extensions import cockpit_sections, process_panels, system_panels

        auditlog.register(BusinessImpact, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        process_panels.register(business_impact_panel, order=5)
        system_panels.register(outage_panel, order=60)
        cockpit_sections.register(what_could_stop_us, order=15)
