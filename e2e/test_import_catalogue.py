"""The import preview's catalogue switch: a list of product names gets kind, vendor and
capabilities from the product catalogue, shown as one proposal that the person can switch off
before importing; switched off, the systems keep exactly what the file says."""

import re

from playwright.sync_api import expect

from leitstand.analysis import analyze
from leitstand.imports.tests.sme_corpus import WORKBOOKS
from leitstand.inventory.models import System
from leitstand.inventory.services import seed_capabilities
from leitstand.landscape.snapshot import landscape_snapshot

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


def test_the_workshop_list_gets_crm_beside_its_own_purpose_words(
    live_server, page, sign_in, org, editor, tmp_path, shot
):
    """The metal workshop's list (semicolon CSV, German headers): HubSpot says "Kunden",
    Pipedrive "Vertrieb". The preview shows the catalogue's CRM beside "Vertrieb" as a
    proposal; imported, the two overlap."""
    seed_capabilities(org)
    sign_in(page, editor)
    path = WORKBOOKS["metallbau"].write(tmp_path)
    page.goto(f"{live_server.url}/o/acme/import/")
    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page).to_have_url(re.compile(r"/import/\d+/$"))
    switch = page.locator("#proposal-choices")
    expect(switch).to_contain_text("adds to what the file says in")
    pipedrive = page.locator("#preview-table tr", has_text="Pipedrive")
    expect(pipedrive).to_contain_text("Vertrieb, Customer relationship management (CRM)")
    proposed = pipedrive.locator(".fst-italic")
    expect(proposed.filter(has_text="Customer relationship management (CRM)")).to_have_count(1)
    expect(proposed.filter(has_text="Vertrieb")).to_have_count(0)  # the file's: not italic
    shot(page, "import-catalogue-workshop")
    page.get_by_role("button", name="Import now").click()
    expect(page.locator("#count-created")).to_have_text("6")
    analysis = analyze(landscape_snapshot(org))
    names = {system.id: system.name for system in analysis.snapshot.systems}
    groups = [{names[pk] for pk in group.system_ids} for group in analysis.overlaps]
    assert {"HubSpot CRM", "Pipedrive"} in groups
