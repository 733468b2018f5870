"""The import in a real browser: upload a messy workbook, correct a column, read the problems,
import, read the report; then the export page, the API token page and the API docs."""

import re

import pytest
from playwright.sync_api import expect

from leitstand.flows.services import seed_data_objects
from leitstand.imports.tests.corpus import (
    LANDSCAPE_SYSTEMS,
    write_german_xlsx,
    write_integrations_xlsx,
    write_landscape_xlsx,
)
from leitstand.inventory.tests.factories import SystemFactory


@pytest.fixture
def messy_workbook(tmp_path):
    return write_german_xlsx(tmp_path / "IT-Liste 2024.xlsx", with_problem=True)


def test_editor_imports_a_messy_workbook(
    live_server, page, sign_in, org, editor, messy_workbook, shot
):
    sign_in(page, editor)
    page.goto(f"{live_server.url}/o/acme/")
    page.get_by_role("button", name="Inventory").click()
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.locator("h1")).to_have_text("Import your list of systems")
    shot(page, "import-home")

    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(str(messy_workbook))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page).to_have_url(re.compile(r"/import/\d+/$"))
    expect(page.get_by_label("Sheet", exact=True)).to_have_value("Software 2024")
    expect(page.get_by_label("Header row")).to_have_value("4")
    expect(page.locator("#new-entries")).to_contain_text("Erika Muster")
    expect(page.locator("#preview-table")).to_contain_text("“viel” is not a number.")
    expect(page.locator("#skipped-list")).to_contain_text("A totals row, not a system.")
    expect(page.locator("#preview-table")).to_contain_text("<script>alert(1)</script>")
    shot(page, "import-preview")

    page.get_by_label("Column “Bemerkung”").select_option(label="Description")
    page.get_by_role("button", name="Apply and refresh the preview").click()
    expect(page.locator("#preview-table thead")).to_contain_text("Description")
    # "Kaputt" has an unreadable cost and support date: imported, those cells left empty.
    expect(page.locator("#preview-counts")).to_contain_text("7 new")
    expect(page.locator("#warning-list")).to_contain_text("Kaputt")
    shot(page, "import-preview-corrected")

    page.get_by_role("button", name="Import now").click()
    expect(page.locator("h1")).to_contain_text("Import report")
    expect(page.locator("#count-created")).to_have_text("7")
    expect(page.locator("#count-skipped")).to_have_text("1")
    expect(page.locator("#warning-rows")).to_contain_text("not a number")
    expect(page.locator("#skipped-rows")).to_contain_text("A totals row")
    shot(page, "import-report")

    page.get_by_role("link", name="Show the systems").click()
    expect(page.locator("#system-table tbody tr")).to_have_count(7)

    page.goto(f"{live_server.url}/o/acme/import/")
    expect(page.locator("#import-history")).to_contain_text("IT-Liste 2024.xlsx")
    shot(page, "import-history")


def test_editor_imports_systems_then_the_integrations_sheet(
    live_server, page, sign_in, org, editor, tmp_path, shot
):
    seed_data_objects(org)
    workbook = write_landscape_xlsx(tmp_path / "Systemlandschaft.xlsx")
    sign_in(page, editor)
    page.goto(f"{live_server.url}/o/acme/import/")
    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(str(workbook))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_label("This sheet holds")).to_have_value("systems")
    expect(page.get_by_label("Sheet", exact=True)).to_have_value("Systeme")
    expect(page.locator("#next-list")).to_contain_text("Schnittstellen")
    shot(page, "import-two-sheets-systems-preview")
    page.get_by_role("button", name="Import now").click()
    expect(page.locator("#count-created")).to_have_text("7")
    shot(page, "import-two-sheets-systems-report")

    page.get_by_role("button", name="Import the integrations from this file").click()
    expect(page).to_have_url(re.compile(r"/import/\d+/$"))
    expect(page.get_by_label("This sheet holds")).to_have_value("integrations")
    expect(page.get_by_label("Sheet", exact=True)).to_have_value("Schnittstellen")
    expect(page.get_by_label("Header row")).to_have_value("3")
    expect(page.locator("#new-entries")).to_contain_text("Newsletter-Kontakte")
    expect(page.locator("#preview-table")).to_contain_text("There is no system “Altes Tool”.")
    expect(page.locator("#preview-table")).to_contain_text("from a system to itself")
    expect(page.locator("#preview-table thead")).to_contain_text("Number of runs")
    expect(page.locator("#skipped-list")).to_contain_text("Altes Tool → ERP")
    expect(page.locator("#preview-counts")).to_contain_text("6 new")
    shot(page, "import-integrations-preview")

    page.get_by_role("button", name="Import now").click()
    expect(page.locator("#count-created")).to_have_text("6")
    expect(page.locator("#skipped-rows")).to_contain_text("Same systems and method as row 4")
    shot(page, "import-integrations-report")
    page.get_by_role("link", name="Show the integrations").click()
    expect(page.locator("main")).to_contain_text("Lager-App")

    page.goto(f"{live_server.url}/o/acme/import/")
    expect(page.locator("#import-history tbody tr")).to_have_count(2)
    shot(page, "import-history-two-steps")


