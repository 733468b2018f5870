"""An organisation beyond the supported size in a real browser: the cockpit says its figures
are being computed (German and English, phone and laptop), and shows them by itself, without
a click, once the background analysis is done."""

import threading

import pytest
from playwright.sync_api import expect

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.landscape import cache

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_cockpit_says_being_computed_and_then_shows_the_figures(
    live_server, page, sign_in, org, owner, settings, shot, monkeypatch
):
    settings.LEITSTAND_MAX_SYSTEMS = 3
    for number in range(4):
        SystemFactory(organisation=org, name=f"System {number}")
    release = threading.Event()
    analyze = cache.analyze

    def held_analyze(snapshot):
        release.wait(60)  # long enough to look at the state
        return analyze(snapshot)

    monkeypatch.setattr(cache, "analyze", held_analyze)
    sign_in(page, owner)
    language = {"name": settings.LANGUAGE_COOKIE_NAME, "url": live_server.url}
    page.context.add_cookies([{**language, "value": "de"}])
    page.goto(f"{live_server.url}/o/acme/")
    state = page.locator("#being-computed")
    expect(state).to_contain_text("Die Kennzahlen werden berechnet")
    expect(state).to_contain_text("Diese Seite sieht alle 3 Sekunden nach")
    shot(page, "being-computed-1366-de")
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "being-computed-390-de")

    page.set_viewport_size({"width": 1366, "height": 900})
    page.context.add_cookies([{**language, "value": "en"}])
    # the page looks again by itself (meta refresh), now in English
    expect(state).to_contain_text("The figures are being computed", timeout=15_000)
    shot(page, "being-computed-1366-en")

    release.set()
    # the page looks again by itself (meta refresh) and becomes the cockpit
    expect(state).to_have_count(0, timeout=20_000)
    expect(page.locator("#being-computed")).to_have_count(0)
    expect(page.locator("h1")).to_have_text("Acme GmbH")
    shot(page, "being-computed-done")
