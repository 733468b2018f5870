"""The maturity self-assessment in a real browser, on the demo company: start a new assessment,
confirm suggested answers, override one, answer others by hand, see the radar and the
comparison with the earlier assessment, and render the PDF's pages for a human to look at."""

import shutil
import subprocess

from playwright.sync_api import expect

from e2e.conftest import SCREENSHOTS
from leitstand.accounts.models import User
from leitstand.maturity.models import MaturityAnswer, MaturityAssessment

ORG = "/o/muster-logistik"


def _item(page, key: str):
    return page.locator(f'fieldset[data-item="{key}"]')


def test_repeat_confirm_prefills_then_radar_comparison_and_pdf(
    live_server, page, demo, sign_in, shot, tmp_path
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/maturity/")
    expect(page.locator("h1")).to_have_text("Digital maturity")
    expect(page.locator("table tbody tr")).to_have_count(2)
    shot(page, "maturity-list")

    # the demo's latest assessment: its weakest axis is linked to the roadmap's initiative
    page.get_by_role("link", name="24 Nov 2026").click()
    expect(page.locator("#weakest")).to_have_text("Automation and AI")
    expect(page.locator("#weakest-initiatives")).to_contain_text("Auftragsannahme automatisieren")
    expect(page.locator("#axis-change")).to_contain_text("Digital business strategy")
    shot(page, "maturity-demo-result")
    page.get_by_role("link", name="Digital maturity").first.click()

    page.get_by_role("link", name="New empty assessment").click()
    expect(
        page.get_by_label("Start from the answers of the last completed assessment")
    ).not_to_be_checked()
    page.get_by_label("Answered by").fill("Eva Berger")
    page.get_by_role("button", name="Start answering").click()
    expect(page.locator("h1")).to_have_text("Answer the assessment")

    erp = _item(page, "dii_erp")
    expect(erp.locator(".suggestion")).to_contain_text("ProLog ERP 9 in use by 4 department(s)")
    expect(erp.locator(".suggestion")).to_contain_text("from the inventory")
    expect(_item(page, "strategy_risks").locator(".suggestion")).to_contain_text(
        "from the company check"
    )
    expect(page.locator("#to-confirm")).to_contain_text("suggested answers wait")
    expect(_item(page, "dii_erp").get_by_label("yes", exact=True)).to_be_checked()
    expect(_item(page, "dii_broadband")).to_contain_text("Last time: yes.")
    expect(_item(page, "dii_ai").locator(".hint")).to_contain_text("No AI tool is recorded")
    shot(page, "maturity-questionnaire")

    for key in ("dii_erp", "dii_crm", "dii_cloud", "data_integration"):
        _item(page, key).get_by_label("I confirm this answer").check()
    _item(page, "dii_ai").get_by_label("yes", exact=True).check()
    _item(page, "dii_ai").get_by_placeholder("Note (optional)").fill("DeepL in der Disposition")
    # a suggestion overridden by hand becomes a manual answer
    _item(page, "automation_processes").get_by_label("partly", exact=True).check()
    for key in ("dii_broadband", "dii_social_any", "strategy_budget"):
        _item(page, key).get_by_label("yes", exact=True).check()
    page.get_by_role("button", name="Save and show the result").click()

    expect(page.locator(".alert-success")).to_contain_text("The assessment is completed.")
    expect(page.locator("#radar svg")).to_be_visible()
    expect(page.locator("#dii-count")).to_contain_text("8")  # 5 suggested, 3 by hand
    expect(page.locator("#weakest")).to_have_text("Green digitalisation")
    expect(page.locator("#axis-change")).to_contain_text("Automation and AI")
    expect(page.locator("#item-change")).to_contain_text("Does the company use any AI technology")
    expect(page.locator("#dii-comparison")).to_contain_text("58 %")
    expect(page.locator("#dii-other")).to_contain_text("2024")
    expect(page.locator("#unconfirmed")).to_contain_text("not confirmed yet")
    shot(page, "maturity-result")

    assessment = MaturityAssessment.objects.order_by("-pk").first()
    sources = dict(
        MaturityAnswer.objects.filter(assessment=assessment).values_list("item", "source")
    )
    assert sources["dii_erp"] == "confirmed"
    assert sources["dii_ai"] == "manual"
    assert sources["automation_processes"] == "manual"
    assert sources["readiness_supported"] == "prefilled"  # suggested, not ticked
    assert sources["dii_broadband"] == "manual"

    with page.expect_download() as download_info:
        page.locator("#download-pdf").click()
    pdf = tmp_path / "maturity.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["/usr/bin/pdftoppm", "-png", "-r", "70", str(pdf), str(tmp_path / "report")], check=True
    )
    pages = sorted(tmp_path.glob("report-*.png"))
    assert len(pages) >= 2
    SCREENSHOTS.mkdir(exist_ok=True)
    for png in pages:
        shutil.copy(png, SCREENSHOTS / f"maturity-{png.name}")

    # the same result in German
    page.context.add_cookies(
        [{"name": "leitstand_language", "value": "de", "url": live_server.url}]
    )
    page.reload()
    expect(page.locator("h1")).to_contain_text("Reifegrad-Einschätzung vom")
    expect(page.get_by_text("Schwächste Achse")).to_be_visible()
    expect(page.locator("#dii-comparison")).to_contain_text("KMU")
    shot(page, "maturity-result-de")
