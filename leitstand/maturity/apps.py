from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaturityConfig(AppConfig):
    name = "leitstand.maturity"
    label = "maturity"
    verbose_name = _("Digital maturity")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.maturity.models import MaturityAnswer, MaturityAssessment

        for model in (MaturityAssessment, MaturityAnswer):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
