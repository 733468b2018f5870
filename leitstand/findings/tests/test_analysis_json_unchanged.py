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
#: hardware age read from the resilience facts (support within 24 months cited first); retaken
#: when quick_wins gained the keys issue 16 names (eur_per_year, items with subject, action,
#: eur_per_year).
DIGESTS = {
    "baeckerei-beispiel/de": "e731b8f84aa0090ac60a816c59c8295b0f183ccad4ea259fef867a1fb8657812",
    "baeckerei-beispiel/en": "ed64519ab67a29902c9b1fc377c5e91801b80c6e89f7789e1cb977631099da9e",
    "generated/de": "bc63deed62f9ebde9f88fbe259ffeb31b7780efe5822f0d7f53312ca32f05744",
    "generated/en": "f9411d8350c5bd3301e4001e8cc59481de2d66eb982dffafb00e7189a8c79edf",
    "muster-logistik/de": "5b4f5c818e2328f7152a56b4cdaa4ea5facdfd5925ec24c8237295c44cd47bdf",
    "muster-logistik/en": "729e07b8b864fe4bea62eb734cbdee5172c078a38519086e245f4034852e53f3",
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
