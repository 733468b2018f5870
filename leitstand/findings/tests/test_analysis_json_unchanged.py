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
#: findings and gaps of issue 15 (e-invoices, GoBD archive, NIS2); retaken for issue 20 (RTO and
#: outage cost inherited only through automated flows often enough, wrap only with enough
#: manual hours, kinds of system, "retain, watch", TIME class following the strategy);
#: retaken when German hours became "h" and two capability names were no longer cut at a
#: comma (issue 21); retaken for issue 20's quick wins (JSON key quick_wins) and suite-first
#: overlap groups, for the company check's unmet TOP requirements as high findings, and for the
#: hardware age read from the resilience facts (support within 24 months cited first).
DIGESTS = {
    "baeckerei-beispiel/de": "56ba2d41b4babb057c2c449b1ac0c05e90700864f66490742c1191412aa557ab",
    "baeckerei-beispiel/en": "f4a851b519bc034d04e2e676716906f327811613e7746290e85c86a6b4b04446",
    "generated/de": "603bcac54f0ade9aa435c9a93dcacf33b1909a7228c83fc4a533fe70810beeec",
    "generated/en": "d5f99f5b9825198cac9d1a8b74c3228895b9a9a3984ac3e52d494517c1fee266",
    "muster-logistik/de": "255fdfa5fca142536b299bd205bc634b410ecddb90675f6d914bc75a970afbc9",
    "muster-logistik/en": "896f1862e7c517e36e49cf1bc0bd91f1375b1fe6cb0c0ea58740181f74d044e7",
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
