"""`leitstand backup` / `leitstand restore` (issue 22, point 2): a round trip through an empty
instance gives back every row and every field of every model of the app registry, and the
analysis JSON byte for byte."""

import gzip
import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from leitstand.exports import backup
from leitstand.landscape.cache import forget_all
from leitstand.tenancy.models import Organisation

#: Models the fixture below leaves empty. A new model not listed here must get rows in
#: `_every_kind_of_row`, so the round trip compares its fields too.
EMPTY_IN_FIXTURE = {"admin.LogEntry", "account.EmailAddress", "mfa.Authenticator"}


def _every_kind_of_row() -> None:
    """Both demo organisations plus a row of each model the demo leaves empty."""
    from leitstand.accounts.models import User
    from leitstand.api.tests.factories import ApiTokenFactory
    from leitstand.funding.tests.factories import LinkedEnterpriseFactory
    from leitstand.imports.tests.factories import ImportMemoryFactory, ImportRunFactory
    from leitstand.inventory.models import System
    from leitstand.products.tests.factories import (
        ProductLinkFactory,
        RecurringPaymentFactory,
        StatementScanFactory,
    )
    from leitstand.reports.models import Letterhead
    from leitstand.reports.tests.factories import ReportSettingsFactory, ReportSnapshotFactory
    from leitstand.roadmap.tests.factories import DroppedProposalFactory
    from leitstand.tenancy.tests.factories import InvitationFactory

    call_command("load_demo", stdout=io.StringIO())
    org = Organisation.objects.get(slug="muster-logistik")
    user = User.objects.get(email="demo@example.com")
    run = ImportRunFactory(
        organisation=org, file=ContentFile(b"Name;Art\nSAP;erp\n", name="systems.csv")
    )
    ImportMemoryFactory(organisation=org, from_run=run)
    ApiTokenFactory(organisation=org, user=user)
    InvitationFactory(organisation=org, invited_by=user)
    system = System.objects.for_org(org).first()
    ProductLinkFactory(organisation=org, system=system, confirmed_by=user)
    scan = StatementScanFactory(organisation=org, created_by=user)
    RecurringPaymentFactory(organisation=org, scan=scan, system=system)
    ReportSnapshotFactory(organisation=org, created_by=user, pdf=b"%PDF-1.7 \x00\xff binary")
    ReportSettingsFactory(organisation=org)
    Letterhead.objects.create(
        organisation=org, logo=b"\x89PNG\r\n\x1a\n\x00", content_type="image/png"
    )
    LinkedEnterpriseFactory(organisation=org)
    DroppedProposalFactory(organisation=org)
    group = Group.objects.create(name="auditors")
    group.permissions.add(Permission.objects.get(codename="view_system"))
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="change_system"))


def _table(model, **only) -> list[list]:
    """Every row with every column, as the backup encodes it (content types by name)."""
    columns = list(model._meta.concrete_fields)
    cache: dict = {}
    rows = model._base_manager.filter(**only).order_by("pk")
    rows = rows.values_list(*[c.attname for c in columns])
    return [[backup.encode(c, v, cache) for c, v in zip(columns, row, strict=True)] for row in rows]


def _everything() -> dict[str, list[list]]:
    return {model._meta.label: _table(model) for model in backup.backed_up_models()}


def _analysis_json(slug: str) -> bytes:
    forget_all()  # from the database, not from this process's memory
    out = io.StringIO()
    call_command("analyze", org=slug, json=True, stdout=out)
    return out.getvalue().encode()


def _empty_the_instance(media: Path) -> None:
    """What a new installation is: migrated, nothing else (content types made anew)."""
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    forget_all()


