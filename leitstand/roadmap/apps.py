from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "leitstand.roadmap"
    verbose_name = _("Roadmap")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
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
