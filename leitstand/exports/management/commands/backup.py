"""`leitstand backup --out FILE [--org SLUG]`: every organisation (or one, with its people),
row for row, with the uploaded files; `leitstand restore FILE` loads it into an empty
instance. See leitstand/exports/backup.py and the README's "Backup and restore"."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.exports.backup import BackupProblem, write_backup
from leitstand.tenancy.models import Organisation


class Command(BaseCommand):
    help = (
        "Write a complete backup (JSON lines, gzip when FILE ends in .gz) of every "
        "organisation, or of one with --org; `leitstand restore FILE` loads it again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
        parser.add_argument("--org", metavar="SLUG", help="only this organisation and its people")

    def handle(self, *args, **options) -> None:
        organisation = None
        if options["org"]:
            try:
                organisation = Organisation.objects.get(slug=options["org"])
            except Organisation.DoesNotExist:
                raise CommandError(
                    f"No organisation with the short name {options['org']!r}."
                ) from None
        out = Path(options["out"])
        if not out.parent.is_dir():
            raise CommandError(f"The folder {out.parent} does not exist.")
        try:
            summary = write_backup(out, organisation)
        except (BackupProblem, OSError) as exc:
            raise CommandError(f"Backup failed: {exc}") from exc
        for name in summary.missing_files:
            self.stderr.write(f"missing upload (a row refers to it, the disk lacks it): {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {out} ({out.stat().st_size:,} bytes): {summary.rows:,} rows of "
                f"{sum(1 for n in summary.counts.values() if n)} tables, {summary.files} files."
            )
        )
