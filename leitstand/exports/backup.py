"""`leitstand backup` and `leitstand restore`: everything in the database (or one organisation
with its people), row for row and field for field, and the uploaded files, into an empty
instance of the same version.

The backup is JSON lines (gzip-compressed when the file name ends in .gz):
1. a header: format, version, when, scope, and the migrations applied (restore refuses a
   backup of another schema: restore into the same Leitstand version, then upgrade);
2. `{"model": "app.Model", "rows": [...]}` chunks: every concrete field by its column
   (`attname`), ids kept, so relations, audit entries and the analysis come back unchanged;
   references to content types and permissions are written as natural keys (`migrate`
   creates those rows anew, perhaps with other ids);
3. `{"file": name, "data": base64}` for each uploaded file a row refers to;
4. a trailer with the row count of every model: a truncated file is refused.

Every model of the app registry is in the backup unless it is in `NOT_BACKED_UP` with the
reason (a test walks the registry, so a new model cannot be forgotten). Rows are written with
raw inserts (no signals, no `auto_now`), constraints are checked at the end, all in one
transaction: a backup that fails to load leaves the instance empty.
"""

import base64
import gzip
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.duration import duration_iso_string

from leitstand.tenancy.models import Membership, Organisation

FORMAT = "leitstand-backup"
VERSION = 1
CHUNK = 1000

#: Models left out, with the reason (shown by `leitstand backup --help`'s documentation and
#: checked by the round-trip test).
NOT_BACKED_UP = {
    "sessions.Session": "sign-ins; everyone signs in again after a restore",
    "contenttypes.ContentType": "created by `leitstand migrate`; referred to by natural key",
    "auth.Permission": "created by `leitstand migrate`; referred to by natural key",
    "axes.AccessAttempt": "failed-login counters of the lockout; they expire anyway",
    "axes.AccessAttemptExpiration": "failed-login counters of the lockout",
    "axes.AccessFailureLog": "failed-login log of the lockout",
    "axes.AccessLog": "login log of the lockout",
    "account.EmailConfirmation": "pending e-mail confirmation links; they expire",
    "django_tasks_database.DBTaskResult": "the background job queue; a job is started again",
}
#: Left out of a backup of one organisation only: they belong to the whole instance.
NOT_IN_ONE_ORGANISATION = {
    "admin.LogEntry": "changes made in the admin site of the whole instance",
}
USER_MODELS = {
    "account.EmailAddress": "user",
    "mfa.Authenticator": "user",
    "accounts.User_groups": "user",
    "accounts.User_user_permissions": "user",
}


class BackupProblem(Exception):
    """The backup cannot be written or restored; the message says why."""


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    missing_files: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def backed_up_models() -> list[type[models.Model]]:
    """Every model of the registry (many-to-many tables too) except `NOT_BACKED_UP`, in
    registry order."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label not in NOT_BACKED_UP and not model._meta.proxy and model._meta.managed
    ]


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


# --- values ---------------------------------------------------------------------------


def _natural(model, pk, cache: dict):
    key = (model, pk)
    if key not in cache:
        if model is ContentType:
            ct = ContentType.objects.get_for_id(pk)
            cache[key] = [ct.app_label, ct.model]
        else:
            perm = Permission.objects.select_related("content_type").get(pk=pk)
            cache[key] = [perm.codename, perm.content_type.app_label, perm.content_type.model]
    return cache[key]


def _from_natural(model, value, cache: dict):
    key = (model, tuple(value))
    if key not in cache:
        try:
            if model is ContentType:
                cache[key] = ContentType.objects.get_by_natural_key(*value).pk
            else:
                cache[key] = Permission.objects.get_by_natural_key(*value).pk
        except (ContentType.DoesNotExist, Permission.DoesNotExist):
            raise BackupProblem(
                f"{model._meta.label} {value!r} does not exist here: is this the same version "
                "of Leitstand, fully migrated?"
            ) from None
    return cache[key]


def _natural_target(field_: models.Field):
    if field_.is_relation and field_.related_model in (ContentType, Permission):
        return field_.related_model
    return None


def encode(field_: models.Field, value, cache: dict):
    """A column's value as JSON."""
    if value is None:
        return None
    target = _natural_target(field_)
    if target is not None:
        return _natural(target, value, cache)
    if isinstance(field_, models.JSONField):
        return value
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def decode(field_: models.Field, value, cache: dict):
    if value is None:
        return None
    target = _natural_target(field_)
    if target is not None:
        return _from_natural(target, value, cache)
    if isinstance(field_, models.JSONField):
        return value
    if isinstance(field_, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field_, models.DateTimeField) and isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo or not settings.USE_TZ else timezone.make_aware(parsed)
    return field_.to_python(value)


def _columns(model) -> list[models.Field]:
    """The columns a backup carries: generated columns are left out (the database computes
    them again from the others and refuses values for them)."""
    return [c for c in model._meta.concrete_fields if not c.generated]


