"""The integration map and the analysis pages in a real browser, on the demo company."""

import re

from playwright.sync_api import expect

from leitstand.accounts.models import User

ORG = "/o/muster-logistik"

NODE_POSITION = """(label) => {
  const cy = document.getElementById("flow-map").cy;
  const node = cy.nodes().filter((n) => n.data("label") === label)[0];
  const p = node.renderedPosition();
  return {x: p.x, y: p.y};
}"""

EDGE_POSITION = """([source, target]) => {
  const cy = document.getElementById("flow-map").cy;
  const edge = cy.edges().filter(
    (e) => e.source().data("label") === source && e.target().data("label") === target)[0];
  const p = edge.renderedMidpoint();
  return {x: p.x, y: p.y};
}"""

VISIBLE_EDGE_CATEGORIES = """() => {
  const cy = document.getElementById("flow-map").cy;
  const shown = cy.edges().filter((e) => !e.hasClass("hidden"));
  return [...new Set(shown.map((e) => e.data("category")))].sort();
}"""


def _open_map(page, live_server):
    page.goto(f"{live_server.url}{ORG}/map/")
    expect(page.locator("#flow-map")).to_have_attribute("data-ready", "true", timeout=20000)
    page.wait_for_timeout(300)  # let the first frame settle for the screenshot


def test_map_shows_the_landscape_and_explains_a_clicked_system(
    live_server, page, demo, sign_in, shot
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, User.objects.get(email="demo@example.com"))
    _open_map(page, live_server)
    shot(page, "map")

    erp = page.evaluate(NODE_POSITION, "ProLog ERP 9")
    page.locator("#flow-map").click(position=erp)
    expect(page.locator("#map-panel-title")).to_have_text("ProLog ERP 9")
    expect(page.locator("#map-panel")).to_contain_text("Systems that depend on it")
    shot(page, "map-system-clicked")

    middle = page.evaluate(EDGE_POSITION, ["Microsoft 365 Business Standard", "ProLog ERP 9"])
    page.locator("#flow-map").click(position=middle)
    expect(page.locator("#map-panel-title")).to_have_text(
        "Microsoft 365 Business Standard → ProLog ERP 9"
    )
    expect(page.locator("#map-panel")).to_contain_text("re-typed by hand")
    expect(page.locator("#map-panel")).to_contain_text("2,559")
    shot(page, "map-flow-clicked")

    page.get_by_label("Method").select_option("category:manual")
    page.wait_for_function(f"() => ({VISIBLE_EDGE_CATEGORIES})().join() === 'manual'")
    page.get_by_label("Department").select_option(label="Lager")
    shot(page, "map-filtered")
    page.get_by_role("button", name="Reset").click()
    page.wait_for_function(f"() => ({VISIBLE_EDGE_CATEGORIES})().length === 3")

    page.locator("#flow-map").click(position=page.evaluate(NODE_POSITION, "ProLog ERP 9"))
    page.locator("#map-open").click()
    expect(page).to_have_url(re.compile(r"/systems/\d+/$"))
    expect(page.locator("#flows-panel")).to_contain_text("Receives data from")
    expect(page.locator("#blast-radius")).to_contain_text("10 systems depend on it")
    shot(page, "system-flows-panel")
    assert errors == []


def test_editor_records_a_flow_and_reads_the_findings(live_server, page, demo, sign_in, shot):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/")
    expect(page.locator("#kpi-manual-hours")).to_have_text("5,413 h")
    expect(page.locator("#top-findings .finding").first).to_contain_text(
        "Microsoft 365 Business Standard → ProLog ERP 9"
    )
    shot(page, "cockpit-findings")

    page.locator("#top-findings .finding").first.get_by_role("link").first.click()
    expect(page.locator("#flow-figures")).to_contain_text("8,800 runs × 17 min ÷ 60")  # noqa: RUF001
    shot(page, "integration-detail")

    page.goto(f"{live_server.url}{ORG}/systems/")
    page.get_by_role("link", name="Trello").click()
    page.get_by_role("link", name="Add a flow from this system").click()
    expect(page.get_by_label("From system")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("To system").select_option(label="Trello")
    page.get_by_label("Method", exact=True).select_option(label="re-typed by hand")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#wrap-target")).to_contain_text("from a system to itself")
    shot(page, "integration-self-loop")
    page.get_by_label("To system").select_option(label="Microsoft 365 Business Standard")
    page.get_by_label("How many times").fill("5")
    page.get_by_label("Minutes of manual work per run").fill("-3")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#wrap-minutes_per_run")).to_contain_text("greater than or equal to 0")
    page.get_by_label("Minutes of manual work per run").fill("4")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_contain_text("Trello")
    expect(page.locator("#flow-figures")).to_contain_text("The error rate is unknown")

    page.goto(f"{live_server.url}{ORG}/capability-map/")
    # CRM in sales; files (NAS and OneDrive in every department, Dropbox in the workshop);
    # tasks (Planner beside Trello in dispatch and Airtable in management and sales)
    expect(page.locator(".overlap-cell")).to_have_count(10)
    shot(page, "capability-map")

    page.goto(f"{live_server.url}{ORG}/findings/")
    transfers = page.locator('#finding-groups .finding-group[data-kind="manual_transfer"]')
    expect(transfers.first).to_contain_text("Manual data transfer")
    expect(transfers.filter(has_text="Trello")).not_to_have_count(0)
    shot(page, "findings")

    page.locator("#language-switcher").click()
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("h1")).to_have_text("Befunde")
    shot(page, "findings-de")
    page.goto(f"{live_server.url}{ORG}/map/")
    expect(page.locator("#flow-map")).to_have_attribute("data-ready", "true", timeout=20000)
    expect(page.locator("h1")).to_have_text("Schnittstellenkarte")
    shot(page, "map-de")
