from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "leitstand.assessment"
    verbose_name = _("Assessment and recommendations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.assessment.models import Assessment, RecommendationOverride
        from leitstand.assessment.panels import attention_section, recommendation_panel
        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.extensions import cockpit_sections, system_panels

        for model in (Assessment, RecommendationOverride):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        system_panels.register(recommendation_panel, order=10)
        cockpit_sections.register(attention_section, order=20)
