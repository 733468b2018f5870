"""`leitstand report KIND --org SLUG --out FILE [--format pdf|xlsx] [--language de|en]`:
a report written to a file, and kept as a snapshot like one made on the reports page."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.reports import services
from leitstand.reports.models import ReportKind, ReportStatus
from leitstand.tenancy.models import Organisation

FORMATS = ("pdf", "xlsx")
LANGUAGES = ("de", "en")


class Command(BaseCommand):
    help = "Write a report (summary, consulting or risk) of an organisation to a file."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="summary, consulting or risk")
        parser.add_argument("--org", required=True, help="The organisation's short name (slug).")
        parser.add_argument("--out", required=True, help="The file to write.")
        parser.add_argument("--format", dest="file_format", default=None, choices=FORMATS)
        parser.add_argument("--language", default="de", choices=LANGUAGES)

    def handle(self, *args, kind, org, out, file_format=None, language="de", **options):
        if kind not in ReportKind.values:
            raise CommandError(
                f"Unknown report {kind!r}: choose one of {', '.join(ReportKind.values)}."
            )
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation with the short name {org!r}.")
        path = Path(out)
        file_format = file_format or ("xlsx" if path.suffix.lower() == ".xlsx" else "pdf")
        if not path.parent.is_dir():
            raise CommandError(f"The folder {str(path.parent)!r} does not exist.")
        snapshot = services.create_snapshot(
            organisation, kind, language, created_by_name="leitstand report"
        )
        snapshot = services.render_snapshot(snapshot)
        if snapshot.status != ReportStatus.DONE:
            raise CommandError(f"The report could not be written: {snapshot.error}")
        data = snapshot.pdf if file_format == "pdf" else snapshot.xlsx
        path.write_bytes(bytes(data))
        self.stdout.write(f"{path} ({len(data):,} bytes, {snapshot.get_kind_display()})")
