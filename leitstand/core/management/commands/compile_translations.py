"""`leitstand compile_translations`: .po catalogues to .mo, without GNU gettext installed."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogue_folders() -> list[Path]:
    """The project's locale folder and each Leitstand app's own."""
    folders = [Path(folder) for folder in settings.LOCALE_PATHS]
    folders += [
        Path(app.path) / "locale"
        for app in apps.get_app_configs()
        if app.name.startswith("leitstand.")
    ]
    return folders


class Command(BaseCommand):
    help = "Compile the German and English message catalogues of Leitstand and its apps."

    def handle(self, *args, **options):
        catalogues = [
            po for folder in catalogue_folders() for po in folder.glob("*/LC_MESSAGES/*.po")
        ]
        if not catalogues:
            raise CommandError("No message catalogues found.")
        compiled = 0
        for po_path in catalogues:
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(mo_path))
            compiled += 1
            # English is the source language: its catalogues stay empty on purpose.
            if po_path.parts[-3] != "en" and catalogue.percent_translated() < 100:
                self.stderr.write(
                    f"{po_path}: {len(catalogue.untranslated_entries())} strings not translated"
                )
        if compiled and options["verbosity"] >= 1:
            self.stdout.write(f"Translations: {compiled} catalogues compiled.")
