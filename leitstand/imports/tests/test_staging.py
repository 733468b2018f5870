"""Large imports written in batches through a staging organisation (issue 22, point 1): all
or nothing for the user, short write transactions for everyone else."""

from datetime import timedelta
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files import File
from django.db import IntegrityError

from leitstand.imports import cleanup, services, staging
from leitstand.imports.models import ImportRun
from leitstand.imports.tests.corpus import write_german_xlsx, write_inventory_xlsx
from leitstand.inventory.models import Department, System
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.tenancy.models import Organisation


def upload(org, path: Path, actor=None) -> ImportRun:
    with path.open("rb") as handle:
        return services.start_import(org, File(handle), path.name, actor)


@pytest.fixture
def small_batches(monkeypatch):
    """Lists longer than 40 rows go through staging, 40 new rows per write transaction."""
    monkeypatch.setattr(staging, "BATCH_ROWS", 40)


def _no_staging_left() -> bool:
    return not Organisation.objects.filter(slug__startswith=staging.PREFIX).exists()


@pytest.mark.django_db(transaction=True)
def test_a_large_list_is_written_in_batches_and_appears_at_once(
    org, editor, tmp_path, small_batches, monkeypatch
):
    path = write_inventory_xlsx(tmp_path / "inventory.xlsx", 150)
    run = upload(org, path, editor)
    batches = []
    real_write = services.write_plan

    def counting_write(organisation, plan, *args):
        visible = System.objects.for_org(org).count()
        batches.append((organisation.slug, len(plan.rows), visible))
        return real_write(organisation, plan, *args)

    monkeypatch.setattr(services, "write_plan", counting_write)
    audit_entries = LogEntry.objects.count()
    plan = services.commit_run(run, editor)

    assert plan.counts["create"] == 150
    # The import's own entry only: the throwaway staging organisation leaves none.
    assert LogEntry.objects.count() == audit_entries + 1
    assert LogEntry.objects.latest("pk").object_pk == str(run.pk)
    staged = [b for b in batches if b[0].startswith(staging.PREFIX)]
    assert [rows for _slug, rows, _visible in staged] == [40, 40, 40, 30]
    assert all(visible == 0 for _slug, _rows, visible in batches)  # nothing seen midway
    assert batches[-1][0] == org.slug  # the switch-over
    assert System.objects.for_org(org).count() == 150
    assert Department.objects.for_org(org).exists()
    assert System.departments.through.objects.filter(system__organisation=org).exists()
    assert _no_staging_left()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.created_count == 150


@pytest.mark.django_db(transaction=True)
def test_a_large_list_without_new_rows_needs_no_staging(
    org, editor, tmp_path, small_batches, monkeypatch
):
    path = write_inventory_xlsx(tmp_path / "inventory.xlsx", 150)
    services.commit_run(upload(org, path, editor), editor)
    created = []
    real_create = staging.create_staging
    monkeypatch.setattr(
        staging, "create_staging", lambda run: created.append(run) or real_create(run)
    )

    plan = services.commit_run(upload(org, path, editor), editor)

    assert plan.counts["unchanged"] == 150 and plan.counts["create"] == 0
    assert created == []
    assert System.objects.for_org(org).count() == 150
    assert _no_staging_left()


@pytest.mark.django_db(transaction=True)
def test_a_clash_at_the_switch_over_imports_nothing_and_leaves_nothing(
    org, editor, tmp_path, small_batches, monkeypatch
):
    path = write_inventory_xlsx(tmp_path / "inventory.xlsx", 100)
    run = upload(org, path, editor)

    def clash(hidden, target):
        raise IntegrityError("UNIQUE constraint failed: inventory_system.name")

    monkeypatch.setattr(staging, "move_rows", clash)
    with pytest.raises(services.FileProblem, match="start the import again"):
        services.commit_run(run, editor)
    assert System.objects.count() == 0 and Department.objects.count() == 0
    assert _no_staging_left()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DRAFT  # never "running", never half done


@pytest.mark.django_db(transaction=True)
def test_a_failure_between_batches_leaves_nothing(
    org, editor, tmp_path, small_batches, monkeypatch
):
    path = write_inventory_xlsx(tmp_path / "inventory.xlsx", 100)
    run = upload(org, path, editor)
    real_write = services.write_plan
    calls = []

    def failing_second_batch(organisation, plan, *args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("killed")
        return real_write(organisation, plan, *args)

    monkeypatch.setattr(services, "write_plan", failing_second_batch)
    with pytest.raises(RuntimeError):
        services.commit_run(run, editor)
    assert System.objects.count() == 0
    assert _no_staging_left()


@pytest.mark.django_db(transaction=True)
def test_staged_rows_of_a_killed_import_are_removed_by_the_cleanup(org, editor, tmp_path):
    """kill -9 between batches: the staging organisation stays, invisible; the cleanup
    (`leitstand cleanup_imports`, gunicorn's start) removes it once it is old enough."""
    run = upload(org, write_german_xlsx(tmp_path / "list.xlsx"), editor)
    hidden = staging.create_staging(run)
    plan = services.plan_run(run)
    services.write_plan(hidden, plan, editor, "list.xlsx")
    assert System.objects.filter(organisation=hidden).count() == 6
    assert System.objects.for_org(org).count() == 0

    assert cleanup.clean_up(older_than=timedelta(hours=1)).staged == 0  # may still run
    Organisation.objects.filter(pk=hidden.pk).update(
        created_at=hidden.created_at - timedelta(hours=2)
    )
    assert cleanup.clean_up(older_than=timedelta(hours=1)).staged == 1
    assert System.objects.count() == 0 and _no_staging_left()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DRAFT


@pytest.mark.django_db
def test_inside_a_callers_transaction_the_import_stays_one_transaction(
    org, editor, tmp_path, small_batches
):
    """The command line imports a workbook all or nothing in its own transaction."""
    path = write_inventory_xlsx(tmp_path / "inventory.xlsx", 60)
    run = upload(org, path, editor)
    services.commit_run(run, editor)  # pytest's transaction is the caller's
    assert System.objects.for_org(org).count() == 60
    assert _no_staging_left()


@pytest.mark.django_db
def test_imports_beyond_the_supported_size_are_refused_before_anything_is_written(
    org, editor, tmp_path, settings
):
    settings.LEITSTAND_MAX_SYSTEMS = 50
    too_long = upload(org, write_inventory_xlsx(tmp_path / "long.xlsx", 60), editor)
    with pytest.raises(services.FileProblem, match="up to 50 systems"):
        services.commit_run(too_long, editor)
    assert System.objects.count() == 0

    for number in range(30):
        SystemFactory(organisation=org, name=f"Recorded {number}")
    more = upload(org, write_inventory_xlsx(tmp_path / "b.xlsx", 21), editor)
    with pytest.raises(services.FileProblem, match="to the 30 already recorded"):
        services.commit_run(more, editor)
    assert System.objects.for_org(org).count() == 30
    fits = write_inventory_xlsx(tmp_path / "c.xlsx", 20)
    assert services.commit_run(upload(org, fits, editor), editor).counts["create"] == 20
    again = services.commit_run(upload(org, fits, editor), editor)
    assert again.counts["create"] == 0  # at the limit, updating is still fine
