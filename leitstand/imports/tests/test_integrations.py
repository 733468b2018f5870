"""Importing lists of integrations (data flows): found by their headers, matched to systems by
name, re-imported without duplicates, and after the systems of the same workbook."""

from decimal import Decimal
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files import File

from leitstand.exports.services import export_xlsx
from leitstand.flows.models import DataObject, Integration
from leitstand.flows.services import seed_data_objects
from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.imports import services
from leitstand.imports.models import ImportRun
from leitstand.imports.reader import FileProblem
from leitstand.imports.tests.corpus import (
    LANDSCAPE_SYSTEMS,
    german_csv_bytes,
    integrations_csv_bytes,
    write_integrations_xlsx,
    write_landscape_xlsx,
)
from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import SystemFactory


def upload(org, path: Path, actor=None, target=None) -> ImportRun:
    with path.open("rb") as handle:
        return services.start_import(org, File(handle), path.name, actor, target)


@pytest.fixture
def landscape(org):
    """The organisation's systems and its catalogue of data objects."""
    seed_data_objects(org)
    return {name: SystemFactory(organisation=org, name=name) for name in LANDSCAPE_SYSTEMS}


@pytest.fixture
def flows_xlsx(tmp_path):
    return write_integrations_xlsx(tmp_path / "Schnittstellen.xlsx")


def _flows(org) -> dict[tuple[str, str, str], Integration]:
    found = Integration.objects.for_org(org).select_related("source", "target")
    return {(flow.source.name, flow.target.name, flow.method): flow for flow in found}


def test_a_sheet_with_from_and_to_columns_is_found_as_integrations(org, flows_xlsx):
    run = upload(org, flows_xlsx)
    assert run.target == "integrations"
    assert run.sheet == "Schnittstellen"
    assert run.header_row == 2  # below the merged title and a spacer row
    assert run.mapping == {
        "0": "source",
        "1": "target",
        "2": "data_objects",
        "3": "method",
        "4": "frequency",
        "5": "minutes_per_run",
        "6": "error_rate_percent",
        "7": "minutes_to_fix_error",
        "8": "status",
        "9": "notes",
    }


