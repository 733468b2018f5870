"""Stale while computing: after a change, the cockpit of a large landscape shows the figures from
before the change at once, says so and refreshes itself, while the new figures are computed in
the background; a small landscape is computed in the request as before. "Large" is set to
three systems plus flows, so the test data stays small."""

import threading

import pytest
from django.urls import reverse

from leitstand.analysis import analyze
from leitstand.analysis.worklist import group_findings
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.landscape import cache
from leitstand.landscape.middleware import REFRESH_S
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.roadmap.groups import finding_groups

# the background thread reads with its own connection: the rows must be committed
pytestmark = pytest.mark.django_db(transaction=True)

NOTICE = 'id="figures-from"'
REFRESH = f'<meta http-equiv="refresh" content="{REFRESH_S}">'


@pytest.fixture
def large_from_three(settings):
    settings.LEITSTAND_STALE_COCKPIT_ROWS = 3


class Held:
    """Once `holding`, the analysis waits for `release` (at most 10 s); `calls` holds the thread
    of each call held."""

    def __init__(self) -> None:
        self.holding = False
        self.release, self.started, self.calls = threading.Event(), threading.Event(), []

    def analyze(self, snapshot):
        if self.holding:
            self.calls.append(threading.current_thread())
            self.started.set()
            self.release.wait(10)
        return analyze(snapshot)


@pytest.fixture
def held_analysis(monkeypatch):
    held = Held()
    monkeypatch.setattr(cache, "analyze", held.analyze)
    yield held
    held.release.set()


def systems(organisation, count: int) -> None:
    for number in range(count):
        SystemFactory(organisation=organisation, name=f"System {number}")


def cockpit(organisation) -> str:
    return reverse("cockpit:home", kwargs={"org": organisation.slug})


def stale_serves() -> float:
    return cache.cache_lookups.labels("cockpit", "stale")._value.get()


def test_after_a_change_a_large_cockpit_shows_the_earlier_figures_at_once(
    login, viewer, org, large_from_three, held_analysis
):
    systems(org, 4)
    client = login(viewer)
    first = client.get(cockpit(org))
    assert NOTICE not in first.content.decode()
    assert first.context["figures"].systems == 4
    SystemFactory(organisation=org, name="New")  # changes the landscape stamp
    served = stale_serves()
    held_analysis.holding = True
    try:
        response = client.get(cockpit(org), HTTP_ACCEPT_LANGUAGE="en")
        assert not held_analysis.release.is_set()  # answered while the new analysis is held
    finally:
        held_analysis.release.set()
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["figures"].systems == 4  # the figures from before the change
    assert NOTICE in page and 'role="status"' in page
    assert "These figures are from" in page and "This page refreshes itself." in page
    assert REFRESH in page
    assert "no-cache" in response["Cache-Control"]
    assert stale_serves() == served + 1
    assert held_analysis.started.wait(10)
    assert held_analysis.calls[0] is not threading.current_thread()  # the background

    assert cache.wait_for_background(30)
    fresh = client.get(cockpit(org))
    assert fresh.context["figures"].systems == 5
    assert NOTICE not in fresh.content.decode() and REFRESH not in fresh.content.decode()
    assert len(held_analysis.calls) == 1  # the request after the background's reads its values
    assert cache.cached_count() == 1  # the earlier landscape is forgotten


def test_further_changes_while_computing_send_the_same_page_from_memory(
    login, viewer, org, large_from_three, held_analysis
):
    """The page with the earlier figures is built once, not again after each change made
    while the new figures are computed (each would build the same page)."""
    from leitstand.tenancy.pagecache import page_cache_lookups

    systems(org, 4)
    client = login(viewer)
    client.get(cockpit(org))
    SystemFactory(organisation=org, name="New")
    held_analysis.holding = True
    built = client.get(cockpit(org))
    assert built.context is not None and NOTICE in built.content.decode()
    assert held_analysis.started.wait(10)
    hits = page_cache_lookups.labels("hit")._value.get()
    SystemFactory(organisation=org, name="Newer")  # a further change while computing
    again = client.get(cockpit(org))
    assert again.context is None  # sent from memory
    assert page_cache_lookups.labels("hit")._value.get() == hits + 1
    assert NOTICE in again.content.decode()
    held_analysis.release.set()
    assert cache.wait_for_background(30)
    # the computation that ran was of the first change: the page shows its figures (5), and
    # the figures of the latest change are computed next
    after = client.get(cockpit(org))
    assert after.context is not None
    assert after.context["figures"].systems == 5 and NOTICE in after.content.decode()
    assert cache.wait_for_background(30)
    fresh = client.get(cockpit(org))
    assert fresh.context["figures"].systems == 6 and NOTICE not in fresh.content.decode()


