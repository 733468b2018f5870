from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindingsConfig(AppConfig):
    name = "leitstand.findings"
    verbose_name = _("Findings")

    def ready(self) -> None:
        from leitstand.core.extensions import cockpit_sections
        from leitstand.core.wording import wording
        from leitstand.findings import explanations
        from leitstand.findings.cockpit import findings_section

        cockpit_sections.register(findings_section, order=10)
        wording.register(
            templates=explanations.LANDSCAPE_TEMPLATES,
            kinds=explanations.LANDSCAPE_KINDS,
            gap_fields=explanations.LANDSCAPE_GAP_FIELDS,
            terms=explanations.LANDSCAPE_TERMS,
            order=10,
        )
