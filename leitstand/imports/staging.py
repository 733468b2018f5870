"""Large imports without holding the database's write lock: write the new rows in batches
into a hidden staging organisation, then move them into the real one in one short
transaction.

SQLite lets one writer at a time. An import of 100,000 rows written in one transaction held
that lock for tens of seconds, and a person saving a form meanwhile waited past the busy
timeout and got an error. Now:
1. the file is read and the import planned without any write (reads never block here);
2. the new rows (and new departments, people, vendors, capabilities, their links and
   assessments) are written in batches of `BATCH_ROWS`, each in its own short transaction,
   into a staging organisation: every query of the application is scoped to an
   organisation, so nobody sees them (the tenant isolation tests prove the scoping);
3. one short transaction applies the updates of existing rows, moves the staged rows into
   the real organisation (one UPDATE per table), records the import as done with its audit
   entry and renews the landscape stamp.
From the user's view the import is all or nothing: before step 3 commits nothing of it is
visible; if step 3 fails (someone created a system of the same name meanwhile), it rolls
back and the staged rows are removed. A process killed midway leaves a staging
organisation that `discard_abandoned` (run by `leitstand cleanup_imports` and when gunicorn
starts) removes; the import record is still a draft.
"""

import uuid
from datetime import timedelta

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone

from leitstand.tenancy.models import LandscapeStamp, Organisation, TenantModel

#: Slugs of staging organisations start with this; no person can choose it (slugs are
#: checked against it when organisations are created through the pages).
PREFIX = "import-staging-"
#: New rows per write transaction: about half a second of lock on SQLite.
BATCH_ROWS = 5000


def tenant_models() -> list:
    return [model for model in apps.get_models() if issubclass(model, TenantModel)]


def create_staging(run) -> Organisation:
    """Inserted without the signals of a saved organisation: a throwaway organisation gets
    no audit entries and no landscape stamp (nothing analyses it)."""
    staging = Organisation(
        name=f"Import {run.pk} (staging)", slug=f"{PREFIX}{run.pk}-{uuid.uuid4().hex[:8]}"
    )
    Organisation.objects.bulk_create([staging])
    return staging


def is_staging(organisation: Organisation) -> bool:
    return organisation.slug.startswith(PREFIX)


def move_rows(staging: Organisation, target: Organisation) -> None:
    """Inside the switch-over transaction: every staged row now belongs to `target`."""
    for model in tenant_models():
        model._base_manager.filter(organisation=staging).update(organisation=target)
    _remove_organisation(staging)


def _remove_organisation(staging: Organisation) -> None:
    """Two plain deletes instead of Django's cascade, which looked into every table that
    refers to organisations and wrote an audit entry. Nothing may refer to the staging
    organisation any more: if something did, the database's foreign key check refuses the
    transaction when it commits (the import then fails, nothing is lost)."""
    LandscapeStamp.objects.filter(organisation=staging)._raw_delete(DEFAULT_DB_ALIAS)
    Organisation.objects.filter(pk=staging.pk)._raw_delete(DEFAULT_DB_ALIAS)


def discard(staging: Organisation) -> None:
    """Remove a staging organisation and everything in it, quickly (plain deletes; the
    database checks the foreign keys when the transaction commits)."""
    with transaction.atomic():
        for model in tenant_models():
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                source = field.m2m_field_name()
                through._base_manager.filter(**{f"{source}__organisation": staging})._raw_delete(
                    DEFAULT_DB_ALIAS
                )
        for model in reversed(tenant_models()):
            model._base_manager.filter(organisation=staging)._raw_delete(DEFAULT_DB_ALIAS)
        _remove_organisation(staging)


def discard_abandoned(older_than: timedelta) -> int:
    """Staging organisations of imports that were killed midway."""
    abandoned = Organisation.objects.filter(
        slug__startswith=PREFIX, created_at__lt=timezone.now() - older_than
    )
    count = 0
    for staging in abandoned:
        discard(staging)
        count += 1
    return count
