"""Resilience in a real browser, on the demo company: edit a system's facts, see the panel and
the overview's traffic lights change; the people and vendor pages."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from e2e.capture import save_screenshot
from leitstand.accounts.models import User
from leitstand.inventory.models import System

ORG = "/o/muster-logistik"
PORTAL = "Kundenportal (Shopware)"


def test_editor_enforces_two_factor_and_the_light_turns_green(
    live_server, page, demo, sign_in, tmp_path
):
    def shot(name: str) -> None:
        save_screenshot(page, tmp_path / f"{name}.png")

    sign_in(page, User.objects.get(email="demo@example.com"))
    portal = System.objects.get(organisation__slug="muster-logistik", name=PORTAL)

    page.goto(f"{live_server.url}{ORG}/resilience/")
    row = page.locator(f'#resilience-table tr[data-system="{PORTAL}"]')
    expect(row.locator('td[data-aspect="two_factor"] [data-light]')).to_have_attribute(
        "data-light", "bad"
    )
    expect(page.locator("#legend")).to_contain_text("What the lights mean")
    shot("resilience-overview")

    page.get_by_label("only with problems").check()
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#resilience-table")).to_contain_text(PORTAL)

    page.goto(f"{live_server.url}{ORG}/systems/{portal.pk}/")
    panel = page.locator("#resilience-panel")
    expect(panel).to_contain_text("3 copies of the data")
    expect(panel).to_contain_text("No restore test recorded.")
    shot("system-panel-before")

    panel.get_by_role("link", name="Change resilience facts").click()
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    page.get_by_label("Last restore test").fill(future)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#object-form")).to_contain_text("cannot lie in the future")
    shot("facts-form-error")

    today = timezone.localdate().isoformat()
    page.get_by_label("Last restore test").fill(today)
    page.get_by_label("Restore test succeeded").select_option("true")
    page.get_by_label("Restore took (hours)").fill("3")
    page.get_by_label("Two-factor login").select_option("enforced")
    page.get_by_role("button", name="Save").click()

    panel = page.locator("#resilience-panel")
    expect(panel).to_contain_text("enforced for everyone")
    expect(panel).to_contain_text("succeeded")
    shot("system-panel-after")

    page.goto(f"{live_server.url}{ORG}/resilience/")
    row = page.locator(f'#resilience-table tr[data-system="{PORTAL}"]')
    expect(row.locator('td[data-aspect="two_factor"] [data-light]')).to_have_attribute(
        "data-light", "ok"
    )
    expect(row.locator('td[data-aspect="restore"] [data-light]')).to_have_attribute(
        "data-light", "ok"
    )
    shot("resilience-overview-after")

    page.get_by_role("link", name="Dependence on people").click()
    expect(page.locator("#people-table")).to_contain_text("Thomas Becker")
    expect(page.locator("#people-table")).to_contain_text("ProLog ERP 9")
    shot("resilience-people")

    page.get_by_role("link", name="Dependence on vendors").click()
    expect(page.locator("#vendor-table")).to_contain_text("DATEV eG")
    expect(page.locator("#outside-eu-list")).to_contain_text("Airtable")
    shot("resilience-vendors")
    print(f"screenshots in {tmp_path}")
