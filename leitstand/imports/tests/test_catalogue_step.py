"""The import proposes what the product catalogue knows for the names in a file."""

import datetime

import pytest
from django.core.files.base import ContentFile

from leitstand.imports import services
from leitstand.inventory.models import Hosting, System, SystemKind
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
    from leitstand.analysis import analyze
    from leitstand.analysis.findings import Kind
    from leitstand.landscape.snapshot import landscape_snapshot

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
