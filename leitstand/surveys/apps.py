from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "leitstand.surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.extensions import process_panels
        from leitstand.surveys.demo import load_demo
        from leitstand.surveys.models import Survey, SurveyQuestion
        from leitstand.surveys.panels import survey_panel

        # Answers are not audited: the change log would tie them to a time.
        for model in (Survey, SurveyQuestion):
            auditlog.register(model, exclude_fields=[*AUDIT_EXCLUDED_FIELDS, "token"])
        process_panels.register(survey_panel, order=20)
        demo_data.register(self, load_demo, order=60)
