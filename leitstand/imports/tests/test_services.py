"""Importing messy spreadsheets: what is created, updated, skipped; all or nothing."""

from decimal import Decimal
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files import File

from leitstand.core.queries import ANALYZE_FROM_ROWS
from leitstand.imports import bulk, services
from leitstand.imports.models import ImportRun
from leitstand.imports.tests.corpus import (
    german_csv_bytes,
    write_german_xlsx,
    write_inventory_xlsx,
)
from leitstand.inventory.models import Department, Person, System, Vendor
from leitstand.inventory.tests.factories import SystemFactory


def upload(org, path: Path, actor=None) -> ImportRun:
    with path.open("rb") as handle:
        return services.start_import(org, File(handle), path.name, actor)


@pytest.fixture
def german_xlsx(tmp_path):
    return write_german_xlsx(tmp_path / "IT-Liste.xlsx")


def test_header_row_and_sheet_are_found_below_title_rows(org, german_xlsx):
    run = upload(org, german_xlsx)
    assert run.sheet == "Software 2024"
    assert run.header_row == 3
    assert run.mapping == {
        "0": "name",
        "1": "departments",
        "2": "owner",
        "3": "vendor",
        "4": "annual_cost",
        "5": "end_of_support",
        "6": "personal_data",
        "7": "notes",
    }


def test_messy_german_list_is_imported(org, editor, german_xlsx):
    run = upload(org, german_xlsx, editor)
    plan = services.commit_run(run, editor)
    assert plan.counts == {"create": 6, "update": 0, "unchanged": 0, "skip": 1}
    systems = {system.name: system for system in System.objects.for_org(org)}
    assert set(systems) == {"DATEV", "Outlook", "Lager-Excel", "Altes ERP", "Teams", "Zoom"}
    datev = systems["DATEV"]
    assert datev.annual_cost == Decimal("1234.56")
    assert str(datev.end_of_support) == "2027-12-31"
    assert datev.personal_data is True
    assert datev.owner.name == "Erika Muster"
    assert datev.vendor.name == "DATEV eG"
    assert {d.name for d in datev.departments.all()} == {"Buchhaltung", "Geschäftsführung"}
    assert systems["Outlook"].end_of_support is None  # "unbekannt"
    assert systems["Lager-Excel"].annual_cost == Decimal("0")  # "kostenlos"
    assert systems["Lager-Excel"].notes == "<script>alert(1)</script>"
    assert str(systems["Teams"].end_of_support) == "2028-03-31"  # an Excel date cell
    assert systems["Zoom"].annual_cost == Decimal("1234.50")
    assert {d.name for d in systems["Lager-Excel"].departments.all()} == {"Lager", "Versand"}
    # "Alle" is every department named in the list, not a department of its own.
    assert Department.objects.for_org(org).count() == 5
    assert systems["Outlook"].departments.count() == 5
    assert Person.objects.for_org(org).count() == 2
    # Zoom's vendor comes from the product catalogue (the file names none for it).
    assert Vendor.objects.for_org(org).count() == 4
    run.refresh_from_db()
    assert run.is_done and run.created_count == 6 and run.skipped_count == 1
    assert run.report["skipped"][0]["reason"] == "A totals row, not a system."
    assert run.report["new"]["vendors"] == ["DATEV eG", "Microsoft", "Sage", "Zoom"]


def test_the_batch_leaves_exactly_one_audit_entry_with_actor_and_organisation(
    org, editor, german_xlsx
):
    run = upload(org, german_xlsx, editor)
    before = LogEntry.objects.count()
    services.commit_run(run, editor)
    assert LogEntry.objects.count() == before + 1
    entry = LogEntry.objects.latest("pk")
    assert entry.actor == editor
    assert entry.additional_data == {"organisation": org.pk}
    assert entry.changes["created_count"] == ["0", "6"]