def test_every_model_of_the_registry_is_backed_up_or_left_out_with_a_reason():
    labels = {m._meta.label for m in apps.get_models(include_auto_created=True)}
    backed_up = {m._meta.label for m in backup.backed_up_models()}
    assert labels == backed_up | set(backup.NOT_BACKED_UP)
    assert not backed_up & set(backup.NOT_BACKED_UP)
    assert all(reason.strip() for reason in backup.NOT_BACKED_UP.values())
    # what an organisation owns is always in it
    from leitstand.tenancy.models import TenantModel

    tenant_owned = {
        m._meta.label
        for m in apps.get_models(include_auto_created=True)
        if issubclass(m, TenantModel)
    }
    assert tenant_owned <= backed_up


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_give_back_every_row_field_and_file(tmp_path, settings, capsys):
    _every_kind_of_row()
    before = _everything()
    empty = {label for label, rows in before.items() if not rows}
    assert empty <= EMPTY_IN_FIXTURE, f"give these models rows in the fixture: {empty}"
    analyses = {slug: _analysis_json(slug) for slug in ("muster-logistik", "baeckerei-beispiel")}
    upload = next(Path(settings.MEDIA_ROOT).rglob("systems.csv")).read_bytes()

    path = tmp_path / "leitstand.backup.jsonl.gz"
    out = io.StringIO()
    call_command("backup", out=str(path), stdout=out)
    assert "Wrote" in out.getvalue() and "1 files" in out.getvalue()

    _empty_the_instance(Path(settings.MEDIA_ROOT))
    assert backup.occupied_models() == []
    call_command("restore", str(path), stdout=io.StringIO())

    after = _everything()
    rows = sum(len(table) for table in before.values())
    fields = sum(len(table) * len(table[0]) for table in before.values() if table)
    for label in before:
        assert after[label] == before[label], f"{label} differs after the restore"
    with capsys.disabled():
        print(f"\nround trip: {len(before)} models, {rows} rows, {fields} fields, all identical")
    for slug, text in analyses.items():
        assert _analysis_json(slug) == text, f"analysis JSON of {slug} changed"
    assert next(Path(settings.MEDIA_ROOT).rglob("systems.csv")).read_bytes() == upload
    # ids go on after the restored ones (PostgreSQL sequences reset)
    org = Organisation.objects.create(name="Neu GmbH", slug="neu")
    assert org.pk > max(o.pk for o in Organisation.objects.exclude(pk=org.pk))


@pytest.mark.django_db(transaction=True)
def test_backup_of_one_organisation_restores_it_and_its_people_only(tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    bakery = Organisation.objects.get(slug="baeckerei-beispiel")
    from leitstand.inventory.models import System
    from leitstand.surveys.models import SurveyAnswer

    before = {model: _table(model, organisation=bakery) for model in (System, SurveyAnswer)}
    analysis = _analysis_json(bakery.slug)
    path = tmp_path / "bakery.jsonl"
    call_command("backup", out=str(path), org=bakery.slug, stdout=io.StringIO())
    _empty_the_instance(tmp_path / "no-media")
    call_command("restore", str(path), stdout=io.StringIO())
    assert list(Organisation.objects.values_list("slug", flat=True)) == [bakery.slug]
    for model, rows in before.items():
        assert _table(model) == rows
    assert _analysis_json(bakery.slug) == analysis


@pytest.mark.django_db
def test_restore_refuses_an_instance_that_is_not_empty(tmp_path, org):
    path = tmp_path / "b.jsonl"
    backup.write_backup(path)
    with pytest.raises(CommandError, match="empty instance"):
        call_command("restore", str(path), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_damaged_truncated_or_foreign_files_and_writes_nothing(tmp_path, org):
    path = tmp_path / "b.jsonl"
    backup.write_backup(path)
    lines = path.read_text().splitlines()
    _empty_the_instance(tmp_path / "no-media")

    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text("\n".join(lines[:-1]) + "\n")
    with pytest.raises(backup.BackupProblem, match="ends early"):
        backup.restore_backup(truncated)
    assert backup.occupied_models() == []

    other_version = tmp_path / "other.jsonl"
    header = json.loads(lines[0])
    header["migrations"].append(["inventory", "9999_future"])
    other_version.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    with pytest.raises(backup.BackupProblem, match="another version"):
        backup.restore_backup(other_version)

    not_a_backup = tmp_path / "x.json"
    not_a_backup.write_text('{"format": "leitstand-export"}\n')
    with pytest.raises(backup.BackupProblem, match="not a Leitstand backup"):
        backup.restore_backup(not_a_backup)

    escaping = tmp_path / "escape.jsonl"
    evil = json.dumps({"file": "../../etc/evil", "data": ""})
    escaping.write_text("\n".join([lines[0], evil, *lines[1:]]) + "\n")
    with pytest.raises(backup.BackupProblem, match="outside the media folder"):
        backup.restore_backup(escaping)
    assert backup.occupied_models() == []

    backup.restore_backup(path)  # the intact file still loads
    assert Organisation.objects.filter(slug=org.slug).exists()


def test_gzip_is_chosen_by_the_file_name(tmp_path, db):
    path = tmp_path / "b.jsonl.gz"
    backup.write_backup(path)
    with gzip.open(path, "rt") as text:
        assert json.loads(text.readline())["format"] == "leitstand-backup"
