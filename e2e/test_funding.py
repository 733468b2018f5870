"""Funding in a real browser on the demo company: company facts, the matching of a new plan,
choosing programmes, the plan's figures, and the PDF annex rendered to images."""

import shutil
import subprocess

from playwright.sync_api import expect

from e2e.conftest import SCREENSHOTS
from leitstand.accounts.models import User
from leitstand.funding.models import FundingPlan
from leitstand.roadmap.models import Initiative

ORG = "/o/muster-logistik"


def test_facts_then_matching_then_plan(live_server, page, demo, sign_in, shot, tmp_path):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/")
    page.locator("#planning-menu").click()
    page.get_by_role("link", name="Funding", exact=True).click()
    expect(page.locator("h1")).to_have_text("Funding")
    expect(page.locator("#sme-class")).to_have_text("Medium-sized enterprise")
    shot(page, "funding-overview")

    page.get_by_role("link", name="Company facts").first.click()
    expect(page.locator("#de-minimis-headroom")).to_contain_text("298,250")
    page.get_by_label("staff in full-time equivalents").fill("48")
    page.get_by_role("button", name="Save the company facts").click()
    expect(page.locator("#sme-class")).to_have_text("Small enterprise")
    page.get_by_label("staff in full-time equivalents").fill("56.5")
    page.get_by_role("button", name="Save the company facts").click()
    expect(page.locator("#sme-class")).to_have_text("Medium-sized enterprise")
    page.get_by_role("link", name="Record de-minimis aid").click()
    page.get_by_label("granted on").fill("2026-02-10")
    page.get_by_label("amount (EUR)").fill("12000")
    page.get_by_label("grantor").fill("NRW.BANK")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#de-minimis-headroom")).to_contain_text("286,250")
    expect(page.locator("#aid-table")).to_contain_text("NRW.BANK")
    shot(page, "funding-facts")

    page.get_by_role("link", name="Programmes").first.click()
    expect(page.locator("#programme-list")).to_contain_text("digital security")
    expect(page.locator("#programme-list")).to_contain_text("last verified on")
    shot(page, "funding-programmes")

    page.get_by_role("link", name="Funding plans").first.click()
    page.get_by_role("link", name="New funding plan").first.click()
    page.get_by_label("name").first.fill("Firewall und Backup erneuern")
    page.get_by_label("IT security").check()
    page.get_by_label("consulting and concepts").check()
    page.get_by_label("external consulting (EUR)").fill("4000")
    page.get_by_label("software licences (EUR)").fill("6000")
    page.get_by_label("implementation (EUR)").fill("5000")
    page.get_by_label("goals", exact=False).fill("Wiederherstellung getestet in unter 4 Stunden")
    page.get_by_role("button", name="Save").click()

    expect(page.locator("h1")).to_have_text("Firewall und Backup erneuern")
    security = page.locator("#match-nw-mid-digitale-sicherheit")
    expect(security).to_contain_text("fits")
    expect(security).to_contain_text("€7,500")  # 50 % of 15,000
    expect(page.locator("#match-nw-mid-digitalisierung")).to_contain_text("does not fit")
    shot(page, "funding-plan-matching")

    page.locator("#choose-bafa-beratung").uncheck()
    page.get_by_role("button", name="Use the ticked programmes").click()
    expect(page.locator("#plan-table")).to_contain_text("digital security")
    expect(page.locator("#plan-total")).to_have_text("€15,000")
    expect(page.locator("#plan-grants")).to_contain_text("€7,")
    plan = FundingPlan.objects.get(name="Firewall und Backup erneuern")
    assert "bafa-beratung" not in plan.chosen_programmes
    assert "nw-mid-digitale-sicherheit" in plan.chosen_programmes
    shot(page, "funding-plan")

    with page.expect_download() as download:
        page.locator("#download-pdf-de").click()
    pdf = tmp_path / "plan.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["/usr/bin/pdftoppm", "-png", "-r", "70", str(pdf), str(tmp_path / "plan")], check=True
    )
    pages = sorted(tmp_path.glob("plan-*.png"))
    assert pages
    SCREENSHOTS.mkdir(exist_ok=True)
    for png in pages:
        shutil.copy(png, SCREENSHOTS / f"funding-{png.name}")

    initiative = Initiative.objects.get(name="Auftragsannahme automatisieren")
    page.goto(f"{live_server.url}{initiative.get_absolute_url()}")
    panel = page.locator("#funding-panel")
    expect(panel).to_contain_text("Auftragsannahme automatisieren")
    expect(panel).to_contain_text("€720")
    panel.scroll_into_view_if_needed()
    shot(page, "funding-initiative-panel")
    panel.get_by_role("link", name="Auftragsannahme automatisieren").click()
    expect(page.locator("#business-case")).to_contain_text("80.0 h")
    expect(page.locator("#plan-initiative")).to_contain_text("Auftragsannahme automatisieren")
    shot(page, "funding-demo-plan")