def test_reimporting_updates_instead_of_duplicating(org, editor, german_xlsx):
    services.commit_run(upload(org, german_xlsx), editor)
    plan = services.commit_run(upload(org, german_xlsx), editor)
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 6, "skip": 1}
    assert System.objects.for_org(org).count() == 6


def test_matching_is_case_insensitive_and_updates_changed_fields(org, editor, tmp_path):
    existing = SystemFactory(organisation=org, name="datev", annual_cost=Decimal("10"))
    path = tmp_path / "liste.csv"
    path.write_bytes(german_csv_bytes())
    plan = services.commit_run(upload(org, path), editor)
    assert plan.counts["update"] == 1
    existing.refresh_from_db()
    assert existing.annual_cost == Decimal("1234.56")
    assert existing.name == "datev"  # the name is the key, it is not rewritten


def test_an_empty_cell_never_clears_an_existing_value(org, editor, tmp_path):
    existing = SystemFactory(organisation=org, name="Outlook", version="2019")
    path = tmp_path / "liste.csv"
    path.write_bytes(b"Name;Version\nOutlook;\n")
    plan = services.commit_run(upload(org, path), editor)
    assert plan.counts["unchanged"] == 1
    existing.refresh_from_db()
    assert existing.version == "2019"


def test_a_row_with_a_bad_optional_cell_is_imported_with_the_cell_empty_and_a_warning(
    org, editor, tmp_path
):
    path = tmp_path / "liste.csv"
    path.write_bytes(
        b"Name;Kosten;Support bis;Hosting\nGut;100;31.12.2030;SaaS\n"
        b"Schlecht;viel;31.12.2030;SaaS\nAuch schlecht;5;bald;Keller\n;7;;SaaS\n"
    )
    run = upload(org, path)
    plan = services.commit_run(run, editor)
    assert plan.counts == {"create": 3, "update": 0, "unchanged": 0, "skip": 1}
    systems = {system.name: system for system in System.objects.for_org(org)}
    assert systems["Schlecht"].annual_cost is None and systems["Schlecht"].hosting == "saas"
    assert systems["Auch schlecht"].end_of_support is None
    assert systems["Auch schlecht"].hosting == ""  # unknown stays unknown
    warnings = {(w["name"], w["field"]): w["message"] for w in run.report["warnings"]}
    assert "not a number" in warnings["Schlecht", "Annual cost (EUR)"]
    assert "not a date" in warnings["Auch schlecht", "End of support"]
    assert "“Keller” is not understood" in warnings["Auch schlecht", "Hosting"]
    assert run.report["skipped"][0]["reason"] == "No Name given."
    assert plan.values["hosting"].unclear == {"Keller": 1}


