from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityCheckConfig(AppConfig):
    name = "leitstand.security_check"
    label = "security_check"
    verbose_name = _("Company check")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.security_check.models import Answer, SecurityCheck

        for model in (SecurityCheck, Answer):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
