"""`leitstand restore FILE`: load a backup of `leitstand backup` into an empty instance of the
same version (after `leitstand migrate`), all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.exports.backup import BackupProblem, restore_backup


class Command(BaseCommand):
    help = (
        "Load a backup written by `leitstand backup` into this empty instance (migrated, "
        "nothing else in it), all or nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", metavar="FILE", help="the backup to load")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        try:
            summary = restore_backup(path)
        except (BackupProblem, OSError) as exc:
            raise CommandError(f"Nothing was restored: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary.rows:,} rows of "
                f"{sum(1 for n in summary.counts.values() if n)} tables and {summary.files} "
                f"files from {path}."
            )
        )
