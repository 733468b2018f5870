from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityCheckConfig(AppConfig):
    name = "leitstand.security_check"
    label = "security_check"
    verbose_name = _("Company check")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.core.audit import AUDIT_EXCLUDED_FIELDS
        from leitstand.core.demo import demo_data
        from leitstand.landscape.parts import snapshot_parts
        from leitstand.security_check.demo import load_demo
        from leitstand.security_check.models import Answer, SecurityCheck
        from leitstand.security_check.records import company_check_record

        for model in (SecurityCheck, Answer):
            auditlog.register(model, exclude_fields=AUDIT_EXCLUDED_FIELDS)
        snapshot_parts.register("company_check", company_check_record, on_map=False)
        demo_data.register(self, load_demo, order=90)
