from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "leitstand.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import initiative_panels, roadmap_sections
        from leitstand.core.sheets import export_sheets
        from leitstand.funding.demo import load_demo
        from leitstand.funding.exports import FUNDING_SHEETS
        from leitstand.funding.models import (
            DeMinimisAid,
            FundingFacts,
            FundingPlan,
            LinkedEnterprise,
        )
        from leitstand.funding.panels import initiative_panel, roadmap_section

        for model in (FundingFacts, LinkedEnterprise, DeMinimisAid, FundingPlan):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)

        initiative_panels.register(initiative_panel, order=50)
        roadmap_sections.register(roadmap_section, order=50)
        export_sheets.register(*FUNDING_SHEETS, order=150)
        # After the roadmap (200): plans name its initiatives and take their options' costs.
        demo_data.register(self, load_demo, order=220)
