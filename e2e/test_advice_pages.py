"""Issue 20 in a real browser, on the demo company: the quick-win total on the cockpit and the
findings page with how it is computed, the roadmap's quick-win table (with every quick win
without new technology, issue 16), and a system no process needs saying that it has no RTO."""

from playwright.sync_api import expect

from leitstand.accounts.models import User
from leitstand.inventory.models import System

ORG = "/o/muster-logistik"


def test_quick_wins_and_outage_costs_that_tell_systems_apart(
    live_server, page, demo, sign_in, shot
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/")
    expect(page.locator("#quick-wins-total")).to_have_text("€39,275")
    page.locator("#quick-wins").scroll_into_view_if_needed()
    shot(page, "advice-cockpit-quick-wins")

    page.goto(f"{live_server.url}{ORG}/findings/")
    page.locator("#quick-wins summary").first.click()
    expect(page.locator("#quick-wins")).to_contain_text(
        "Dropbox: its users and data move to Microsoft 365 Business Standard"
    )
    # Issue 16, point 8: every quick win without new technology, folded in the same box.
    page.locator("#all-quick-wins summary").click()
    expect(page.locator("#all-quick-wins summary")).to_contain_text(
        "All 11 quick wins without new technology: €1,884 cash and 1,051 h worth €47,291"
    )
    step = page.locator('#findings-all-quick-wins tr[data-kind="remove_step"]')
    expect(step).to_contain_text("Papierkopie im Ordner ablegen")
    expect(step).to_contain_text("220 h · €9,900")
    shot(page, "advice-findings-quick-wins")

    page.goto(f"{live_server.url}{ORG}/roadmap/")
    expect(page.locator("#quick-win-total")).to_have_text("€39,275")
    everything = page.locator("#roadmap-all-quick-wins")
    expect(everything.locator('tr[data-kind="name_deputy"]')).to_have_count(5)
    expect(everything.locator('[data-total="cash"]')).to_have_text("€1,884")
    page.locator("#roadmap-quick-wins").scroll_into_view_if_needed()
    shot(page, "advice-roadmap-quick-wins")

    crm = System.objects.get(organisation__slug="muster-logistik", name="HubSpot CRM (Free)")
    page.goto(f"{live_server.url}{crm.get_absolute_url()}")
    expect(page.locator("#system-outage-explanation")).to_contain_text("So it has no RTO")
    page.locator("#outage-panel").scroll_into_view_if_needed()
    shot(page, "advice-system-no-rto")
