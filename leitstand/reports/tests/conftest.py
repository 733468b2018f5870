import subprocess

import pytest
from django.core.management import call_command

from leitstand.tenancy.models import Organisation


@pytest.fixture
def muster(db, monkeypatch, settings, tmp_path):
    """The demo company (loading it takes about 10 s: tests check several things at once)."""
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "secret-demo")
    call_command("load_demo", verbosity=0)
    return Organisation.objects.get(slug="muster-logistik")


def pdf_text(path) -> str:
    """The PDF's text as pdftotext reads it in document order, spaces normalised."""
    result = subprocess.run(
        ["/usr/bin/pdftotext", "-raw", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return " ".join(result.stdout.replace("\u00a0", " ").split())
