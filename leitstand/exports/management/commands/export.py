"""`leitstand export --org SLUG --format xlsx|csv|json --out PATH`"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from leitstand.exports.services import FORMATS, export_to_path
from leitstand.tenancy.models import Organisation


class Command(BaseCommand):
    help = (
        "Export an organisation: xlsx (one sheet per entity), csv (one file per entity in the "
        "folder PATH, or a .zip) or json (complete; `leitstand import` loads it again)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--org", required=True, help="the organisation's short name (slug)")
        parser.add_argument("--format", required=True, choices=FORMATS, dest="export_format")
        parser.add_argument("--out", required=True, help="file (or folder for csv) to write")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of headers and yes/no words",
        )

    def handle(self, *args, **options) -> None:
        try:
            organisation = Organisation.objects.get(slug=options["org"])
        except Organisation.DoesNotExist:
            raise CommandError(f"No organisation with the short name {options['org']!r}.") from None
        out = Path(options["out"])
        if options["export_format"] != "csv" and not out.parent.is_dir():
            raise CommandError(f"The folder {out.parent} does not exist.")
        with translation.override(options["language"]):
            try:
                written = export_to_path(organisation, options["export_format"], out)
            except OSError as exc:
                raise CommandError(f"Cannot write {out}: {exc}") from exc
        for path in written:
            self.stdout.write(f"Wrote {path} ({path.stat().st_size:,} bytes)")
        self.stdout.write(self.style.SUCCESS(f"Exported {organisation.name}."))
