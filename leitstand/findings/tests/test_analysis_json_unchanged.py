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
#: PostgreSQL alike.
DIGESTS = {
    "baeckerei-beispiel/de": "07a838cf5ee66cf970d1746d18a4242dcea20418da22f2c9dd544fa3fe145465",
    "baeckerei-beispiel/en": "950ef5c83e7cb8afceeddc2fffbc635c566b2dd2450730b5e9238b915a7762a5",
    "generated/de": "2b1ca50d2c9840ffe5535219a34d920703085121f8c51fed0486d39d382fdaf2",
    "generated/en": "50c62da47e237a11e3b34872d8c887d4ed24f7781fdbf95d41caf9d8110445f0",
    "muster-logistik/de": "2909f5319a82f96ec54cbcdebf2d05b99006214e1a183de8530813ac931b88ca",
    "muster-logistik/en": "6d3c80dd7420a9707864b26e6419539e026911a491ab176877c5de05bda7b3dd",
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
