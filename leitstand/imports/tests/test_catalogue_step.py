"""The import proposes what the product catalogue knows for the names in a file."""

import datetime
import json

import pytest
from django.core.files import File
from django.core.files.base import ContentFile

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.imports import services
from leitstand.imports.display import display_rows
from leitstand.imports.tests.sme_corpus import EXPECTED, WORKBOOKS
from leitstand.imports.tests.test_corpus import overlaps_found
from leitstand.inventory.models import Hosting, System, SystemKind
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.onboarding.services import create_organisation

CSV = (
    b"System;Hosting;Hersteller\n"
    b"DATEV UO;;\n"
    b"M365 Business Std;On-Premises;Eigenbau\n"
    b"Win Server 2012R2;;\n"
    b"Kundenliste Vertrieb;;\n"
)


@pytest.fixture
def company(db, editor):
    return create_organisation(owner=editor, name="Spedition Nord GmbH", slug="spedition-nord")


def _run(company, editor, applied: bool | None = None):
    run = services.start_import(company, ContentFile(CSV), "systeme.csv", editor)
    if applied is not None:
        decisions = services.decisions_of(run)
        decisions.proposals["product_catalogue"] = applied
        services.save_decisions(run, decisions)
        run.save()
    return run


def test_preview_lists_the_catalogue_step_with_the_rows_it_fills(company, editor):
    plan = services.plan_run(_run(company, editor))
    groups = {group.step.key: group for group in plan.proposals}
    assert groups["product_catalogue"].applied
    filled = {(p.row.values["name"], p.field) for p in groups["product_catalogue"].proposals}
    assert ("DATEV UO", "vendor") in filled
    assert ("Win Server 2012R2", "end_of_support") in filled
    # The file's own values stay: M365's hosting and vendor cells are not empty.
    assert ("M365 Business Std", "hosting") not in filled
    assert ("M365 Business Std", "vendor") not in filled
    assert not any(name == "Kundenliste Vertrieb" for name, _ in filled)


def test_committed_rows_carry_the_catalogue_facts(company, editor):
    services.commit_run(_run(company, editor), editor)
    systems = {system.name: system for system in System.objects.for_org(company)}
    datev = systems["DATEV UO"]
    assert datev.kind == SystemKind.APPLICATION
    assert datev.vendor.name == "DATEV"
    assert datev.hosting == Hosting.SAAS
    assert "accounting" in {c.key for c in datev.capabilities.all()}
    server = systems["Win Server 2012R2"]
    assert server.kind == SystemKind.INFRASTRUCTURE
    assert server.end_of_support == datetime.date(2023, 10, 10)
    assert server.version
    office = systems["M365 Business Std"]
    assert office.kind == SystemKind.SUITE
    assert office.hosting == Hosting.ON_PREMISES  # what the file says wins
    assert office.vendor.name == "Eigenbau"
    assert systems["Kundenliste Vertrieb"].vendor is None


def test_switched_off_the_rows_keep_only_what_the_file_says(company, editor):
    services.commit_run(_run(company, editor, applied=False), editor)
    datev = System.objects.for_org(company).get(name="DATEV UO")
    assert datev.vendor is None
    assert not datev.capabilities.exists()
    assert datev.end_of_support is None


@pytest.mark.parametrize("applied", [True, False])
def test_two_crms_from_a_plain_list_are_found_to_overlap(company, editor, applied):
    """A list with only names: the catalogue gives HubSpot and Pipedrive their capability
    (customer relationship management), so the analysis finds the two tools overlapping;
    with the catalogue's proposals switched off nothing says what they do."""
    data = b"Software;Nutzer\nHubSpot CRM;12\nPipedrive;4\nLohnabrechnung intern;2\n"
    run = services.start_import(company, ContentFile(data), "tools.csv", editor)
    decisions = services.decisions_of(run)
    decisions.proposals["product_catalogue"] = applied
    services.save_decisions(run, decisions)
    run.save()
    services.commit_run(run, editor)
    analysis = analyze(landscape_snapshot(company))
    names = {s.id: s.name for s in analysis.snapshot.systems}
    groups = [{names[i] for i in group.system_ids} for group in analysis.overlaps]
    overlap = [f for f in analysis.findings if f.kind == Kind.OVERLAP]
    found = any({s.name for s in f.subjects} >= {"HubSpot CRM", "Pipedrive"} for f in overlap)
    assert ({"HubSpot CRM", "Pipedrive"} in groups) is applied
    assert found is applied


