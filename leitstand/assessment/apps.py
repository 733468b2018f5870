from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "leitstand.assessment"
    verbose_name = _("Assessment and recommendations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.assessment import records
        from leitstand.assessment.demo import load_demo
        from leitstand.assessment.explanations import TEMPLATES
        from leitstand.assessment.exports import ASSESSMENT_SHEETS
        from leitstand.assessment.models import Assessment, RecommendationOverride
        from leitstand.assessment.panels import attention_section, recommendation_panel
        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import cockpit_sections, system_panels
        from leitstand.core.sheets import export_sheets
        from leitstand.core.wording import wording
        from leitstand.landscape.parts import snapshot_parts

        for model in (Assessment, RecommendationOverride):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        system_panels.register(recommendation_panel, order=10)
        cockpit_sections.register(attention_section, order=20)
        snapshot_parts.register("assessments", records.latest_assessments)
        snapshot_parts.register("overrides", records.override_records)
        wording.register(templates=TEMPLATES, order=20)
        export_sheets.register(*ASSESSMENT_SHEETS, order=110)
        demo_data.register(self, load_demo, order=30)
