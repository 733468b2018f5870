"""`leitstand analyze --org SLUG [--json] [--language de]`: the analysis on the command line."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from leitstand.analysis import analyze
from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.core.wording import KINDS, SEVERITIES, render_all
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.tenancy.models import Organisation

SUMMARY_FINDINGS = 10


class Command(BaseCommand):
    help = "Analyse an organisation's landscape: manual effort, overlaps, dependencies, findings."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="The organisation's short name (slug).")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the whole analysis as JSON."
        )
        parser.add_argument(
            "--language", default="en", choices=["en", "de"], help="Language of the texts."
        )

    def handle(self, *args, org: str, as_json: bool = False, language: str = "en", **options):
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation with the short name {org!r}.")
        with translation.override(language):
            analysis = analyze(landscape_snapshot(organisation))
            if as_json:
                self._print_json(analysis)
            else:
                self._print_summary(analysis)

    def _print_json(self, analysis) -> None:
        self.stdout.write(json.dumps(analysis_as_json(analysis), ensure_ascii=False, indent=2))

    def _print_summary(self, analysis) -> None:
        totals = analysis.totals
        snapshot = analysis.snapshot
        lines = [
            _("%(org)s: %(systems)s systems, %(integrations)s integrations")
            % {
                "org": snapshot.settings.name,
                "systems": len(snapshot.systems),
                "integrations": len(snapshot.integrations),
            },
            _("Manual transfers: %(hours)s a year, %(eur)s, %(fte)s full-time equivalents")
            % {
                "hours": format_hours(totals.manual_hours),
                "eur": format_eur(totals.manual_eur),
                "fte": format_number(totals.manual_fte, 2),
            },
            f"  {render_all(analysis.totals_explanation)}",
            _("Overlapping systems: %(systems)s in %(capabilities)s capabilities")
            % {
                "systems": len(analysis.overlapping_system_ids),
                "capabilities": len(analysis.overlaps),
            },
            _("Findings: %(findings)s, data gaps: %(gaps)s")
            % {"findings": len(analysis.findings), "gaps": len(analysis.data_gaps)},
        ]
        for finding in analysis.findings[:SUMMARY_FINDINGS]:
            figure = format_eur(finding.eur_per_year) if finding.eur_per_year is not None else ""
            lines.append(
                f"- [{SEVERITIES[finding.severity]}] {KINDS[finding.kind]}: "
                f"{finding.subjects[0].name if finding.subjects else ''} {figure}".rstrip()
            )
        self.stdout.write("\n".join(lines))
