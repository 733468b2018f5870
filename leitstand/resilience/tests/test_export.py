"""The resilience facts travel in the complete JSON export, and the findings come out the same."""

import json
from dataclasses import replace
from datetime import date

import pytest

from leitstand.analysis import analyze
from leitstand.demo.loader import MUSTER_LOGISTIK, load_organisation
from leitstand.exports.document import export_document, load_document
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.onboarding.services import create_organisation

pytestmark = pytest.mark.django_db

RESILIENCE_KINDS = {
    "no_restore_test",
    "no_emergency_plan",
    "missing_two_factor",
    "end_of_support",
    "single_person_dependency",
    "vendor_concentration",
    "personal_data_outside_eu",
}


def _resilience_findings(organisation) -> list:
    snapshot = replace(landscape_snapshot(organisation), as_of=date(2026, 11, 23))
    return sorted(
        (f.kind, f.severity, tuple(s.name for s in f.subjects))
        for f in analyze(snapshot).findings
        if f.kind in RESILIENCE_KINDS
    )


def test_the_demo_resilience_facts_survive_a_json_round_trip(owner):
    demo = load_organisation(MUSTER_LOGISTIK, {})
    document = json.loads(json.dumps(export_document(demo)))
    assert len(document["system_resilience"]) == 15
    copy = create_organisation(owner=owner, name="Copy GmbH", slug="copy")
    counts = load_document(copy, document)
    assert counts["system_resilience"] == 15
    copied = {row["restore_duration_hours"] for row in export_document(copy)["system_resilience"]}
    assert "10.00" in copied
    assert _resilience_findings(copy) == _resilience_findings(demo)
