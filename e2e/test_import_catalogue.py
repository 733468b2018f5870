"""The import preview's catalogue switch: a list of product names gets kind, vendor and
capabilities from the product catalogue, shown as one proposal that the person can switch off
before importing; switched off, the systems keep exactly what the file says."""

import re

from playwright.sync_api import expect

from leitstand.inventory.models import System

LIST = "Software;Nutzer\nHubSpot CRM;12\nPipedrive;4\nDATEV UO;3\nLohnliste intern;2\n"


def _preview(page, live_server, tmp_path):
    path = tmp_path / "software.csv"
    path.write_text(LIST, encoding="utf-8")
    page.goto(f"{live_server.url}/o/acme/import/")
    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page).to_have_url(re.compile(r"/import/\d+/$"))
    switch = page.locator("#proposal-choices")
    expect(switch).to_contain_text("from the catalogue: fills 3 rows")
    return switch.get_by_role("checkbox", name=re.compile("from the catalogue"))


def test_the_catalogue_switch_decides_what_the_systems_get(
    live_server, page, sign_in, org, editor, tmp_path, shot
):
    sign_in(page, editor)
    checkbox = _preview(page, live_server, tmp_path)
    expect(checkbox).to_be_checked()
    shot(page, "import-catalogue-preview")
    checkbox.uncheck()
    page.locator("#apply-decisions").click()
    expect(
        page.locator("#proposal-choices").get_by_role("checkbox", name=re.compile("catalogue"))
    ).not_to_be_checked()
    page.get_by_role("button", name="Import now").click()
    expect(page.locator("#count-created")).to_have_text("4")
    datev = System.objects.for_org(org).get(name="DATEV UO")
    assert datev.vendor is None and not datev.capabilities.exists()

    # The same list again (its systems deleted first): the choice is remembered; switched on
    # again, the new rows take the catalogue's proposals.
    System.objects.for_org(org).delete()
    checkbox = _preview(page, live_server, tmp_path)
    expect(checkbox).not_to_be_checked()
    checkbox.check()
    page.locator("#apply-decisions").click()
    page.get_by_role("button", name="Import now").click()
    expect(page.locator("#count-created")).to_have_text("4")
    expect(page.locator("#report-catalogue")).to_be_visible()
    shot(page, "import-catalogue-report")
    systems = {s.name: s for s in System.objects.for_org(org).select_related("vendor")}
    assert systems["DATEV UO"].vendor.name == "DATEV"
    assert systems["HubSpot CRM"].kind == "application"
    assert systems["Lohnliste intern"].vendor is None
