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


@pytest.fixture(autouse=True)
def _english_and_fast(settings):
    settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _no_analysis_from_an_earlier_test():
    """Ids repeat between tests (rolled-back transactions): start every test with an empty
    analysis cache. Within a test the cache stays on, so tests prove it is invalidated."""
    from leitstand.landscape.cache import forget_all

    forget_all()
    yield
    forget_all()


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
