"""The integration map of a landscape too large to draw system by system (issue 22): the demo
company with the map's limit lowered to 10 systems, so it is shown by department."""

import re

from playwright.sync_api import expect

from leitstand.accounts.models import User

ORG = "/o/muster-logistik"

GROUP_POSITION = """(name) => {
  const cy = document.getElementById("group-map").cy;
  const p = cy.nodes().filter((n) => n.data("name") === name)[0].renderedPosition();
  return {x: p.x, y: p.y};
}"""


def _ready(page, selector):
    expect(page.locator(selector)).to_have_attribute("data-ready", "true", timeout=20000)
    page.wait_for_timeout(300)  # let the first frame settle for the screenshot


def test_a_large_map_is_drawn_by_department_and_opens_a_group_and_a_neighbourhood(
    live_server, page, demo, sign_in, shot, settings
):
    settings.LEITSTAND_MAP_MAX_NODES = 10
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/map/")
    _ready(page, "#group-map")
    expect(page.locator("#map-aggregated")).to_contain_text(
        "systems are too many to draw at once, so the map shows them grouped by department"
    )
    expect(page.locator("#map-groups")).to_contain_text("Lager")
    shot(page, "map-groups")
    # cytoscape reads the map's place on the page after a scroll has settled, not in the same
    # instant as Playwright's scroll-and-click
    page.locator("#group-map").scroll_into_view_if_needed()
    page.wait_for_timeout(300)

    page.locator("#group-map").click(position=page.evaluate(GROUP_POSITION, "Lager"))
    expect(page.locator("#map-panel-title")).to_have_text("Lager")
    expect(page.locator("#map-panel")).to_contain_text("Flows between its own systems")
    shot(page, "map-group-clicked")
    page.locator("#map-open").click()
    _ready(page, "#flow-map")
    expect(page.locator("#map-notice")).to_contain_text("Lager:")
    shot(page, "map-group-open")

    page.get_by_role("link", name="Back to the whole map").click()
    page.get_by_role("link", name="by capability").click()
    expect(page).to_have_url(re.compile(r"by=capability"))
    _ready(page, "#group-map")
    expect(page.locator("#map-aggregated")).to_contain_text("grouped by capability")
    shot(page, "map-groups-capability")

    search = page.get_by_label("Open a system's neighbourhood")
    search.press_sequentially("ProLog", delay=30)  # keyboard only: type, then Enter
    expect(page.locator("#map-search-suggestions option")).to_have_count(1)
    search.press_sequentially(" ERP 9")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"by=capability&system=\d+"))
    _ready(page, "#flow-map")
    expect(page.locator("#map-notice")).to_contain_text("Neighbourhood of ProLog ERP 9:")
    centre = page.evaluate(
        "() => document.getElementById('flow-map').cy.nodes('.centre').map((n) => n.data('label'))"
    )
    assert centre == ["ProLog ERP 9"]
    shot(page, "map-neighbourhood")

    page.locator("#language-switcher").click()
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("#map-notice")).to_contain_text("Umgebung von ProLog ERP 9:")
    _ready(page, "#flow-map")
    shot(page, "map-neighbourhood-de")
    page.get_by_role("link", name="Zurück zur ganzen Karte").click()
    _ready(page, "#group-map")
    expect(page.locator("#map-aggregated")).to_contain_text("nach Fähigkeiten zusammengefasst")
    shot(page, "map-groups-de")
