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
#: PostgreSQL alike; retaken when the JSON gained `finding_groups` (issue 16) and the deadline
#: findings and gaps of issue 15 (e-invoices, GoBD archive, NIS2).
DIGESTS = {
    "baeckerei-beispiel/de": "562ceaf55ecbe7b9b6a5cf5c3b0b7d59825bd64a9db688c88768884a940f77dd",
    "baeckerei-beispiel/en": "db940e7ef2362b5da490689d2745069386c43392b793ba5b456d52293396d1db",
    "generated/de": "62a2fab3fd423f0db7323240f7cb2b3b29aa873ea17d82235147481f73a2963d",
    "generated/en": "f9a60d62ea9b3b479bede14e9cf671a4c9e6846086de70a143727b5487e6de67",
    "muster-logistik/de": "695512f555620cd9a701005910c1642c02631821de9da448a56ca29214341db4",
    "muster-logistik/en": "a8be53a17096b9db7d6e0128f49d70fd412d05309ae3e4d738468b1246f763a7",
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
