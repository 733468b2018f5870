"""Business impact in a real browser, on the demo company: the damage table gives the MTPD as
it is filled in, RTO and RPO are saved, and the system page and cockpit show the outage cost."""

import shutil

from playwright.sync_api import expect

from leitstand.accounts.models import User
from leitstand.processes.models import Process

ORG = "/o/muster-logistik"
INVOICE_DISPATCH = "Rechnungsversand"
ACCESS = "Rechnungsdruck (Access-Datenbank)"


def test_editor_rates_the_damage_sets_rto_and_sees_the_outage_cost(
    live_server, page, demo, sign_in, shot, tmp_path
):
    def screenshot(name: str) -> None:
        shutil.copy(shot(page, f"continuity-{name}"), tmp_path / f"continuity-{name}.png")

    sign_in(page, User.objects.get(email="demo@example.com"))
    process = Process.objects.get(organisation__slug="muster-logistik", name=INVOICE_DISPATCH)
    page.goto(f"{live_server.url}{process.get_absolute_url()}")
    panel = page.locator("#business-impact")
    expect(panel).to_contain_text("Maximum tolerable downtime (MTPD)")
    page.locator("#edit-business-impact").click()
    expect(page.locator("h1")).to_contain_text("Business impact of Rechnungsversand")
    screenshot("form-before")

    # The MTPD follows the ratings as they are chosen (HTMX, no save).
    expect(page.locator("#mtpd")).to_contain_text("1 week")
    page.get_by_label("Customers and reputation after 1 day").select_option("high")
    expect(page.locator("#mtpd")).to_contain_text("1 day")
    page.get_by_label("Money after 4 hours").select_option("very_high")
    expect(page.locator("#mtpd")).to_contain_text("4 hours")
    screenshot("damage-rated")

    # An RTO longer than the MTPD is refused and nothing is saved.
    page.get_by_label("Recovery time objective").fill("8")
    page.get_by_label("Maximum tolerable data loss").fill("2")
    page.get_by_label("People left idle").fill("25")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#impact-form")).to_contain_text(
        "longer than the maximum tolerable downtime of 4 hours"
    )
    screenshot("rto-refused")

    page.get_by_label("Recovery time objective").fill("2")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#impact-mtpd")).to_have_text("4 hours")
    expect(page.locator("#impact-rto")).to_contain_text("2.0 h")
    # 25 people x 45 EUR, no revenue of its own
    expect(page.locator("#impact-outage")).to_have_text("€1,125")
    page.locator("#business-impact").scroll_into_view_if_needed()
    screenshot("process-panel")

    # The Access database is used by the process directly: it inherits the 2-hour RTO.
    page.locator("#business-impact").get_by_role("link", name=ACCESS).click()
    outage = page.locator("#outage-panel")
    expect(outage).to_contain_text("set by Rechnungsversand")
    expect(page.locator("#system-rto")).to_contain_text("2.0 h")
    expect(page.locator("#system-outage-explanation")).to_contain_text("25 people idle")
    outage.scroll_into_view_if_needed()
    screenshot("system-panel")

    page.goto(f"{live_server.url}{ORG}/continuity/")
    expect(page.locator("#impact-processes")).to_contain_text(INVOICE_DISPATCH)
    expect(page.locator("#impact-systems")).to_contain_text("ProLog ERP 9")
    screenshot("overview")

    page.goto(f"{live_server.url}{ORG}/")
    section = page.locator("#stop-us-section")
    expect(section).to_contain_text("What could stop us")
    expect(section.locator("#stop-us-list li").first).to_contain_text("per hour")
    section.scroll_into_view_if_needed()
    screenshot("cockpit")