def test_export_tokens_and_api_docs_pages(live_server, page, sign_in, org, editor, shot):
    sign_in(page, editor)
    page.goto(f"{live_server.url}/o/acme/export/")
    expect(page.locator("#export-xlsx")).to_be_visible()
    shot(page, "export")
    with page.expect_download() as download:
        page.locator("#export-xlsx").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    page.goto(f"{live_server.url}/o/acme/api-tokens/")
    shot(page, "api-tokens-empty")
    page.get_by_label("What is the token for?").fill("Nightly backup")
    page.get_by_role("button", name="Create token").click()
    expect(page.locator("#new-token input")).to_have_value(re.compile(r"^ls_"))
    shot(page, "api-token-created")
    page.get_by_role("link", name="Revoke").click()
    shot(page, "api-token-revoke")
    page.get_by_role("button", name="Yes, revoke").click()
    expect(page.locator("#token-table")).to_contain_text("revoked")

    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Leitstand API")
    # Swagger UI renders a long list of resources as the reader scrolls, so the page shows
    # the first ones; the schema it reads lists every resource.
    expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/o/{org}/")
    schema = page.request.get(f"{live_server.url}/api/v1/schema/").text()
    assert "/api/v1/o/{org}/systems/" in schema and "/api/v1/o/{org}/funding-plans/" in schema
    shot(page, "api-docs")
    assert not [e for e in errors if "Content Security Policy" in e]


def test_import_pages_in_german(live_server, page, sign_in, org, editor, messy_workbook, shot):
    sign_in(page, editor)
    page.context.add_cookies(
        [{"name": "leitstand_language", "value": "de", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/o/acme/import/")
    expect(page.locator("h1")).to_have_text("Ihre Systemliste importieren")
    page.get_by_label("Tabelle (.xlsx oder .csv)").set_input_files(str(messy_workbook))
    page.get_by_role("button", name="Hochladen und Vorschau ansehen").click()
    expect(page.locator("#preview-table")).to_contain_text("„viel“ ist keine Zahl.")
    shot(page, "import-preview-de")


def test_integrations_preview_in_german(live_server, page, sign_in, org, editor, tmp_path, shot):
    seed_data_objects(org)
    for name in LANDSCAPE_SYSTEMS:
        SystemFactory(organisation=org, name=name)
    sign_in(page, editor)
    page.context.add_cookies(
        [{"name": "leitstand_language", "value": "de", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/o/acme/import/")
    workbook = write_integrations_xlsx(tmp_path / "Schnittstellen.xlsx")
    page.get_by_label("Tabelle (.xlsx oder .csv)").set_input_files(str(workbook))
    page.get_by_role("button", name="Hochladen und Vorschau ansehen").click()
    expect(page.get_by_label("Dieses Blatt enthält")).to_have_value("integrations")
    expect(page.locator("#preview-table")).to_contain_text("Es gibt kein System „Altes Tool“.")
    expect(page.locator("#preview-table")).to_contain_text("17,5")
    expect(page.locator("#new-entries p").last).to_have_text("Datenobjekte: Newsletter-Kontakte")
    shot(page, "import-integrations-preview-de")