def test_repeated_names_in_one_file_import_once(org, editor, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(b"Name,Users\nCRM,5\ncrm,7\n")
    plan = services.commit_run(upload(org, path), editor)
    assert plan.counts["create"] == 1 and plan.counts["skip"] == 1
    assert "row 2" in plan.skipped[0].skip_reason


def test_an_error_while_writing_row_9999_of_10000_leaves_the_organisation_unchanged(
    org, editor, tmp_path, monkeypatch
):
    path = write_inventory_xlsx(tmp_path / "inventory.xlsx", 10_000)
    run = upload(org, path)
    systems_before = System.objects.for_org(org).count()
    original = bulk.insert_rows

    def insert_failing_at_row_9999(model, columns, rows):
        def rows_until_the_disk_is_full():
            for number, row in enumerate(rows, start=1):
                if model is System and number == 9_999:
                    raise RuntimeError("disk full")
                yield row

        return original(model, columns, rows_until_the_disk_is_full())

    monkeypatch.setattr(bulk, "insert_rows", insert_failing_at_row_9999)
    with pytest.raises(RuntimeError):
        services.commit_run(run, editor)
    assert System.objects.for_org(org).count() == systems_before
    assert Department.objects.for_org(org).count() == 0
    assert Person.objects.for_org(org).count() == 0
    run.refresh_from_db()
    assert not run.is_done


def test_mapping_by_title_overrides_the_proposal(org, german_xlsx):
    run = upload(org, german_xlsx)
    services.apply_mapping_by_title(run, {"Bemerkung": "description", "Hersteller": None})
    assert run.mapping["7"] == "description"
    assert "3" not in run.mapping


def test_a_file_already_imported_cannot_be_committed_twice(org, editor, german_xlsx):
    run = upload(org, german_xlsx)
    services.commit_run(run, editor)
    with pytest.raises(services.FileProblem):
        services.commit_run(run, editor)


def test_a_reference_that_must_exist_skips_the_row_instead_of_creating_it(org, tmp_path):
    from dataclasses import replace

    from leitstand.imports.planning import plan_import
    from leitstand.imports.reader import read_sheets
    from leitstand.imports.targets import SYSTEMS, VENDORS

    fixed_vendors = replace(VENDORS, build=None)
    fields = tuple(
        replace(spec, reference=fixed_vendors) if spec.name == "vendor" else spec
        for spec in SYSTEMS.fields
    )
    target = replace(SYSTEMS, fields=fields, _by_name={})
    path = tmp_path / "liste.csv"
    path.write_bytes(b"Name;Hersteller\nCRM;Nobody GmbH\nERP;\n")
    (sheet,) = read_sheets(path, path.name)
    plan = plan_import(org, target, sheet, 0, {0: "name", 1: "vendor"})
    assert plan.counts["create"] == 1 and plan.counts["skip"] == 1
    assert "“Nobody GmbH” does not exist yet." in plan.skipped[0].skip_reason
    assert plan.new_names() == {}


def test_the_database_still_refuses_negative_costs_and_duplicate_names_on_the_fast_path(org):
    """New rows are inserted without model instances; the constraints still apply."""
    from django.db import IntegrityError, connection, transaction
    from django.utils import timezone

    fields = [f for f in System._meta.concrete_fields if not (f.primary_key or f.generated)]
    values = {field.name: field.get_default() for field in fields}
    values.update(organisation=org.pk, created_at=timezone.now(), updated_at=timezone.now())

    def row(**changed) -> tuple:
        merged = {**values, **changed}
        return tuple(bulk.db_value(field, merged[field.name], connection) for field in fields)

    columns = [field.column for field in fields]
    bulk.insert_rows(System, columns, [row(name="Fine", annual_cost=Decimal("1.50"))])
    assert System.objects.for_org(org).get(name="Fine").annual_cost == Decimal("1.50")
    for rows in ([row(name="Negative", annual_cost=Decimal("-1"))], [row(name="fine")]):
        with pytest.raises(IntegrityError), transaction.atomic():
            bulk.insert_rows(System, columns, rows)


def _analyze_statements(captured) -> list[str]:
    return [query["sql"] for query in captured if query["sql"].startswith("ANALYZE")]


def test_a_large_import_refreshes_the_planner_statistics_on_postgresql(org, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = upload(org, write_inventory_xlsx(tmp_path / "small.xlsx", 20))
    with CaptureQueriesContext(connection) as captured:
        services.commit_run(small, None)
    assert _analyze_statements(captured) == []  # autovacuum keeps up with small changes

    rows = ANALYZE_FROM_ROWS + 20  # the first 20 are the small file's, unchanged
    large = upload(org, write_inventory_xlsx(tmp_path / "large.xlsx", rows))
    with CaptureQueriesContext(connection) as captured:
        plan = services.commit_run(large, None)
    assert plan.counts["create"] == ANALYZE_FROM_ROWS
    statements = _analyze_statements(captured)
    if connection.vendor != "postgresql":
        assert statements == []
        return
    assert statements == [
        'ANALYZE "inventory_system", "inventory_system_departments", '
        '"inventory_system_capabilities"'
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'inventory_system'")
        assert cursor.fetchone()[0] >= ANALYZE_FROM_ROWS  # the planner sees the rows
