from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "leitstand.reports"
    verbose_name = _("Reports and findings")

    def ready(self) -> None:
        from leitstand.core.extensions import cockpit_sections
        from leitstand.reports.cockpit import findings_section

        cockpit_sections.register(findings_section, order=10)
