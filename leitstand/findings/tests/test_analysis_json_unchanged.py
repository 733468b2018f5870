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
#: comma (issue 21).
DIGESTS = {
    "baeckerei-beispiel/de": "ed3984f325f63ed974f00a2089cd9ab8cd37b6f66f46c6672e8210552fa9b3da",
    "baeckerei-beispiel/en": "02cdaa8b43a422a0908fdd714eb45514730a6ed44485d72fb9c3d5a9bc89bef8",
    "generated/de": "3a350d1ae43e11ec58ef76deea315a266868e9f609a916c421a668c4640e11bc",
    "generated/en": "f3ede9860336bff333856b25e26f9e6c31004deaa82d7b12e2c164d97ee4adaa",
    "muster-logistik/de": "d9861d149b57e5dc69588ffa29ed15748fcdba95a4a7a7bf3c60c5e2c4c06fe7",
    "muster-logistik/en": "ff19613665837f957b7310ce29a23c9295586e9a916fbe24177c9892175fbd77",
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
