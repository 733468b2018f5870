"""Keyboard only: Tab reaches the menus and every action of the main pages (cockpit, lists,
map, risks, plan, funding, checks, reports, settings), in page order, and nothing on them is
clickable with the mouse alone (a link without href, a clickable element that cannot take the
focus)."""

from playwright.sync_api import expect

from leitstand.accounts.models import User

ORG = "/o/muster-logistik"
PAGES = [
    "/",
    "/systems/",
    "/findings/",
    "/processes/",
    "/processes/1/",
    "/integrations/",
    "/map/",
    "/portfolio/",
    "/resilience/",
    "/continuity/",
    "/roadmap/",
    "/roadmap/proposals/",
    "/kpis/",
    "/funding/",
    "/funding/facts/",
    "/check/",
    "/maturity/",
    "/reports/",
    "/settings/",
]
MOUSE_ONLY = """() => [...document.querySelectorAll(
    'a:not([href]), [onclick], [role=button]:not(button):not([tabindex]),'
    + '[data-bs-toggle]:not(button):not(a[href])'
  )].filter((el) => el.offsetParent !== null).map((el) => el.outerHTML.slice(0, 120))"""
REACHABLE = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary'
  )].filter((el) => el.offsetParent !== null && !el.disabled && el.type !== 'hidden')
  .filter((el) => el.tabIndex < 0).map((el) => el.outerHTML.slice(0, 120))"""


def test_every_action_is_reachable_with_the_keyboard(live_server, page, demo, sign_in):
    sign_in(page, User.objects.get(email="demo@example.com"))
    for path in PAGES:
        page.goto(f"{live_server.url}{ORG}{path}")
        assert page.evaluate(MOUSE_ONLY) == [], path
        assert page.evaluate(REACHABLE) == [], path

    page.goto(f"{live_server.url}{ORG}/")
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.locator(":focus")).to_have_text("Skip to content")
    for _ in range(40):  # then the menus: open one with Enter
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "risks-menu":
            break
    page.keyboard.press("Enter")
    expect(page.locator("#risks-menu + .dropdown-menu")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{ORG}/findings/")
