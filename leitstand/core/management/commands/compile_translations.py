"""`leitstand compile_translations`: .po catalogues to .mo, without GNU gettext installed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile the German and English message catalogues (leitstand/locale/*/LC_MESSAGES/*.po)."
    )

    def handle(self, *args, **options):
        catalogues = [
            po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po")
        ]
        if not catalogues:
            raise CommandError("No message catalogues found under LOCALE_PATHS.")
        for po_path in catalogues:
            catalogue = polib.pofile(str(po_path))
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            catalogue.save_as_mofile(str(mo_path))
            self.stdout.write(
                f"{po_path.parent.parent.name}: {catalogue.percent_translated()} % translated"
            )
