"""Uploads of imports that never finished: removed when gunicorn starts its workers
(gunicorn.conf.py) and by `leitstand cleanup_imports`.

An import keeps its uploaded file beside its record (history, "original file", the next list
of a workbook). A process killed midway (the command line imports a whole workbook in one
transaction) rolls its records back but leaves the file on disk with no record pointing to it.
Such files are removed once they are older than a grace period, so an import still running
in another process keeps its file. Previews nobody imported for a long time (drafts) are
removed with their files as well. An import record is never "running": it is a draft until
the one transaction that writes the import marks it done, so a killed import stays a draft
(or, from the command line, leaves no record at all). The staged rows of a large import
killed midway (leitstand/imports/staging.py) are removed here too.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from leitstand.imports import staging
from leitstand.imports.models import ImportRun

log = logging.getLogger(__name__)
UPLOADS = "imports"
#: A file younger than this may belong to an import that is still running.
GRACE = timedelta(hours=1)
#: Previews nobody imported for this long are forgotten.
DRAFTS_KEPT = timedelta(days=30)


@dataclass
class Cleaned:
    orphans: list[Path]
    drafts: int
    staged: int = 0


def uploads_folder() -> Path:
    return Path(settings.MEDIA_ROOT) / UPLOADS


def orphan_uploads(older_than: timedelta = GRACE) -> list[Path]:
    """Uploaded files no import record points to, older than `older_than`."""
    folder = uploads_folder()
    if not folder.is_dir():
        return []
    referenced = {
        (Path(settings.MEDIA_ROOT) / name).resolve()
        for name in ImportRun.objects.exclude(file="").values_list("file", flat=True)
    }
    deadline = time.time() - older_than.total_seconds()
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.resolve() not in referenced and path.stat().st_mtime < deadline
    )


def stale_drafts(older_than: timedelta = DRAFTS_KEPT):
    return ImportRun.objects.filter(
        status=ImportRun.Status.DRAFT, created_at__lt=timezone.now() - older_than
    )


def clean_up(
    older_than: timedelta = GRACE, drafts_older_than: timedelta | None = DRAFTS_KEPT
) -> Cleaned:
    """Remove orphaned uploads (and the folders they leave empty) and old drafts."""
    drafts = 0
    if drafts_older_than is not None:
        for run in stale_drafts(drafts_older_than):
            run.file.delete(save=False)
            run.delete()
            drafts += 1
    staged = staging.discard_abandoned(older_than)
    orphans = orphan_uploads(older_than)
    for path in orphans:
        path.unlink(missing_ok=True)
        _remove_empty_parents(path.parent)
    return Cleaned(orphans, drafts, staged)


def _remove_empty_parents(folder: Path) -> None:
    top = uploads_folder().resolve()
    folder = folder.resolve()
    while folder != top and top in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def on_start() -> None:
    """Called when a gunicorn worker starts (gunicorn.conf.py): a failure here is logged,
    never fatal."""
    try:
        cleaned = clean_up()
    except (DatabaseError, OSError):
        log.exception("Leftover import uploads could not be cleaned up at start")
        return
    if cleaned.orphans or cleaned.drafts:
        log.info(
            "Removed %s leftover import uploads and %s old import previews",
            len(cleaned.orphans),
            cleaned.drafts,
        )
