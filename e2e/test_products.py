"""The product catalogue in a real browser, on the demo company: the proposal on a system's
page applied with one click, and shadow IT found in an uploaded bank statement."""

from datetime import date
from decimal import Decimal

from playwright.sync_api import expect

from leitstand.accounts.models import User
from leitstand.inventory.models import Capability, System
from leitstand.products.tests import statement_files as files

ORG = "/o/muster-logistik"


def test_system_page_proposal_and_statement_upload(
    live_server, page, demo, sign_in, shot, tmp_path
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    portal = System.objects.get(
        organisation__slug="muster-logistik", name="Kundenportal (Shopware)"
    )
    System.objects.filter(pk=portal.pk).update(version="", end_of_support=None)

    page.goto(f"{live_server.url}{ORG}/systems/{portal.pk}/")
    panel = page.locator("#catalogue-panel")
    expect(panel).to_contain_text("Leitstand knows this: Shopware")
    expect(panel.locator('[data-field="vendor"]')).to_have_text("shopware (DE)")
    shot(page, "products-system-proposal")
    panel.get_by_role("button", name="Apply").click()
    expect(page.locator(".alert-success")).to_contain_text("is now linked to Shopware")
    expect(page.locator("#catalogue-panel")).to_contain_text("Linked to Shopware")
    shot(page, "products-system-linked")

    rows = (
        [
            files.Row(date(2026, month, 3), Decimal("-11.99"), "PAYPAL *DROPBOX", "Abo")
            for month in range(1, 10)
        ]
        + [
            files.Row(date(2026, month, 12), Decimal("-59.99"), "ADOBE *CREATIVE CLD", "Abo")
            for month in range(1, 10)
        ]
        + [
            files.Row(date(2026, 2, 7), Decimal("-84.20"), "REWE Markt GmbH", "Kartenzahlung"),
            files.Row(date(2026, 3, 1), Decimal("-2450.00"), "Hausverwaltung Schmidt", "Miete"),
        ]
    )
    statement = tmp_path / "umsaetze.csv"
    statement.write_bytes(files.sparkasse_csv(rows))
    page.goto(f"{live_server.url}{ORG}/statements/")
    expect(page.locator("#privacy-note")).to_contain_text("not stored")
    page.get_by_label("Statement file (CSV)").set_input_files(str(statement))
    shot(page, "products-statement-upload")
    page.get_by_role("button", name="Read the statement").click()
    table = page.locator("#payment-table")
    expect(table).to_contain_text("ADOBE *CREATIVE CLD")
    expect(table.locator('tr[data-payee="PAYPAL *DROPBOX"]')).to_contain_text("Dropbox")
    expect(page.locator("body")).not_to_contain_text("REWE")
    shot(page, "products-statement-result")
    page.get_by_label("Add ADOBE *CREATIVE CLD as a system").check()
    page.get_by_role("button", name="Add the ticked payments as systems").click()
    expect(page.locator(".alert-success")).to_contain_text("Adobe Creative Cloud")
    added = System.objects.get(organisation__slug="muster-logistik", name="Adobe Creative Cloud")
    assert added.centrally_managed is False and added.annual_cost == Decimal("719.88")
    shot(page, "products-statement-added")


def test_system_form_proposes_while_typing_and_fills_only_empty_fields(
    live_server, page, demo, sign_in, shot
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/systems/new/")
    page.get_by_label("Name", exact=True).fill("Win Server 2012R2")
    proposal = page.locator("#catalogue-proposal")
    # the first match of a server process loads the catalogue: on a busy machine over 5 s
    expect(proposal).to_contain_text(
        "Leitstand knows this: Microsoft Windows Server", timeout=30_000
    )
    expect(proposal.locator('[data-field="end-of-support"]')).to_contain_text("10 Oct 2023")
    expect(proposal).to_contain_text("taken from endoflife.date")
    page.get_by_label("Version").fill("2012 R2 Datacenter")
    shot(page, "products-form-proposal")
    page.get_by_role("button", name="Apply to empty fields").click()
    expect(page.get_by_label("Kind")).to_have_value("infrastructure")
    expect(page.get_by_label("Version")).to_have_value("2012 R2 Datacenter")  # typed: kept
    shot(page, "products-form-applied")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#catalogue-panel")).to_contain_text("Linked to Microsoft Windows Server")
    expect(page.locator("#catalogue-panel")).to_contain_text("as of 22 Aug 2026")
    system = System.objects.get(organisation__slug="muster-logistik", name="Win Server 2012R2")
    assert system.version == "2012 R2 Datacenter" and system.vendor.name == "Microsoft"
    shot(page, "products-form-saved")


def test_system_form_ticks_the_product_s_capabilities_beside_those_ticked(
    live_server, page, demo, sign_in, shot
):
    """The form's "Apply to empty fields" ticks CRM for Pipedrive and leaves the capability
    the person ticked (marketing) ticked."""
    sign_in(page, User.objects.get(email="demo@example.com"))
    capabilities = Capability.objects.filter(organisation__slug="muster-logistik")
    crm, marketing = (capabilities.get(key=key).pk for key in ("crm", "marketing"))
    page.goto(f"{live_server.url}{ORG}/systems/new/")

    def box(pk):
        return page.locator(f"input[name='capabilities'][value='{pk}']")

    box(marketing).check()
    page.get_by_label("Name", exact=True).fill("Pipedrive")
    expect(page.locator("#catalogue-proposal")).to_contain_text(
        "Leitstand knows this: Pipedrive", timeout=30_000
    )
    expect(box(crm)).not_to_be_checked()
    page.get_by_role("button", name="Apply to empty fields").click()
    expect(box(crm)).to_be_checked()
    expect(box(marketing)).to_be_checked()
    shot(page, "products-form-capabilities-added")
