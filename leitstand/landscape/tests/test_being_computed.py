"""An organisation beyond the supported size: its analysis is computed in the background while
its pages say so in the normal layout and refresh themselves; within the supported size nothing
changes. The supported size is set to three systems, so the test data stays small."""

import json
import os
import threading

import pytest
from django.urls import reverse

from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.landscape import background, cache
from leitstand.landscape.middleware import REFRESH_S

# the background thread reads with its own connection: the rows must be committed
pytestmark = pytest.mark.django_db(transaction=True)

ANALYSIS_PAGES = (
    ("cockpit:home", {}),
    ("findings:findings", {}),
    ("resilience:overview", {}),
    ("roadmap:proposals", {}),
    ("continuity:overview", {}),
)


@pytest.fixture(autouse=True)
def answer_at_once(monkeypatch):
    """A request does not wait for the background (small analyses are done in milliseconds)."""
    monkeypatch.setattr(background, "WAIT_S", 0.0)


@pytest.fixture
def supported_three(settings):
    settings.LEITSTAND_MAX_SYSTEMS = 3
    settings.LEITSTAND_MAX_INTEGRATIONS = 100


def systems(org, count: int) -> list:
    return [SystemFactory(organisation=org, name=f"System {n}") for n in range(count)]


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def ready(client, path: str, **headers):
    """The page once everything it keeps is computed: each look starts what is missing (a
    request here does not wait for the background at all), as the page's refresh does."""
    for _look in range(20):
        response = client.get(path, **headers)
        if response.status_code not in (202, 503):  # 503: a JSON client's "being computed"
            return response
        assert cache.wait_for_background(60)
    raise AssertionError(f"{path} is still being computed")


def background_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("analysis of ")]


def test_first_request_says_being_computed_then_the_page_shows_the_figures(
    login, viewer, org, supported_three
):
    first, second, *_ = systems(org, 4)
    IntegrationFactory(organisation=org, source=first, target=second)
    client = login(viewer)

    response = client.get(url("cockpit:home"))
    assert response.status_code == 202
    page = response.content.decode()
    assert 'id="being-computed"' in page
    assert "The figures are being computed" in page
    assert "larger than the 3 systems or 100 integrations" in page
    assert f'<meta http-equiv="refresh" content="{REFRESH_S}">' in page
    assert 'id="inventory-menu"' in page  # the normal layout, with the organisation's menus
    assert "no-cache" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]  # no inline script

    response = ready(client, url("cockpit:home"))
    assert response.status_code == 200
    assert 'id="being-computed"' not in response.content.decode()


@pytest.mark.parametrize(("name", "kwargs"), ANALYSIS_PAGES, ids=[n for n, _ in ANALYSIS_PAGES])
def test_every_page_of_the_analysis_answers_at_once(
    login, viewer, org, supported_three, name, kwargs
):
    systems(org, 4)
    client = login(viewer)
    response = client.get(url(name, **kwargs))
    assert response.status_code == 202
    assert 'id="being-computed"' in response.content.decode()
    assert ready(client, url(name, **kwargs)).status_code == 200


def test_one_computation_for_many_requests(login, viewer, org, supported_three, monkeypatch):
    systems(org, 4)
    started = threading.Event()
    release = threading.Event()
    calls = []
    analyze = cache.analyze

    def slow_analyze(snapshot):
        calls.append(snapshot)
        started.set()
        release.wait(30)
        return analyze(snapshot)

    monkeypatch.setattr(cache, "analyze", slow_analyze)
    client = login(viewer)
    assert client.get(url("findings:findings")).status_code == 202  # it asks for the analysis
    assert started.wait(30)
    for name, kwargs in ANALYSIS_PAGES:
        assert client.get(url(name, **kwargs)).status_code == 202
    release.set()
    assert ready(client, url("findings:findings")).status_code == 200
    assert len(calls) == 1


def test_the_state_is_in_german(login, viewer, org, supported_three):
    systems(org, 4)
    response = login(viewer).get(url("cockpit:home"), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 202
    page = response.content.decode()
    assert "Die Kennzahlen werden berechnet" in page
    assert "größer als die unterstützten 3 Systeme oder 100 Schnittstellen" in page


def test_json_clients_are_asked_to_come_back(login, viewer, org, supported_three, caplog):
    systems(org, 4)
    response = login(viewer).get(url("findings:analysis_json"))
    assert response.status_code == 503
    assert response["Retry-After"] == str(REFRESH_S)
    assert "being computed" in response.json()["detail"]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]  # expected, not an error


