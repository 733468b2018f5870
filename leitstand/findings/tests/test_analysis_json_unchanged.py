"""The analysis JSON of the demo and of a generated 1,000-system / 5,000-flow landscape, byte
for byte, in German and English, on a fixed day.

Moving code between modules (issue 23) must not change a single figure or word. If you change
the analysis on purpose, this test prints the new digests: replace DIGESTS with them and say
in the commit message what changed and why.
"""

import dataclasses
import hashlib
import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import translation

from bench.landscape import build_landscape
from leitstand.analysis import analyze
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.tenancy.models import Organisation

DAY = date(2026, 12, 1)

#: Taken on main before the layering of issue 23 landed (commit 3751d77), SQLite and
#: PostgreSQL alike; retaken when the JSON gained `finding_groups` (issue 16).
DIGESTS = {
    "baeckerei-beispiel/de": "3999f864b77595ce3eaf3919519a73498bc45c9de01514f8734ce36a9e0be78b",
    "baeckerei-beispiel/en": "8f1197631d3807b8cc874ed65765c317c2a2d4437e4cf4f28c093e2a78560101",
    "generated/de": "8fb20a3ee1ba7c1d1c28963a56e7adae9da31406182d0c5000401034aa738a2e",
    "generated/en": "f3e050ed97e795ecff0ab0ba51df3edf7cde890f314696065fc6cf0b7357e35d",
    "muster-logistik/de": "46db412edbbb90a5558dd57316fa1e24d908cfd3d319a360c6aa3c9f921b0f1d",
    "muster-logistik/en": "f19a9542772f97dafd2f822a2b25f3621a8baf6073b049f5e375cbfa6cbede55",
}


def _digest(organisation: Organisation, language: str) -> str:
    with translation.override(language):
        snapshot = dataclasses.replace(landscape_snapshot(organisation), as_of=DAY)
        document = json.dumps(analysis_as_json(analyze(snapshot)), ensure_ascii=False)
    return hashlib.sha256(document.encode()).hexdigest()


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_analysis_json_is_unchanged(monkeypatch):
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "not-used-here")
    call_command("load_demo", stdout=io.StringIO())
    build_landscape("generated", 1_000, 5_000)
    found = {
        f"{organisation.slug}/{language}": _digest(organisation, language)
        for organisation in Organisation.objects.order_by("slug")
        for language in ("de", "en")
    }
    assert found == DIGESTS, f"new digests: {json.dumps(found, indent=4)}"
