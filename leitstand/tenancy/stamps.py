"""The landscape stamp: a token that changes with every write an analysis could notice.

A cached analysis (`leitstand.landscape.cache`) is keyed by the stamp, so it is never served
after a change. The stamp changes once per change, after the change is committed:
- a signal receiver notes every save and delete of a tenant-owned row, every many-to-many
  change between them, and every save of the organisation (its method settings);
- `bump_landscape(organisation)` is called by the services that write in bulk (bulk writes
  send no signals);
- during an unsafe request (`LandscapeStampMiddleware`) both only note the organisation, and
  so does every INSERT, UPDATE or DELETE of a tenant table seen on the connection (bulk
  writes and raw SQL in a view); after the response the stamps of the noted organisations
  change in one UPDATE. A request that wrote nothing (a form with errors, a save without a
  change, inline validation) leaves the stamp alone, so the kept analysis stays valid;
- outside a request a change inside a transaction is noted and the stamp changes once when
  the transaction commits (not at all when it is rolled back); outside a transaction at once.
Changing the stamp before the commit would let another worker analyse the old rows and keep
that analysis under the new stamp. Until the change is stamped, the writing thread reads its
analysis fresh (`landscape_pending`), never from the cache.

A stamp is created with its organisation (and by a migration for earlier ones); a bump only
updates it (a bump during the cascade that deletes an organisation must not recreate it).
"""

import re
import threading
import uuid
from functools import cache

from django.apps import apps
from django.db import connection
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from leitstand.tenancy.models import LandscapeStamp, Organisation, TenantModel

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


class _Changes:
    """Organisations whose stamp is due (by id, and the request's organisation by slug)."""

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.slug_written = False

    def stamp(self, slug: str | None = None) -> None:
        slug = slug if self.slug_written else None
        if self.ids or slug:
            bump_landscape_by_slug(slug, self.ids)
        self.ids.clear()
        self.slug_written = False


def bump_landscape_by_slug(slug: str | None, organisation_ids=()) -> None:
    """New tokens for the organisation `slug` and the organisations `organisation_ids`, in
    one UPDATE (the middleware's renewal after a request)."""
    condition = Q(organisation_id__in=list(organisation_ids))
    if slug:
        condition |= Q(organisation__slug=slug)
    LandscapeStamp.objects.filter(condition).update(token=uuid.uuid4())


_local = threading.local()


def _request_changes() -> _Changes | None:
    return getattr(_local, "request", None)


def _organisation_id(organisation) -> int:
    return getattr(organisation, "pk", organisation)


def _in_test_transaction() -> bool:
    """A test case's wrapping transaction never commits: stamp at once there."""
    blocks = getattr(connection, "atomic_blocks", [])
    return bool(blocks) and getattr(blocks[0], "_from_testcase", False)


def _waiting_for_commit() -> _Changes | None:
    """The changes registered to be stamped when the current transaction commits."""
    changes = getattr(_local, "commit", None)
    if changes is None or not connection.in_atomic_block:
        return None
    if any(hook[1] == changes.stamp for hook in connection.run_on_commit):
        return changes
    return None  # its transaction (or savepoint) was rolled back


def _commit_changes() -> _Changes:
    """The changes waiting for the current transaction's commit (registered once)."""
    changes = _waiting_for_commit()
    if changes is None:  # first change of this transaction (an earlier one was rolled back)
        changes = _local.commit = _Changes()
        connection.on_commit(changes.stamp)
    return changes


def bump_landscape(organisation) -> None:
    """The organisation's (or organisation id's) landscape changed: cached analyses are
    stale once the change is committed."""
    organisation_id = _organisation_id(organisation)
    request = _request_changes()
    if request is not None:
        request.ids.add(organisation_id)
    elif connection.in_atomic_block and not _in_test_transaction():
        _commit_changes().ids.add(organisation_id)
    else:
        LandscapeStamp.objects.filter(organisation_id=organisation_id).update(token=uuid.uuid4())


def landscape_pending(organisation) -> bool:
    """Whether this thread changed the organisation's landscape and the stamp is not yet
    renewed: its analysis must be computed afresh, not read from (or kept in) the cache."""
    organisation_id = _organisation_id(organisation)
    request = _request_changes()
    if request is not None and (request.slug_written or organisation_id in request.ids):
        return True
    commit = _waiting_for_commit()
    return commit is not None and organisation_id in commit.ids


def landscape_token(organisation) -> uuid.UUID:
    """The organisation's current token (one query; a missing stamp is created)."""
    organisation_id = _organisation_id(organisation)
    token = (
        LandscapeStamp.objects.filter(organisation_id=organisation_id)
        .values_list("token", flat=True)
        .first()
    )
    if token is None:
        token = LandscapeStamp.objects.get_or_create(organisation_id=organisation_id)[0].token
    return token


def _row_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, TenantModel):
        if instance.in_landscape:
            bump_landscape(instance.organisation_id)
    elif isinstance(instance, Organisation):
        if kwargs.get("created"):
            LandscapeStamp.objects.create(organisation=instance)
        else:
            bump_landscape(instance.pk)


def _links_changed(sender, instance, action, **kwargs) -> None:
    changed = action in ("post_add", "post_remove", "post_clear")
    if changed and isinstance(instance, TenantModel) and instance.in_landscape:
        bump_landscape(instance.organisation_id)


def connect() -> None:
    """Called once from the tenancy app's `ready()`."""
    post_save.connect(_row_changed, dispatch_uid="leitstand.landscape.save")
    post_delete.connect(_row_changed, dispatch_uid="leitstand.landscape.delete")
    m2m_changed.connect(_links_changed, dispatch_uid="leitstand.landscape.links")


@cache
def tenant_tables() -> frozenset[str]:
    """Tables whose rows the analysis of an organisation can read: tenant-owned models,
    their many-to-many tables, and the organisation's own."""
    tables = {Organisation._meta.db_table}
    for model in apps.get_models():
        if issubclass(model, TenantModel) and model.in_landscape:
            tables.add(model._meta.db_table)
            tables.update(
                field.remote_field.through._meta.db_table for field in model._meta.many_to_many
            )
    return frozenset(table.lower() for table in tables)


def mark_landscape_unchanged(request) -> None:
    """Tell the middleware that this unsafe request wrote nothing the analysis reads (inline
    form validation), whatever statements it ran."""
    request.landscape_unchanged = True


class LandscapeStampMiddleware:
    """During an unsafe request, note the organisations whose landscape changed (signals,
    `bump_landscape`, and any write to a tenant table, which covers bulk writes and raw SQL
    in a view); after the response renew their stamps, once, with one UPDATE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in UNSAFE_METHODS:
            return self.get_response(request)
        changes = _Changes()
        outer, _local.request = _request_changes(), changes
        try:
            with connection.execute_wrapper(_WriteWatcher(changes)):
                return self.get_response(request)
        finally:
            _local.request = outer
            if not getattr(request, "landscape_unchanged", False):
                match = getattr(request, "resolver_match", None)
                changes.stamp(match.kwargs.get("org") if match else None)


class _WriteWatcher:
    """Notes a write to a tenant table on the connection (the organisation is the
    request's)."""

    def __init__(self, changes: _Changes):
        self.changes = changes

    def __call__(self, execute, sql, params, many, context):
        if not self.changes.slug_written:
            written = _WRITE.match(sql)
            if written and written.group(1).lower() in tenant_tables():
                self.changes.slug_written = True
        return execute(sql, params, many, context)
