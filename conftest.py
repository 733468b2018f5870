"""Shared test fixtures: the fixed personas of every test module.

`org` has an owner, an editor and a viewer; `outsider` belongs only to `other_org`.
"""

import os

import pytest

from leitstand.tenancy.models import Role
from leitstand.tenancy.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

# Playwright's sync API runs an event loop; Django's live server is still safe to use from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _english_and_fast_settings(settings) -> dict:
    return {
        "LANGUAGE_CODE": "en",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }


@pytest.fixture(autouse=True)
def _english_and_fast(settings):
    for name, value in _english_and_fast_settings(settings).items():
        setattr(settings, name, value)


@pytest.fixture(scope="session", autouse=True)
def _no_lingering_database_sessions(django_db_setup, django_db_blocker):
    """PostgreSQL refuses to drop a test database that another session still uses, and
    pytest-django then warns at the very end ("... is being accessed by other users"): a
    thread (a live server's request, a test's writer) that kept its connection. Such sessions
    are ended before the database is dropped and named in var/test-lingering-sessions.txt."""
    yield
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, left(query, 300) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        lingering = cursor.fetchall()
        for pid, _state, _query in lingering:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    if lingering:
        report = settings.VAR_DIR / "test-lingering-sessions.txt"
        with report.open("a") as out:
            out.writelines(f"{pid} {state}: {query}\n" for pid, state, query in lingering)


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo company (Muster Logistik, without members), loaded once for a whole test module
    whose tests only need it as it is: loading it takes seconds, and a dozen modules did so
    for every test. The load stays inside one transaction that is rolled back when the
    module's last test is done; each test still runs in its own savepoint (the `db` fixture),
    so what a test writes is gone before the next one. Only for `db` tests: a browser or
    `transactional_db` test (another connection, or a flush) cannot see or keep it."""
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings
    from django.utils import translation

    from leitstand.demo.loader import MUSTER_LOGISTIK, load_organisation

    with (
        django_db_blocker.unblock(),
        override_settings(**_english_and_fast_settings(settings)),
        translation.override("en"),
        transaction.atomic(),
    ):
        yield load_organisation(MUSTER_LOGISTIK, {})
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_analysis_from_an_earlier_test():
    """Ids repeat between tests (rolled-back transactions): start every test with an empty
    analysis cache and no kept pages. Within a test both stay on, so tests prove they are
    invalidated."""
    from leitstand.landscape.cache import forget_all, wait_for_background
    from leitstand.tenancy.pagecache import forget_pages

    forget_all()
    forget_pages()
    yield
    wait_for_background(60)  # an analysis in the background (beyond the supported size)
    forget_all()
    forget_pages()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files (imports) go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Acme GmbH", slug="acme")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Other AG", slug="other")


def _member(organisation, role, email):
    return MembershipFactory(
        organisation=organisation, role=role, user=UserFactory(email=email)
    ).user


@pytest.fixture
def owner(org):
    return _member(org, Role.OWNER, "owner@acme.example")


@pytest.fixture
def editor(org):
    return _member(org, Role.EDITOR, "editor@acme.example")


@pytest.fixture
def viewer(org):
    return _member(org, Role.VIEWER, "viewer@acme.example")


@pytest.fixture
def outsider(other_org):
    return _member(other_org, Role.OWNER, "outsider@other.example")


@pytest.fixture
def login(client):
    """`login(user)` signs the test client in as that user and returns it."""

    def sign_in(user):
        client.force_login(user, backend=AUTH_BACKEND)
        return client

    return sign_in
