from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "leitstand.roadmap"
    verbose_name = _("Roadmap")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.sheets import export_sheets
        from leitstand.roadmap.demo import load_demo
        from leitstand.roadmap.exports import ROADMAP_SHEETS
        from leitstand.roadmap.models import (
            ChangeChecklist,
            DroppedProposal,
            FindingState,
            Initiative,
            InitiativeDependency,
            InitiativeOption,
            Milestone,
            Phase,
        )

        for model in (
            FindingState,
            Initiative,
            InitiativeDependency,
            InitiativeOption,
            Phase,
            Milestone,
            ChangeChecklist,
            DroppedProposal,
        ):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        export_sheets.register(*ROADMAP_SHEETS, order=130)
        # Last: the roadmap's proposals come from the analysis of everything loaded before.
        demo_data.register(self, load_demo, order=200)
