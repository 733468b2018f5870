"""The foundation's main flow in a real browser: log in to the demo, work with a system."""

import re

from playwright.sync_api import expect

from e2e.conftest import DEMO_PASSWORD


def test_demo_user_manages_a_system_and_switches_language(live_server, page, demo, shot):
    page.goto(f"{live_server.url}/accounts/login/")
    shot(page, "login")
    page.get_by_label("Email").fill("demo@example.com")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()

    # The demo user belongs to two organisations and chooses one.
    expect(page).to_have_url(re.compile(r"/organisations/$"))
    page.get_by_role("link", name=re.compile("Muster Logistik GmbH")).click()
    expect(page).to_have_url(re.compile(r"/o/muster-logistik/$"))
    expect(page.locator("#kpi-systems .kpi-value")).to_have_text("23")
    shot(page, "cockpit")

    page.get_by_role("link", name="New system").first.click()
    page.get_by_label("Name").fill("Lagerwaage <script>alert(1)</script>")
    page.get_by_label("Annual recurring cost (EUR)").fill("-5")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#wrap-annual_cost")).to_contain_text("greater than or equal to 0")
    page.get_by_label("Annual recurring cost (EUR)").fill("480")
    page.get_by_label("Lager").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text("Lagerwaage <script>alert(1)</script>")
    shot(page, "system-detail")

    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Systems", exact=True).click()
    page.get_by_role("searchbox", name="Search").fill("lagerwaage")
    page.get_by_role("button", name="Apply").click()
    rows = page.locator("#system-table tbody tr")
    expect(rows).to_have_count(1)
    shot(page, "system-search")
    rows.first.get_by_role("link").first.click()

    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Version").fill("2.1")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("version 2.1")

    page.get_by_role("link", name="History").click()
    expect(page.locator("table")).to_contain_text("2.1")
    shot(page, "system-history")
    page.go_back()

    page.get_by_role("link", name="Delete").click()
    shot(page, "system-delete-confirm")
    page.get_by_role("button", name="Yes, delete").click()
    expect(page.locator(".alert-success")).to_contain_text("Deleted")
    expect(page.locator("#system-table")).not_to_contain_text("Lagerwaage")

    page.locator("#language-switcher").click()
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(
        page.get_by_role("navigation").get_by_role("link", name="Systeme", exact=True)
    ).to_be_visible()
    shot(page, "system-list-de")
