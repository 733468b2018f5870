"""Uploads of imports that never finished are removed (on start and by a command); records
of finished imports and their files stay; an import still running keeps its file."""

import os
import runpy
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from leitstand.imports import cleanup
from leitstand.imports.models import ImportRun
from leitstand.imports.tests.factories import ImportRunFactory

pytestmark = pytest.mark.django_db


def _orphan(name: str, hours_old: float) -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports" / "7" / name / "liste.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK\x03\x04 left behind by a killed import")
    then = time.time() - hours_old * 3600
    os.utime(path, (then, then))
    return path


def test_leftover_uploads_go_fresh_ones_and_those_of_records_stay(org, capsys):
    done = ImportRunFactory(organisation=org, status=ImportRun.Status.DONE)
    draft = ImportRunFactory(organisation=org)
    old = _orphan("a1", hours_old=3)
    running = _orphan("b2", hours_old=0.1)  # maybe an import still running elsewhere

    call_command("cleanup_imports")

    assert not old.exists() and not old.parent.exists()  # its empty folder goes too
    assert running.exists()
    assert Path(done.file.path).exists() and Path(draft.file.path).exists()
    assert "Removed 1 leftover files and 0 old previews." in capsys.readouterr().out


def test_previews_nobody_imported_for_a_month_are_forgotten_with_their_file(org):
    stale = ImportRunFactory(organisation=org)
    ImportRun.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=40))
    recent = ImportRunFactory(organisation=org)
    finished = ImportRunFactory(organisation=org, status=ImportRun.Status.DONE)
    ImportRun.objects.filter(pk=finished.pk).update(created_at=timezone.now() - timedelta(days=400))
    stale_file = Path(stale.file.path)

    cleaned = cleanup.clean_up()

    assert cleaned.drafts == 1 and not stale_file.exists()
    assert set(ImportRun.objects.values_list("pk", flat=True)) == {recent.pk, finished.pk}


def test_a_dry_run_lists_and_keeps(org, capsys):
    old = _orphan("c3", hours_old=5)
    call_command("cleanup_imports", "--dry-run")
    assert old.exists()
    assert f"would remove {old}" in capsys.readouterr().out


def test_a_worker_start_cleans_up_and_never_fails(org, monkeypatch, caplog):
    old = _orphan("d4", hours_old=2)
    cleanup.on_start()
    assert not old.exists()

    def broken(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(cleanup, "orphan_uploads", broken)
    cleanup.on_start()  # logged, not raised
    assert "could not be cleaned up" in caplog.text


def test_gunicorn_workers_clean_up_when_they_start(org, monkeypatch, tmp_path):
    """gunicorn reads gunicorn.conf.py from the project folder; its worker hook cleans up."""
    old = _orphan("e5", hours_old=2)
    # Reading the file sets PROMETHEUS_MULTIPROC_DIR if unset: kept to this test, or every
    # command a later test starts would count its metrics in var/prometheus/, which a test
    # starting gunicorn empties (a command then failed with FileNotFoundError).
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "prometheus"))
    hooks = runpy.run_path(str(Path(__file__).resolve().parents[3] / "gunicorn.conf.py"))
    hooks["post_worker_init"](None)
    assert not old.exists()
