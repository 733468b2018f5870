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
    "generated/de": "773a16dab465b6a00100cbc183fa53d7f70341313471e41e77c0abed04c69cde",
    "generated/en": "d20428fdd727d1f3d560770d623a08086eb2d0cbadb307e52d01064b0bb920df",
    "muster-logistik/de": "3244d0fef0fd4464287776a7f14f416c8f381261912f0229fcfc1d93def751a9",
    "muster-logistik/en": "3d3d270a4fbadcc56e39cf12403efc92979866db12773876187fb508270dd918",
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