def test_the_analysis_as_json_is_written_in_the_background(login, viewer, org, supported_three):
    systems(org, 4)
    response = ready(login(viewer), url("findings:analysis_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = json.loads(b"".join(response.streaming_content))
    assert len(document["portfolio"]) == 4


def test_a_download_is_written_in_the_background_and_kept_until_a_change(
    login, viewer, org, supported_three, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    systems(org, 4)
    client = login(viewer)
    path = reverse("exports:download", kwargs={"org": "acme"}) + "?format=csv&entity=systems"
    response = client.get(path)
    assert response.status_code == 202
    assert "The file is being prepared" in response.content.decode()
    assert "the download starts by itself" in response.content.decode()
    response = ready(client, path)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"System 3" in b"".join(response.streaming_content)
    assert len(list((tmp_path / "downloads").iterdir())) == 1

    SystemFactory(organisation=org, name="System 9")
    assert b"System 9" in b"".join(ready(client, path).streaming_content)
    assert len(list((tmp_path / "downloads").iterdir())) == 1  # the earlier file is gone


def test_an_htmx_request_gets_the_message_without_the_layout(login, viewer, org, supported_three):
    systems(org, 4)
    response = login(viewer).get(url("findings:findings"), HTTP_HX_REQUEST="true")
    assert response.status_code == 202
    page = response.content.decode()
    assert 'id="being-computed"' in page
    assert "<html" not in page


def test_the_client_overview_says_being_computed_and_then_counts(
    login, owner, org, supported_three
):
    systems(org, 4)
    client = login(owner)
    page = client.get(reverse("organisation_list")).content.decode()
    assert "being computed" in page
    assert cache.wait_for_background(60)
    page = client.get(reverse("organisation_list")).content.decode()
    assert "being computed" not in page


@pytest.mark.parametrize("count", [0, 3])
def test_within_the_supported_size_pages_never_say_being_computed(
    login, viewer, org, supported_three, count
):
    systems(org, count)  # three is the supported size itself
    client = login(viewer)
    for name, kwargs in ANALYSIS_PAGES:
        response = client.get(url(name, **kwargs))
        assert response.status_code == 200, name
        assert 'id="being-computed"' not in response.content.decode()
    assert not background_threads()
    assert client.get(reverse("organisation_list")).status_code == 200
    assert not background_threads()


def test_too_many_flows_alone_is_beyond_the_supported_size(login, viewer, org, settings):
    settings.LEITSTAND_MAX_INTEGRATIONS = 1
    first, second = systems(org, 2)
    IntegrationFactory(organisation=org, source=first, target=second)
    IntegrationFactory(organisation=org, source=second, target=first)
    assert login(viewer).get(url("cockpit:home")).status_code == 202


def test_a_request_waits_briefly_for_a_quick_computation(
    login, viewer, org, supported_three, monkeypatch
):
    systems(org, 4)
    monkeypatch.setattr(background, "WAIT_S", 10.0)
    threads = []
    analyze = cache.analyze

    def recording(snapshot):
        threads.append(threading.current_thread().name)
        return analyze(snapshot)

    monkeypatch.setattr(cache, "analyze", recording)
    response = login(viewer).get(url("cockpit:home"))
    assert response.status_code == 200  # computed in the background within the wait
    assert threads == ["analysis of acme"]


def test_a_failed_computation_is_shown_not_awaited_forever(
    login, viewer, org, supported_three, monkeypatch
):
    systems(org, 4)

    def broken(snapshot):
        raise RuntimeError("broken rule")

    monkeypatch.setattr(cache, "analyze", broken)
    client = login(viewer)
    assert client.get(url("cockpit:home")).status_code == 202
    for _look in range(5):  # each look starts what is missing, as the page's refresh does
        assert cache.wait_for_background(60)
        try:
            assert client.get(url("cockpit:home")).status_code == 202
        except RuntimeError as error:
            assert str(error) == "broken rule"  # the error is seen, not "being computed"
            break
    else:
        raise AssertionError("the failure was never shown")


def test_a_form_sent_while_its_figures_are_computed_goes_back_to_its_page(
    login, editor, org, supported_three
):
    """A refresh is a GET: the page of a form that was sent looks again at the page the form
    was on (the address the form was sent to may take POST alone), and says to send it again."""
    systems(org, 4)
    client = login(editor)
    proposals = "http://testserver" + url("roadmap:proposals")
    response = client.post(
        url("roadmap:proposal_decide"),
        {"key": ["candidate:1"], "action": "drop"},
        HTTP_REFERER=proposals,
    )
    assert response.status_code == 202
    page = response.content.decode()
    assert f'<meta http-equiv="refresh" content="{REFRESH_S};url={proposals}">' in page
    assert "was not saved yet: send it again" in page
    assert f'href="{proposals}"' in page
    elsewhere = client.post(
        url("roadmap:proposal_decide"), {"action": "drop"}, HTTP_REFERER="https://evil.example/"
    ).content.decode()
    assert f'content="{REFRESH_S};url={url("roadmap:proposal_decide")}"' in elsewhere
    assert cache.wait_for_background(60)
    cache.forget_all(keeping=("analysis",))  # the cockpit's own figures are computed again
    shown = client.get(url("cockpit:home"))
    assert shown.status_code == 202  # a page that was asked for looks again at itself
    assert f'content="{REFRESH_S}">' in shown.content.decode()
    assert "was not saved" not in shown.content.decode()


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="thread priorities: Linux")
@pytest.mark.parametrize("nice", [19, 0])
def test_values_are_computed_in_the_background_at_a_lower_priority(org, settings, nice):
    """Requests answered meanwhile get the processor first (LEITSTAND_BACKGROUND_NICE)."""
    settings.LEITSTAND_BACKGROUND_NICE = nice
    seen, done = [], threading.Event()

    def lead():
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        done.set()

    background.start(lead, (org.pk, "stamp"), "test", org)
    assert done.wait(10)
    assert seen == [max(nice, os.getpriority(os.PRIO_PROCESS, 0))]


def test_the_background_waits_for_a_moment_without_requests():
    """The collection after a large landscape is forgotten holds every thread: it runs between
    requests when there is such a moment."""
    from django.http import HttpRequest

    token = background.mark_request_start(HttpRequest())
    waited: list[bool] = []
    waiter = threading.Thread(target=lambda: waited.append(background.wait_until_idle(10)))
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive()  # a request is being answered
    background.end_request(token)
    waiter.join(5)
    assert waited == [True]
    busy = background.mark_request_start(HttpRequest())
    try:
        assert background.wait_until_idle(0.05) is False  # gives up after the timeout
    finally:
        background.end_request(busy)
