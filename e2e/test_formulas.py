"""Cockpit entries show the figure and what to do; the full "how it is computed" opens on
click, and the choice is remembered from one page to the next."""

from playwright.sync_api import expect

from leitstand.accounts.models import User

ORG = "/o/muster-logistik"


def test_formulas_open_on_click_and_the_choice_is_remembered(live_server, page, demo, sign_in):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/")
    formula = page.locator("#top-findings details.formula").first
    expect(formula.locator(".explanation")).to_be_hidden()
    expect(page.locator("#top-findings .action").first).to_be_visible()  # what to do: shown
    formula.locator("summary").click()
    expect(formula.locator(".explanation")).to_be_visible()

    page.goto(f"{live_server.url}{ORG}/findings/")  # another page: its formulas open too
    expect(page.locator("#totals-explanation")).to_have_attribute("open", "")
    page.locator("#totals-explanation summary").click()  # closed again ...

    page.goto(f"{live_server.url}{ORG}/")  # ... stays closed everywhere
    expect(page.locator("#top-findings .explanation").first).to_be_hidden()
