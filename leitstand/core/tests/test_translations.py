"""German is shipped complete: every catalogue entry translated, and no string left out of one."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGUES = sorted(ROOT.glob("leitstand/**/locale/de/LC_MESSAGES/django.po"))


def _key(entry: polib.POEntry) -> tuple:
    return (entry.msgctxt, entry.msgid)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_german_entry_is_translated(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy}"


def test_catalogues_hold_every_translatable_string(tmp_path):
    """Extract the strings afresh from a copy of the code; each must be in its catalogue."""
    shutil.copytree(
        ROOT / "leitstand",
        tmp_path / "leitstand",
        ignore=shutil.ignore_patterns("*.mo", "__pycache__"),
    )
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "manage.py").write_text((ROOT / "manage.py").read_text())
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "de",
            "--no-location",
            "--ignore=leitstand/demo/*",
            "-v0",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(tmp_path),
            "LEITSTAND_VAR_DIR": str(tmp_path / "var"),
        },
    )
    assert result.returncode == 0, result.stderr
    missing = {}
    for fresh_path in tmp_path.glob("leitstand/**/locale/de/LC_MESSAGES/django.po"):
        shipped_path = ROOT / fresh_path.relative_to(tmp_path)
        shipped = (
            {_key(e) for e in polib.pofile(str(shipped_path))} if shipped_path.exists() else set()
        )
        absent = [e.msgid for e in polib.pofile(str(fresh_path)) if _key(e) not in shipped]
        if absent:
            missing[str(shipped_path.relative_to(ROOT))] = absent
    assert not missing, f"run `make messages` and translate: {missing}"
