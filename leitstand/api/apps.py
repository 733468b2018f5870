from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "leitstand.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from leitstand.api.models import ApiToken

        auditlog.register(ApiToken, exclude_fields=["token_hash", "last_used_at"])