def test_the_notice_is_in_german(login, viewer, org, large_from_three, held_analysis):
    systems(org, 4)
    client = login(viewer)
    client.get(cockpit(org), HTTP_ACCEPT_LANGUAGE="de")
    SystemFactory(organisation=org, name="New")
    held_analysis.holding = True
    page = client.get(cockpit(org), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Diese Kennzahlen zeigen den Stand von" in page
    assert "Diese Seite aktualisiert sich von selbst." in page


@pytest.mark.parametrize("threshold", [100, 0], ids=["small", "off"])
def test_a_small_cockpit_is_computed_in_the_request(login, viewer, org, settings, threshold):
    settings.LEITSTAND_STALE_COCKPIT_ROWS = threshold
    systems(org, 4)
    client = login(viewer)
    client.get(cockpit(org))
    SystemFactory(organisation=org, name="New")
    response = client.get(cockpit(org))
    assert response.context["figures"].systems == 5
    assert NOTICE not in response.content.decode()
    assert REFRESH not in response.content.decode()


def test_concurrent_cold_requests_start_one_computation(
    viewer, org, large_from_three, held_analysis
):
    from django.test import Client

    systems(org, 4)
    clients = [Client(), Client()]
    for each in clients:
        each.force_login(viewer)
    clients[0].get(cockpit(org))
    SystemFactory(organisation=org, name="New")
    held_analysis.holding = True
    gate, pages = threading.Barrier(2), []

    def look(each):
        gate.wait()
        pages.append(each.get(cockpit(org)).content.decode())

    threads = [threading.Thread(target=look, args=(each,)) for each in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert len(pages) == 2 and all(NOTICE in page for page in pages)
    held_analysis.release.set()
    assert cache.wait_for_background(30)
    assert len(held_analysis.calls) == 1
    assert NOTICE not in clients[1].get(cockpit(org)).content.decode()


def test_another_organisations_earlier_figures_are_never_shown(
    login, viewer, outsider, org, other_org, large_from_three
):
    systems(org, 4)
    systems(other_org, 7)
    login(outsider).get(cockpit(other_org))  # other's figures kept
    SystemFactory(organisation=other_org, name="New")
    client = login(viewer)
    response = client.get(cockpit(org))  # acme has no earlier figures: computed here
    assert response.context["figures"].systems == 4
    assert NOTICE not in response.content.decode()
    SystemFactory(organisation=org, name="New")
    response = client.get(cockpit(org))
    assert NOTICE in response.content.decode()
    assert response.context["figures"].systems == 4  # acme's own earlier figures


def test_the_new_large_analysis_is_frozen_when_the_earlier_one_is_forgotten(
    login, viewer, org, large_from_three, settings
):
    """Forgetting the earlier landscape unfreezes every frozen object (its own among them):
    the new one, and no other, is frozen again (full collections walked a kept analysis'
    millions of objects, about a second holding every thread at 10,000 systems)."""
    import gc

    settings.LEITSTAND_GC_FREEZE_ROWS = 3
    systems(org, 4)
    client = login(viewer)
    client.get(cockpit(org))
    assert gc.get_freeze_count() > 0
    SystemFactory(organisation=org, name="New")
    assert NOTICE in client.get(cockpit(org)).content.decode()
    assert cache.wait_for_background(30)
    assert cache.cached_count() == 1
    assert gc.get_freeze_count() > 0


def test_beyond_the_supported_size_earlier_figures_beat_the_being_computed_page(
    login, viewer, org, large_from_three, settings, monkeypatch
):
    from leitstand.landscape import background

    monkeypatch.setattr(background, "WAIT_S", 0.0)  # a request does not wait for the background
    settings.LEITSTAND_MAX_SYSTEMS = 3
    systems(org, 4)
    client = login(viewer)
    assert client.get(cockpit(org)).status_code == 202  # nothing earlier to show
    for _look in range(10):
        assert cache.wait_for_background(30)
        response = client.get(cockpit(org))
        if response.status_code == 200:
            break
    assert NOTICE not in response.content.decode()
    SystemFactory(organisation=org, name="New")
    response = client.get(cockpit(org))
    assert response.status_code == 200
    assert NOTICE in response.content.decode()
    assert response.context["figures"].systems == 4
    assert cache.wait_for_background(30)
    response = client.get(cockpit(org))
    assert response.status_code == 200 and response.context["figures"].systems == 5
    assert NOTICE not in response.content.decode()


def test_the_earlier_analysis_is_freed_once_the_new_one_is_kept(
    login, viewer, org, large_from_three
):
    """A thread keeps its last request alive (auditlog's context): the request must not keep
    the analysis it showed, or the earlier one stays in memory after the cache forgot it."""
    import gc
    import weakref

    from leitstand.flows.tests.factories import IntegrationFactory
    from leitstand.inventory.tests.factories import PersonFactory

    owner = PersonFactory(organisation=org)
    first, second = (SystemFactory(organisation=org, owner=owner) for _ in range(2))
    IntegrationFactory(organisation=org, source=first, target=second)
    client = login(viewer)
    client.get(cockpit(org))
    (key,) = list(cache._landscapes)
    earlier = weakref.ref(cache._landscapes[key]["analysis"])
    SystemFactory(organisation=org, name="New")
    assert NOTICE in client.get(cockpit(org)).content.decode()
    assert cache.wait_for_background(30)
    gc.collect()
    assert earlier() is None


def test_other_pages_never_show_earlier_figures(login, viewer, org, large_from_three):
    systems(org, 4)
    client = login(viewer)
    client.get(cockpit(org))
    SystemFactory(organisation=org, name="Added after the cockpit")
    response = client.get(reverse("findings:analysis_json", kwargs={"org": org.slug}))
    assert "Added after the cockpit" in response.content.decode()


def test_finding_groups_are_kept_with_their_own_analysis(org):
    """A page showing an older analysis must not keep its groups for the current landscape."""

    def analysis():
        return cache.cached_analysis(org, lambda: analyze(landscape_snapshot(org)))

    systems(org, 2)
    older = analysis()
    SystemFactory(organisation=org, name="Without owner")
    current = analysis()
    assert current.findings != older.findings
    finding_groups(older, org)
    assert finding_groups(current, org) == group_findings(current.findings)