def test_a_list_of_systems_is_still_found_as_systems(org, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(german_csv_bytes())
    assert upload(org, path).target == "systems"


def test_messy_german_integrations_are_imported(org, editor, landscape, flows_xlsx):
    plan = services.commit_run(upload(org, flows_xlsx, editor), editor)
    assert plan.counts == {"create": 6, "update": 0, "unchanged": 0, "skip": 5}
    flows = _flows(org)
    typed = flows["Webshop", "ERP", "manual"]
    assert (typed.frequency, typed.runs_per_period) == ("day", Decimal(40))  # "40 pro Tag"
    assert typed.minutes_per_run == Decimal("17.5")  # "15-20"
    assert typed.error_rate_percent == Decimal(2)  # "2 %"
    assert typed.minutes_to_fix_error == Decimal(10)
    assert {str(item) for item in typed.data_objects.all()} == {"Orders", "Customers"}
    copied = flows["CRM", "ERP", "spreadsheet"]  # "Copy & Paste", "2x wöchentlich"
    assert (copied.frequency, copied.runs_per_period) == ("week", Decimal(2))
    assert copied.minutes_per_run == Decimal(20)  # "ca. 20 Min."
    mailed = flows["Zeiterfassung", "Lohn", "email"]
    assert (mailed.minutes_per_run, mailed.status) == (Decimal(90), "planned")  # "1,5 Std."
    assert flows["ERP", "DATEV", "file"].error_rate_percent == Decimal("2.5")
    webhook = flows["ERP", "Lager-App", "event"]  # "erp": system names ignore case
    assert (webhook.frequency, webhook.runs_per_period) == ("event", None)
    assert flows["DATEV", "Lohn", "file"].error_rate_percent == Decimal(3)


def test_skipped_rows_say_why_in_plain_words(org, editor, landscape, flows_xlsx):
    run = upload(org, flows_xlsx, editor)
    services.commit_run(run, editor)
    run.refresh_from_db()
    reasons = {row["row"]: (row["name"], row["reason"]) for row in run.report["skipped"]}
    assert reasons[9] == (
        "Altes Tool → ERP",
        "From system: There is no system “Altes Tool”. Add it to the inventory (or import the "
        "systems first), then import this list again.",
    )
    assert "from a system to itself" in reasons[10][1]
    assert "“Brieftaube” is not understood" in reasons[11][1]
    assert "viel" not in reasons[11][1]  # an optional cell never decides a skip
    assert reasons[12][1] == "Same systems and method as row 4; only the first is imported."
    assert reasons[15][1] == "A totals row, not an integration."


def test_data_objects_that_do_not_exist_yet_are_created_and_listed(
    org, editor, landscape, flows_xlsx
):
    run = upload(org, flows_xlsx, editor)
    plan = services.plan_run(run)
    assert plan.new_names() == {"data_objects": ["Newsletter-Kontakte"]}
    services.commit_run(run, editor)
    created = DataObject.objects.for_org(org).get(name_de="Newsletter-Kontakte")
    assert created.name_en == "Newsletter-Kontakte" and created.key == ""
    assert DataObject.objects.for_org(org).count() == 19  # the 18 of the catalogue, and one


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("cp1252", ";"), ("utf-8-sig", ";"), ("utf-8", ",")]
)
def test_csv_of_integrations_in_any_dialect(org, editor, landscape, tmp_path, encoding, delimiter):
    path = tmp_path / "schnittstellen.csv"
    path.write_bytes(integrations_csv_bytes(encoding, delimiter))
    run = upload(org, path, editor)
    assert (run.target, run.header_row) == ("integrations", 2)
    plan = services.commit_run(run, editor)
    assert plan.counts == {"create": 5, "update": 0, "unchanged": 0, "skip": 5}
    assert "Zeiterfassung" in {flow.source.name for flow in Integration.objects.for_org(org)}


def test_reimporting_counts_unchanged_and_updates_what_changed(
    org, editor, landscape, flows_xlsx, tmp_path
):
    services.commit_run(upload(org, flows_xlsx), editor)
    again = services.commit_run(upload(org, flows_xlsx), editor)
    assert again.counts == {"create": 0, "update": 0, "unchanged": 6, "skip": 5}
    path = tmp_path / "changed.csv"
    path.write_bytes(
        "Quelle;Ziel;Methode;Aufwand (Min.);Daten\n"
        "WEBSHOP;erp;von Hand;25;Aufträge\n"
        "Webshop;ERP;API;;\n".encode()
    )
    plan = services.commit_run(upload(org, path), editor)
    assert plan.counts == {"create": 1, "update": 1, "unchanged": 0, "skip": 0}
    typed = _flows(org)["Webshop", "ERP", "manual"]
    assert typed.minutes_per_run == Decimal(25)
    assert typed.runs_per_period == Decimal(40)  # not in the file: left as it was
    assert [str(item) for item in typed.data_objects.all()] == ["Orders"]
    assert Integration.objects.for_org(org).count() == 7


def test_an_existing_flow_is_matched_by_system_names_and_method(org, editor, landscape, tmp_path):
    existing = IntegrationFactory(
        organisation=org,
        source=landscape["Webshop"],
        target=landscape["ERP"],
        method="manual",
        minutes_per_run=Decimal(5),
    )
    path = tmp_path / "flows.csv"
    path.write_bytes(b"From,To,How,Minutes\nwebshop,ERP,by hand,5\nwebshop,ERP,by hand,6\n")
    plan = services.commit_run(upload(org, path), editor)
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 1, "skip": 1}
    assert list(Integration.objects.for_org(org)) == [existing]


