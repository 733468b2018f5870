from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaturityConfig(AppConfig):
    name = "leitstand.maturity"
    label = "maturity"
    verbose_name = _("Digital maturity")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.core.sheets import export_sheets
        from leitstand.maturity.demo import load_demo
        from leitstand.maturity.exports import MATURITY_SHEETS
        from leitstand.maturity.models import MaturityAnswer, MaturityAssessment

        for model in (MaturityAssessment, MaturityAnswer):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        export_sheets.register(*MATURITY_SHEETS, order=140)
        # After the roadmap: its suggestions read the analysis of everything loaded before.
        demo_data.register(self, load_demo, order=210)
