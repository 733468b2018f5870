"""Processes, steps, scenarios, KPIs and measurements travel in the complete JSON export."""

import json

import pytest

from leitstand.analysis import analyze
from leitstand.demo.loader import MUSTER_LOGISTIK, load_organisation
from leitstand.exports.document import export_document, load_document
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.onboarding.services import create_organisation

pytestmark = pytest.mark.django_db


def _figures(organisation) -> dict:
    data = analysis_as_json(analyze(landscape_snapshot(organisation)))
    return {
        "processes": [{k: v for k, v in p.items() if k != "id"} for p in data["processes"]],
        "automation_candidates": data["automation_candidates"],
        "process_totals": data["process_totals"],
    }


def test_the_demo_processes_survive_a_json_round_trip(owner):
    demo = load_organisation(MUSTER_LOGISTIK, {})
    document = json.loads(json.dumps(export_document(demo)))
    assert len(document["process_steps"]) == 10
    assert document["automation_scenarios"][0]["steps"]
    copy = create_organisation(owner=owner, name="Copy GmbH", slug="copy")
    counts = load_document(copy, document)
    assert counts["processes"] == 3 and counts["kpi_measurements"] == len(
        document["kpi_measurements"]
    )
    assert _figures(copy) == _figures(demo)
