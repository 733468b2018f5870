"""Seventeen inventories as SMEs keep them, imported with no mapping and compared with their
expected results (corpus/<key>.json): counts, the sum of the annual costs, the people and
departments created, the merges proposed (and the person's answer), values nobody could
tell, the stored values of the systems and integrations, and the overlapping systems the
analysis finds afterwards (per capability)."""

import json
from decimal import Decimal

import pytest
from django.core.files import File

from leitstand.analysis import analyze
from leitstand.assessment.models import Assessment
from leitstand.flows.models import Integration
from leitstand.imports import services
from leitstand.imports.tests.sme_corpus import EXPECTED, WORKBOOKS
from leitstand.inventory.models import Capability, Department, Person, System
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.onboarding.services import create_organisation

pytestmark = pytest.mark.django_db


def _import_all_lists(org, path, expected) -> dict:
    """Import each list of the file as the pages do: answer the proposed merges as the
    expected file says, commit, go on to the next list."""
    with path.open("rb") as handle:
        run = services.start_import(org, File(handle), path.name, None)
    found = {"merges": {}, "unclear": {}}
    while True:
        plan = services.plan_run(run)
        decisions = services.decisions_of(run)
        for proposal in plan.merges:
            label = f"{proposal.reference}: {proposal.name} -> {proposal.same_as}"
            same = expected["merges"].get(label, False)
            found["merges"][label] = same
            decisions.decide_merge(
                proposal.reference, proposal.key, proposal.same_as_key if same else None
            )
        services.save_decisions(run, decisions)
        plan = services.plan_run(run)
        unclear = {f: notes.unclear for f, notes in plan.values.items() if notes.unclear}
        if unclear:
            found["unclear"][run.target] = unclear
        plan = services.commit_run(run, None, require_decisions=True)
        found[run.target] = {"created": plan.counts["create"], "skipped": plan.counts["skip"]}
        if run.target == "systems":
            found["assessments"] = plan.assessments
        if run.next_list is None:
            return found
        run = services.continue_import(run, None)


def _system_cells(org) -> dict:
    latest = {}
    for assessment in Assessment.objects.for_org(org).order_by("assessed_on", "pk"):
        latest[assessment.system_id] = [
            assessment.criticality,
            assessment.health,
            assessment.integration,
        ]
    systems = System.objects.for_org(org).select_related("owner")
    cells = {}
    for system in systems.prefetch_related("departments", "capabilities"):
        cells[system.name] = {
            "kind": system.kind,
            "hosting": system.hosting,
            "lifecycle": system.lifecycle,
            "owner": system.owner.name if system.owner else None,
            "departments": sorted(d.name for d in system.departments.all()),
            "capabilities": sorted(c.key or c.name_de for c in system.capabilities.all()),
            "annual_cost": None if system.annual_cost is None else str(system.annual_cost),
            "centrally_managed": system.centrally_managed,
            "personal_data": system.personal_data,
            "jurisdiction": system.jurisdiction,
            "end_of_support": system.end_of_support and system.end_of_support.isoformat(),
            "assessment": latest.get(system.pk),
        }
    return cells


def _number(value) -> str | None:
    return None if value is None else str(value.normalize())


def _integration_cells(org) -> dict:
    flows = Integration.objects.for_org(org).select_related("source", "target")
    return {
        f"{flow.source.name} -> {flow.target.name}": {
            "method": flow.method,
            "frequency": flow.frequency,
            "runs_per_period": _number(flow.runs_per_period),
            "minutes_per_run": _number(flow.minutes_per_run),
            "error_rate_percent": _number(flow.error_rate_percent),
            "status": flow.status,
        }
        for flow in flows
    }


def overlaps_found(org) -> dict:
    """Capability (its key, or its name when the file made it) -> the overlapping systems."""
    analysis = analyze(landscape_snapshot(org))
    names = {system.id: system.name for system in analysis.snapshot.systems}
    capabilities = {c.pk: c.key or c.name_de for c in Capability.objects.for_org(org)}
    return {
        capabilities[group.capability_id]: sorted(names[pk] for pk in group.system_ids)
        for group in analysis.overlaps
    }


@pytest.mark.parametrize("key", sorted(WORKBOOKS))
def test_a_real_looking_inventory_imports_as_its_owner_expects(key, tmp_path):
    expected = json.loads((EXPECTED / f"{key}.json").read_text(encoding="utf-8"))
    workbook = WORKBOOKS[key]
    assert expected["file"] == workbook.file_name
    path = workbook.write(tmp_path)
    org = create_organisation(owner=None, name=key, slug=key.replace("_", "-"))

    found = _import_all_lists(org, path, expected)

    assert found["merges"] == expected["merges"]
    assert found["unclear"] == expected["unclear"]
    assert found["systems"] == expected["systems"]
    assert found.get("integrations") == expected.get("integrations")
    assert found["assessments"] == expected["assessments"]
    assert sorted(Person.objects.for_org(org).values_list("name", flat=True)) == expected["people"]
    departments = Department.objects.for_org(org).values_list("name", flat=True)
    assert sorted(departments) == expected["departments"]
    costs = System.objects.for_org(org).values_list("annual_cost", flat=True)
    assert str(sum(cost or Decimal(0) for cost in costs)) == expected["annual_cost_sum"]
    assert _system_cells(org) == expected["systems_cells"]
    assert _integration_cells(org) == expected.get("integration_cells", {})
    assert overlaps_found(org) == expected["overlaps"]


def test_the_corpus_covers_what_the_issue_asks_for():
    """At least twelve files; German and English; CSV and xlsx; systems with integrations."""
    assert len(WORKBOOKS) >= 12
    suffixes = {workbook.file_name.rsplit(".", 1)[1] for workbook in WORKBOOKS.values()}
    assert {"xlsx", "csv", "txt"} <= suffixes
    with_flows = [w for w in WORKBOOKS.values() if len(w.sheets) > 1]
    assert len(with_flows) >= 3
