"""The import understands values and asks about the rest: a preview with two unclear values,
a proposed merge of two names and a score column on an unknown scale; the person maps the
values, confirms the merge, says the scale, imports; the same file again starts with every
choice remembered."""

import re

import pytest
import xlsxwriter
from playwright.sync_api import expect

from leitstand.assessment.models import Assessment
from leitstand.inventory.models import Person, System


@pytest.fixture
def inventory(tmp_path):
    path = tmp_path / "IT-Liste Werkstatt.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Systeme")
    rows = [
        ["System", "Betrieb", "Verantwortlich", "Kritikalität", "Techn. Zustand", "Integration"],
        ["Werkstatt-Software", "Keller", "Thomas Becker", 5, 3, 2],
        ["Teilekatalog", "Cloud (SaaS)", "T. Becker", 2, 4, 3],
        ["Zeiterfassung", "Bürocontainer", "Fr. Krüger", 4, 2, 1],
        ["Backup-NAS", "Keller", "Frau Krüger", 5, 5, 1],
        ["Lagerliste.xlsx", "Datei", "Hr. Bauer", 1, 1, 1],
    ]
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    workbook.close()
    return path


def test_unclear_values_are_asked_once_and_remembered(
    live_server, page, sign_in, org, editor, inventory, shot
):
    sign_in(page, editor)
    page.goto(f"{live_server.url}/o/acme/import/")
    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(str(inventory))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page).to_have_url(re.compile(r"/import/\d+/$"))

    choices = page.locator("#value-choices")
    expect(choices.locator("tr.table-warning")).to_have_count(2)
    expect(choices).to_contain_text("Keller")
    expect(choices).to_contain_text("Bürocontainer")
    expect(choices.locator("tr[data-value='Keller']")).to_contain_text("2")  # rows
    expect(choices.locator("tr[data-value='Cloud (SaaS)']")).to_contain_text("read as")
    expect(page.locator("#merge-choices")).to_contain_text("“T. Becker” (1 row) is probably")
    expect(page.locator("#scale-choices")).to_contain_text("numbers from 1 to 5")
    expect(page.locator("#commit-blocked")).to_be_visible()
    expect(page.get_by_role("button", name="Import now")).to_have_count(0)
    shot(page, "import-values-unclear")

    choices.get_by_label("What “Keller” means").select_option(label="on-premises (own premises)")
    choices.get_by_label("What “Bürocontainer” means").select_option(
        label="on-premises (own premises)"
    )
    page.locator("#merge-choices").get_by_label("the same").check()
    page.locator("#scale-choices select").first.select_option(value="1-5")
    page.locator("#scale-choices select").nth(1).select_option(value="1-5")
    page.locator("#apply-decisions").click()
    expect(page.locator("#commit-blocked")).to_have_count(0)
    expect(page.locator("#preview-assessments")).to_contain_text("5")
    expect(page.locator("#preview-table")).to_contain_text("on-premises (own premises)")
    shot(page, "import-values-decided")

    page.get_by_role("button", name="Import now").click()
    expect(page.locator("h1")).to_contain_text("Import report")
    expect(page.locator("#count-created")).to_have_text("5")
    expect(page.locator("#report-assessments")).to_contain_text("5 assessments recorded")
    shot(page, "import-values-report")
    workshop = System.objects.for_org(org).get(name="Werkstatt-Software")
    assert workshop.hosting == "on_premises"
    assert sorted(Person.objects.for_org(org).values_list("name", flat=True)) == [
        "Bauer",
        "Krüger",
        "Thomas Becker",
    ]
    latest = Assessment.objects.for_org(org).get(system=workshop)
    assert (latest.criticality, latest.health, latest.integration) == (4, 3, 2)

    page.goto(f"{live_server.url}/o/acme/import/")
    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(str(inventory))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.locator("#remembered")).to_contain_text("same columns")
    expect(page.locator("#value-choices tr.table-warning")).to_have_count(0)
    expect(page.locator("#value-choices tr[data-value='Keller']")).to_contain_text("your choice")
    expect(page.locator("#commit-blocked")).to_have_count(0)
    expect(page.locator("#preview-counts")).to_contain_text("5 unchanged")
    shot(page, "import-values-remembered")
