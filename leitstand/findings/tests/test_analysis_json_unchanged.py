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
#: manual hours, kinds of system, "retain, watch", TIME class following the strategy).
DIGESTS = {
    "baeckerei-beispiel/de": "6f7263c43d961cb29bf5f8ffb0dc7fdb96d6e9ca0d858bc32b706967dca877aa",
    "baeckerei-beispiel/en": "02cdaa8b43a422a0908fdd714eb45514730a6ed44485d72fb9c3d5a9bc89bef8",
    "generated/de": "9c016c870c69d3fe551eb01f3727e7a041944380874296c46f4b490efd40950e",
    "generated/en": "4f4010198fd5ad4e03842977924cf91aa8847ee7814f4e8e14158433a50da029",
    "muster-logistik/de": "4debe10fa5c23bc4082681f87d1bb5745f3d0f84c07960392147961f79545fed",
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