def test_a_misspelt_system_gets_a_suggestion(org, landscape, tmp_path):
    path = tmp_path / "flows.csv"
    path.write_bytes(b"Von;Nach;Art\nWebshp;ERP;Datei\n")
    plan = services.plan_run(upload(org, path))
    assert plan.skipped[0].skip_reason.endswith("Did you mean “Webshop”?")


def test_an_error_in_one_flow_leaves_no_flow_and_no_data_object(
    org, editor, landscape, flows_xlsx, monkeypatch
):
    from leitstand.imports import bulk

    original = bulk.insert_rows

    def failing_links(model, columns, rows):
        if model is Integration.data_objects.through:
            raise RuntimeError("disk full")
        return original(model, columns, rows)

    monkeypatch.setattr(bulk, "insert_rows", failing_links)
    with pytest.raises(RuntimeError):
        services.commit_run(upload(org, flows_xlsx), editor)
    assert Integration.objects.for_org(org).count() == 0
    assert not DataObject.objects.for_org(org).filter(name_de="Newsletter-Kontakte").exists()


def test_a_workbook_with_systems_and_integrations_is_imported_systems_first(org, editor, tmp_path):
    seed_data_objects(org)
    path = write_landscape_xlsx(tmp_path / "Landschaft.xlsx")
    first = upload(org, path, editor)
    assert (first.target, first.sheet) == ("systems", "Systeme")
    assert first.next_list == {"sheet": "Schnittstellen", "target": "integrations"}
    with pytest.raises(FileProblem, match="Import this list first"):
        services.continue_import(first, editor)
    services.commit_run(first, editor)
    assert System.objects.for_org(org).count() == 7

    second = services.continue_import(first, editor)
    assert (second.target, second.sheet, second.header_row) == ("integrations", "Schnittstellen", 2)
    assert second.continued_from == first and second.file.name != first.file.name
    assert services.continue_import(first, editor) == second  # a second click, same step
    assert second.next_list is None
    entries = LogEntry.objects.count()
    plan = services.commit_run(second, editor)
    assert plan.counts["create"] == 6
    assert LogEntry.objects.count() == entries + 1  # one audit entry per batch
    assert Integration.objects.for_org(org).count() == 6


def test_the_kind_of_list_can_be_chosen_and_changed(org, tmp_path):
    path = write_landscape_xlsx(tmp_path / "Landschaft.xlsx")
    run = upload(org, path, target="integrations")
    assert (run.target, run.sheet) == ("integrations", "Schnittstellen")
    sheets = services.sheets_of(run)
    services.change_sheet(run, services.sheet_of_name(sheets, "Systeme"))
    assert (run.target, run.mapping["0"]) == ("systems", "name")  # the sheet's own kind
    services.change_sheet(run, services.sheet_of_name(sheets, "Systeme"), target="integrations")
    assert run.target == "integrations" and "source" not in run.mapping.values()


def test_an_exported_workbook_imports_again_without_changes(org, editor, landscape, tmp_path):
    flow = IntegrationFactory(
        organisation=org,
        source=landscape["Webshop"],
        target=landscape["ERP"],
        method="manual",
        frequency="day",
        runs_per_period=Decimal(40),
        minutes_per_run=Decimal("17.5"),
        error_rate_percent=Decimal(2),
        status="active",
    )
    flow.data_objects.add(DataObject.objects.get(organisation=org, key="orders"))
    IntegrationFactory(
        organisation=org, source=landscape["ERP"], target=landscape["DATEV"], method="file"
    )
    path = tmp_path / "export.xlsx"
    with path.open("wb") as handle:
        export_xlsx(org, handle)
    systems = upload(org, path, editor)
    assert systems.next_list == {"sheet": "Integrations", "target": "integrations"}
    assert services.commit_run(systems, editor).counts["unchanged"] == 7
    integrations = services.continue_import(systems, editor)
    plan = services.commit_run(integrations, editor)
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 2, "skip": 0}
