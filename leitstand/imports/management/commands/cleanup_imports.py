"""`leitstand cleanup_imports [--older-than MINUTES] [--drafts-older-than DAYS] [--dry-run]`

Removes uploaded files of imports that never finished (no import record points to them, for
example after a killed command-line import) and previews nobody imported for a long time.
gunicorn workers do the same with the defaults when they start (gunicorn.conf.py).
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from leitstand.imports import cleanup


class Command(BaseCommand):
    help = "Remove uploaded files of imports that never finished, and old unfinished previews."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=int(cleanup.GRACE.total_seconds() // 60),
            metavar="MINUTES",
            help="only files at least this old: an import still running keeps its file "
            "(default %(default)s)",
        )
        parser.add_argument(
            "--drafts-older-than",
            type=int,
            default=cleanup.DRAFTS_KEPT.days,
            metavar="DAYS",
            help="also forget previews not imported for this many days (default "
            "%(default)s; 0 keeps them all)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be removed, remove nothing"
        )

    def handle(self, *args, **options) -> None:
        older_than = timedelta(minutes=options["older_than"])
        days = options["drafts_older_than"]
        drafts_older_than = timedelta(days=days) if days > 0 else None
        if options["dry_run"]:
            orphans = cleanup.orphan_uploads(older_than)
            drafts = cleanup.stale_drafts(drafts_older_than).count() if drafts_older_than else 0
            for path in orphans:
                self.stdout.write(f"would remove {path}")
            self.stdout.write(f"Would remove {len(orphans)} files and {drafts} old previews.")
            return
        cleaned = cleanup.clean_up(older_than, drafts_older_than)
        for path in cleaned.orphans:
            self.stdout.write(f"removed {path}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {len(cleaned.orphans)} leftover files and {cleaned.drafts} old previews."
            )
        )