# --- what one organisation owns -------------------------------------------------------


def _organisation_path(model, seen: frozenset = frozenset()) -> str | None:
    """The lookup from `model` to its organisation's id, or None when it has none."""
    if model is Organisation:
        return "pk"
    names = {f.name for f in model._meta.concrete_fields}
    if "organisation" in names:
        return "organisation_id"
    for column in model._meta.concrete_fields:
        related = column.related_model if column.is_relation else None
        if related is None or related in seen or related is model:
            continue
        if related is get_user_model():
            continue
        path = _organisation_path(related, seen | {model})
        if path is not None:
            return f"{column.name}__{path}".replace("__pk", "")
    return None


def _rows_of(model, organisation: Organisation | None, users: set[int] | None):
    manager = model._base_manager
    if organisation is None:
        return manager.all()
    label = model._meta.label
    if model is get_user_model():
        return manager.filter(pk__in=users)
    if label in USER_MODELS:
        return manager.filter(**{f"{USER_MODELS[label]}__in": users})
    if label == "auditlog.LogEntry":
        return manager.filter(additional_data__organisation=organisation.pk)
    if label.startswith("auth.Group"):
        return manager.all()
    path = _organisation_path(model)
    if path is None:
        raise BackupProblem(f"{label}: no way to tell which organisation a row belongs to.")
    return manager.filter(**{path: organisation.pk})


def _users_of(organisation: Organisation, selected: list) -> set[int]:
    """Members, and every user a row of the organisation refers to (who assessed, ...)."""
    user_model = get_user_model()
    users = set(Membership.objects.filter(organisation=organisation).values_list("user", flat=True))
    for model in selected:
        if model is user_model or model._meta.label in USER_MODELS:
            continue
        for column in _columns(model):
            if column.is_relation and column.related_model is user_model:
                rows = _rows_of(model, organisation, None)
                users.update(
                    rows.exclude(**{f"{column.attname}__isnull": True}).values_list(
                        column.attname, flat=True
                    )
                )
    return users


# --- writing --------------------------------------------------------------------------


def _open_for_writing(path: Path, compressed: bool):
    if compressed:
        return io.TextIOWrapper(gzip.open(path, "wb"), encoding="utf-8")
    return path.open("w", encoding="utf-8")


def _open_for_reading(path: Path):
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    if compressed:
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open("r", encoding="utf-8")


def _line(out, record: dict) -> None:
    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def write_backup(path: Path, organisation: Organisation | None = None) -> Summary:
    """Write everything (or one organisation with its people) to `path`, read in one
    repeatable snapshot where the database offers one."""
    path = Path(path)
    selected = [
        model
        for model in backed_up_models()
        if organisation is None or model._meta.label not in NOT_IN_ONE_ORGANISATION
    ]
    summary = Summary()
    cache: dict = {}
    partial = path.with_name(path.name + ".partial")
    connection = connections[DEFAULT_DB_ALIAS]
    with _read_snapshot(connection), _open_for_writing(partial, path.suffix == ".gz") as out:
        users = _users_of(organisation, selected) if organisation is not None else None
        _line(
            out,
            {
                "format": FORMAT,
                "version": VERSION,
                "created_at": timezone.now().isoformat(),
                "scope": organisation.slug if organisation is not None else "all",
                "database": connection.vendor,
                "migrations": applied_migrations(),
            },
        )
        files: list[str] = []
        for model in selected:
            columns = _columns(model)
            file_columns = [i for i, c in enumerate(columns) if isinstance(c, models.FileField)]
            rows = _rows_of(model, organisation, users).order_by("pk")
            values = rows.values_list(*[c.attname for c in columns]).iterator(chunk_size=CHUNK)
            count = 0
            for chunk in _chunks(values, CHUNK):
                encoded = []
                for row in chunk:
                    encoded.append([encode(c, v, cache) for c, v in zip(columns, row, strict=True)])
                    files.extend(row[i] for i in file_columns if row[i])
                _line(
                    out,
                    {
                        "model": model._meta.label,
                        "columns": [c.attname for c in columns],
                        "rows": encoded,
                    },
                )
                count += len(chunk)
            summary.counts[model._meta.label] = count
        for name in files:
            try:
                with default_storage.open(name, "rb") as stored:
                    data = stored.read()
            except OSError:
                summary.missing_files.append(name)
                continue
            _line(out, {"file": name, "data": base64.b64encode(data).decode("ascii")})
            summary.files += 1
        _line(out, {"end": True, "counts": summary.counts, "files": summary.files})
    partial.replace(path)
    return summary


