"""A large landscape in a real browser: after a change the cockpit shows the figures from before
it at once, says so in German, and shows the new figures by itself, without a click, once the
background is done ("large" is set to three systems plus flows)."""

import threading

import pytest
from playwright.sync_api import expect

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.landscape import cache

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_cockpit_shows_the_earlier_figures_while_the_new_ones_are_computed(
    live_server, page, sign_in, org, owner, settings, shot, monkeypatch
):
    settings.LEITSTAND_STALE_COCKPIT_ROWS = 3
    for number in range(4):
        SystemFactory(organisation=org, name=f"System {number}")
    sign_in(page, owner)
    language = {"name": settings.LANGUAGE_COOKIE_NAME, "url": live_server.url}
    page.context.add_cookies([{**language, "value": "de"}])
    page.goto(f"{live_server.url}/o/acme/")
    expect(page.locator("#kpi-systems .kpi-value")).to_have_text("4")
    expect(page.locator("#figures-from")).to_have_count(0)

    release = threading.Event()
    analyze = cache.analyze

    def held_analyze(snapshot):
        release.wait(60)  # long enough to look at the notice
        return analyze(snapshot)

    monkeypatch.setattr(cache, "analyze", held_analyze)
    SystemFactory(organisation=org, name="System 4")
    page.goto(f"{live_server.url}/o/acme/")
    notice = page.locator("#figures-from")
    expect(notice).to_contain_text("Diese Kennzahlen zeigen den Stand von")
    expect(notice).to_contain_text("die letzten Änderungen werden gerade eingerechnet")
    expect(notice).to_have_attribute("role", "status")
    expect(page.locator("#kpi-systems .kpi-value")).to_have_text("4")
    shot(page, "figures-while-computing-1366-de")
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "figures-while-computing-390-de")

    page.set_viewport_size({"width": 1366, "height": 900})
    release.set()
    # the page looks again by itself (meta refresh) and shows the new figures without a notice
    expect(page.locator("#kpi-systems .kpi-value")).to_have_text("5", timeout=20_000)
    expect(page.locator("#figures-from")).to_have_count(0)
    shot(page, "figures-while-computing-done-de")
