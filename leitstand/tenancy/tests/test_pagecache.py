"""Pages kept until the landscape changes (leitstand.tenancy.pagecache)."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leitstand.inventory.models import System
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.tenancy.pagecache import page_cache_lookups
from leitstand.tenancy.stamps import bump_landscape
from leitstand.tenancy.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _systems(org):
    return reverse("inventory:system_list", kwargs={"org": org.slug})


def _hits() -> float:
    return page_cache_lookups.labels("hit")._value.get()


def _token(html: str) -> str:
    return re.search(r'"X-CSRFToken": "([A-Za-z0-9]+)"', html).group(1)


def test_a_page_read_again_is_sent_from_memory_until_the_landscape_changes(login, viewer, org):
    SystemFactory(organisation=org, name="ERP")
    client = login(viewer)
    first = client.get(_systems(org))
    assert first.context is not None and "ERP" in first.content.decode()
    hits = _hits()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(_systems(org))
    assert again.status_code == 200 and again.context is None  # not built again
    assert _hits() == hits + 1
    assert "ERP" in again.content.decode()
    assert len(queries) <= 5, [q["sql"] for q in queries]
    assert again.content.decode().replace(
        _token(again.content.decode()), ""
    ) == first.content.decode().replace(_token(first.content.decode()), "")

    SystemFactory(organisation=org, name="Webshop")  # any write renews the stamp
    changed = client.get(_systems(org))
    assert changed.context is not None and "Webshop" in changed.content.decode()


def test_a_change_without_signals_is_seen_once_the_stamp_is_renewed(login, viewer, org):
    system = SystemFactory(organisation=org, name="ERP")
    client = login(viewer)
    client.get(_systems(org))
    System.objects.filter(pk=system.pk).update(name="ERP neu")
    bump_landscape(org)
    assert "ERP neu" in client.get(_systems(org)).content.decode()


def test_kept_per_user_role_language_and_query(login, viewer, editor, org):
    SystemFactory(organisation=org, name="ERP")
    client = login(viewer)
    client.get(_systems(org))
    assert client.get(_systems(org), {"q": "erp"}).context is not None  # another query
    client.cookies["leitstand_language"] = "de"
    german = client.get(_systems(org))
    assert german.context is not None and 'lang="de"' in german.content.decode()

    other = Client()
    other.force_login(editor, backend=AUTH_BACKEND)
    page = other.get(_systems(org))
    assert page.context is not None  # another user (and role) builds their own


def test_the_form_token_of_a_kept_page_is_the_readers_own(viewer, org):
    """Two sessions of the same user: the second gets the kept page with its own token, and
    a form sent with it is accepted."""
    SystemFactory(organisation=org, name="ERP")
    membership = MembershipFactory(organisation=org, user=UserFactory(), role="editor")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for client in (first, second):
        client.force_login(membership.user, backend=AUTH_BACKEND)
    html = first.get(_systems(org)).content.decode()
    kept = second.get(_systems(org))
    assert kept.context is None
    token = _token(kept.content.decode())
    assert token != _token(html) and "\x00" not in kept.content.decode()
    assert f'name="csrfmiddlewaretoken" value="{token}"' in kept.content.decode()
    create = reverse("inventory:system_create", kwargs={"org": org.slug})
    refused = second.post(create, {"name": "Without token"})
    assert refused.status_code == 403
    accepted = second.post(create, {"name": "Zeiterfassung", "csrfmiddlewaretoken": token})
    assert accepted.status_code == 200 and accepted.context["form"].errors  # past the check


def test_waiting_messages_are_shown_not_a_kept_page(login, editor, org):
    client = login(editor)
    client.get(_systems(org))
    request = client.get(_systems(org)).wsgi_request
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "Saved just now.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value
    page = client.get(_systems(org))
    assert page.context is not None and "Saved just now." in page.content.decode()
    assert "Saved just now." not in client.get(_systems(org)).content.decode()


def test_a_page_is_kept_for_a_limited_time_and_size(login, viewer, org, settings, monkeypatch):
    client = login(viewer)
    client.get(_systems(org))
    assert client.get(_systems(org)).context is None
    from leitstand.tenancy import pagecache

    later = pagecache.time.monotonic() + settings.LEITSTAND_PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)
    assert client.get(_systems(org)).context is not None

    settings.LEITSTAND_PAGE_CACHE_MB = 0
    client.get(_systems(org))
    assert client.get(_systems(org)).context is not None


def test_an_answer_that_forbids_keeping_is_not_kept(login, viewer, org, monkeypatch):
    from leitstand.cockpit import views

    home = reverse("cockpit:home", kwargs={"org": org.slug})
    client = login(viewer)
    original = views.render

    def never_cache(*args, **kwargs):
        response = original(*args, **kwargs)
        response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
        return response

    monkeypatch.setattr(views, "render", never_cache)
    client.get(home)
    assert client.get(home).context is not None


def test_another_organisations_page_is_never_sent(login, viewer, outsider, org, other_org):
    SystemFactory(organisation=org, name="Our ERP")
    login(viewer).get(_systems(org))
    stranger = Client()
    stranger.force_login(outsider, backend=AUTH_BACKEND)
    assert stranger.get(_systems(org)).status_code == 404
    own = stranger.get(_systems(other_org))
    assert own.status_code == 200 and "Our ERP" not in own.content.decode()


def test_a_page_may_be_kept_on_a_condition(login, viewer, org, monkeypatch):
    """The cockpit showing its previous figures is kept, although it tells browsers not to
    keep it, until its condition says otherwise."""
    from leitstand.cockpit import views

    home = reverse("cockpit:home", kwargs={"org": org.slug})
    original = views.render
    computing = [True]

    def meanwhile(*args, **kwargs):
        response = original(*args, **kwargs)
        response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
        response.page_cache_while = lambda request: computing[0]
        return response

    monkeypatch.setattr(views, "render", meanwhile)
    client = login(viewer)
    client.get(home)
    assert client.get(home).context is None
    computing[0] = False
    assert client.get(home).context is not None