@contextmanager
def _read_snapshot(connection) -> Iterator[None]:
    """One consistent view of every table while the backup reads, without blocking writers:
    PostgreSQL's repeatable read; on SQLite a deferred read transaction (WAL keeps its view;
    `transaction.atomic()` would take the write lock for the whole backup)."""
    if connection.in_atomic_block:  # the caller's transaction is the snapshot
        yield
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _chunks(values: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for value in values:
        chunk.append(value)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- restoring ------------------------------------------------------------------------


def occupied_models() -> list[str]:
    """Models that already hold rows: a restore goes into an empty instance only."""
    return [model._meta.label for model in backed_up_models() if model._base_manager.exists()]


def read_header(path: Path) -> dict:
    with _open_for_reading(Path(path)) as source:
        try:
            header = json.loads(source.readline())
        except (json.JSONDecodeError, UnicodeDecodeError, EOFError, OSError):
            header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupProblem("This file is not a Leitstand backup (`leitstand backup --out`).")
    if header.get("version") != VERSION:
        raise BackupProblem(
            f"This backup has format version {header.get('version')}; this Leitstand reads "
            f"version {VERSION}."
        )
    return header


def _check_migrations(header: dict) -> None:
    theirs = {tuple(m) for m in header.get("migrations", [])}
    ours = {tuple(m) for m in applied_migrations()}
    if theirs != ours:
        missing = sorted(theirs - ours)
        extra = sorted(ours - theirs)
        raise BackupProblem(
            "The backup was made with another version of Leitstand (other migrations). "
            "Restore it with the version that made it, then upgrade and run `leitstand "
            "migrate`. "
            + (
                f"Only in the backup: {', '.join('.'.join(m) for m in missing[:10])}. "
                if missing
                else ""
            )
            + (f"Only here: {', '.join('.'.join(m) for m in extra[:10])}." if extra else "")
        )


def restore_backup(path: Path) -> Summary:
    """Load a backup into this empty instance, all or nothing."""
    path = Path(path)
    header = read_header(path)
    _check_migrations(header)
    occupied = occupied_models()
    if occupied:
        raise BackupProblem(
            "A backup is restored into an empty instance only (after `leitstand migrate`, "
            f"before anything else). These already hold rows: {', '.join(occupied[:10])}."
        )
    connection = connections[DEFAULT_DB_ALIAS]
    summary = Summary()
    cache: dict = {}
    written_files: list[Path] = []
    media = Path(settings.MEDIA_ROOT).resolve()
    ended = None
    try:
        with transaction.atomic():
            with _open_for_reading(path) as source:
                source.readline()
                for number, text in enumerate(source, start=2):
                    try:
                        record = json.loads(text)
                    except json.JSONDecodeError:
                        raise BackupProblem(
                            f"Line {number} is not JSON: the file is damaged."
                        ) from None
                    if ended is not None:
                        raise BackupProblem(f"Line {number} follows the end of the backup.")
                    if "model" in record:
                        label = record["model"]
                        summary.counts[label] = summary.counts.get(label, 0) + _insert(
                            label, record, connection, cache
                        )
                    elif "file" in record:
                        written_files.append(_write_file(media, record))
                        summary.files += 1
                    elif record.get("end"):
                        ended = record
            if ended is None:
                raise BackupProblem("The backup ends early (no end mark): the file is incomplete.")
            expected = {k: v for k, v in ended.get("counts", {}).items() if v}
            if {k: v for k, v in summary.counts.items() if v} != expected:
                raise BackupProblem("The backup's rows do not match its own counts: damaged.")
            connection.check_constraints()
            _reset_sequences(connection, [apps.get_model(label) for label in summary.counts])
    except BaseException:
        for written in written_files:
            written.unlink(missing_ok=True)
        raise
    return summary


def _insert(label: str, record: dict, connection, cache: dict) -> int:
    try:
        model = apps.get_model(label)
    except LookupError:
        raise BackupProblem(
            f"The backup holds rows of {label}, which this version lacks."
        ) from None
    if label in NOT_BACKED_UP:
        raise BackupProblem(f"The backup holds rows of {label}, which is never restored.")
    by_name = {c.attname: c for c in _columns(model)}
    names = record.get("columns") or []
    if set(names) != set(by_name):
        raise BackupProblem(f"{label}: the backup's columns differ from this version's.")
    columns = [by_name[name] for name in names]
    objs = []
    for row in record.get("rows", []):
        obj = model()
        for column, value in zip(columns, row, strict=True):
            setattr(obj, column.attname, decode(column, value, cache))
        objs.append(obj)
    if not objs:
        return 0
    batch = max(1, connection.ops.bulk_batch_size(columns, objs) or len(objs))
    for start in range(0, len(objs), batch):
        model._base_manager._insert(
            objs[start : start + batch], fields=columns, using=connection.alias, raw=True
        )
    return len(objs)


def _write_file(media: Path, record: dict) -> Path:
    target = (media / record["file"]).resolve()
    if media not in target.parents:
        raise BackupProblem(f"The file name {record['file']!r} points outside the media folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(record["data"]))
    return target


def _reset_sequences(connection, models_: list) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
