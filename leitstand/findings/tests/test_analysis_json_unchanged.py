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
#: eur_per_year); retaken when quick_wins.items listed every quick win without new technology
#: (issue 16, point 8: unneeded steps, licences of retired or unused systems, deputies; a kind,
#: cash and capacity apart and the first 12 months per item) and quick_wins.eur_per_year became
#: their sum; total, cash_eur_per_year, capacity_eur_per_year and list are unchanged.
DIGESTS = {
    "baeckerei-beispiel/de": "4c73e9ad6f74bcb9f7dfb4eec61052289c0cf9dcc1d31c4f89c5d9305f12c08a",
    "baeckerei-beispiel/en": "6dfede9a7384c737b721622e4a2263fd9798c274223effebfc9c4d0bdf081f20",
    "generated/de": "f1acaab458dbaf0bef5e7efcb6f7f51df22c4643dc0dd1000662b46d4da363b2",
    "generated/en": "5f2f7ee3b56a20213d8f7317052e4dac876f512b28886fa1c7dc44ae9c3e6035",
    "muster-logistik/de": "1964765b5243339ad0dd7c211a9bd47aea58c79debc1c86da1cd25f97d6167b2",
    "muster-logistik/en": "28f573dfecd6975a59e1fd4e10a6e85bdb49dbb3ef6c582ce922b8ece338f810",
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