def _import_list(company, editor, key, tmp_path, applied: bool):
    path = WORKBOOKS[key].write(tmp_path)
    with path.open("rb") as handle:
        run = services.start_import(company, File(handle), path.name, editor)
    decisions = services.decisions_of(run)
    decisions.proposals["product_catalogue"] = applied
    services.save_decisions(run, decisions)
    run.save()
    return run


def _capabilities(company, name) -> set[str]:
    system = System.objects.for_org(company).get(name=name)
    return {c.key or c.name_de for c in system.capabilities.all()}


@pytest.mark.parametrize("applied", [True, False])
def test_two_crms_with_their_own_purpose_words_overlap_once_the_catalogue_adds_crm(
    company, editor, tmp_path, applied
):
    """The metal workshop's list says "Kunden" for HubSpot and "Vertrieb" for Pipedrive.
    "Kunden" is the CRM capability by its other names; "Vertrieb" is the file's own. The
    catalogue adds CRM beside "Vertrieb", so the two are found to overlap; switched off, the
    rows keep only what the file says and nothing overlaps."""
    services.commit_run(_import_list(company, editor, "metallbau", tmp_path, applied), editor)
    assert "Vertrieb" in _capabilities(company, "Pipedrive")  # the file's word stays
    assert ("crm" in _capabilities(company, "Pipedrive")) is applied
    assert "crm" in _capabilities(company, "HubSpot CRM")
    overlaps = overlaps_found(company)
    assert (overlaps.get("crm") == ["HubSpot CRM", "Pipedrive"]) is applied
    if not applied:
        assert overlaps == {}
    found = [
        {s.name for s in finding.subjects}
        for finding in analyze(landscape_snapshot(company)).findings
        if finding.kind == Kind.OVERLAP
    ]
    assert any(names >= {"HubSpot CRM", "Pipedrive"} for names in found) is applied


def test_preview_shows_the_capability_the_catalogue_adds_beside_the_files(
    company, editor, tmp_path
):
    plan = services.plan_run(_import_list(company, editor, "metallbau", tmp_path, True))
    group = next(g for g in plan.proposals if g.step.key == "product_catalogue")
    added = {p.row.values["name"]: p.value for p in group.proposals if p.field == "capabilities"}
    assert added["Pipedrive"] == ["Customer relationship management (CRM)"]
    assert (
        "HubSpot CRM" not in added
        or "Customer relationship management (CRM)" not in (added["HubSpot CRM"])
    )  # "Kunden" is CRM already
    assert group.beside_file >= 2
    column = [("", "Capabilities", "capabilities")]
    cells = {row.values["name"]: cell[0] for row, cell in display_rows(plan, column)}
    assert cells["Pipedrive"] == ("Vertrieb", "", "", "Customer relationship management (CRM)")


@pytest.mark.parametrize("key", ["metallbau", "zahnarzt", "bakery", "steuerberater"])
def test_lists_with_own_purpose_words_overlap_only_through_the_catalogue(
    company, editor, tmp_path, key
):
    """Each of these lists writes two tools of one capability with different words: with the
    catalogue switched off nothing overlaps (with it on, test_corpus compares the groups)."""
    services.commit_run(_import_list(company, editor, key, tmp_path, False), editor)
    assert overlaps_found(company) == {}
    expected = json.loads((EXPECTED / f"{key}.json").read_text(encoding="utf-8"))
    assert len(expected["overlaps"]) >= 2
