"""The company check in a real browser, on the demo company: answer one area, see the result,
download the PDF report and render its pages for a human to look at."""

import shutil
import subprocess

from playwright.sync_api import expect

from e2e.conftest import SCREENSHOTS
from leitstand.accounts.models import User
from leitstand.security_check.models import SecurityCheck

ORG = "/o/muster-logistik"


def _answer(page, requirement: str, part_label: str, answer: str) -> None:
    section = page.locator(f"#req-{requirement}")
    section.get_by_role("group", name=part_label).get_by_label(answer, exact=True).check()


def test_interview_one_area_then_result_and_pdf(live_server, page, demo, sign_in, shot, tmp_path):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/check/")
    expect(page.locator("h1")).to_have_text("Company check")
    expect(page.locator("table")).to_contain_text("18 / 36")
    shot(page, "check-list")

    page.get_by_role("link", name="New check").click()
    page.get_by_label("Interviewer").fill("Eva Berger")
    page.get_by_role("button", name="Start the interview").click()
    expect(page.locator("h1")).to_have_text("Organisation and awareness")
    expect(page.get_by_text("Area 1 of 6.")).to_be_visible()

    for requirement, parts in {
        "01": [
            "Management has explicitly taken on the responsibility.",
            "There is time and budget for information security.",
        ],
        "02": ["A person is named and known in the company.", "There is a deputy."],
        "05": [
            "Everyone is trained at least once a year.",
            "New staff are briefed when they join.",
        ],
    }.items():
        for part in parts:
            _answer(page, requirement, part, "yes")
    _answer(page, "04", "The rules are written down.", "no")
    _answer(
        page,
        "07",
        "Do staff work on the road or from home with company devices or company data?",
        "no",
    )
    page.locator("#req-04").get_by_placeholder("Note (optional)").first.fill("Entwurf liegt vor")
    shot(page, "check-interview-organisation")
    page.get_by_role("button", name="Save and continue", exact=True).click()
    expect(page.locator("h1")).to_have_text("Identities and permissions")
    expect(page.locator("#check-progress")).to_have_attribute("value", "8")

    page.get_by_role("link", name="4. Updates and changes").click()
    expect(page.locator("#req-16 .proposal")).to_contain_text("support ended on 2020-10-13")
    shot(page, "check-interview-updates-proposal")

    page.get_by_role("link", name="6. IT systems and networks").click()
    page.get_by_role("button", name="Save and show the result").click()
    expect(page.locator("#top-flag")).to_contain_text("TOP requirements not met")
    expect(page.locator("#percent-formula")).to_contain_text("Percent = max(points, 0)")
    # 01 and 05 met (+6), the other three TOP not known (-9); 02 met (+1); 07 not relevant.
    expect(page.locator("#score")).to_contain_text("-2")
    expect(page.locator("#score")).to_contain_text("/ 36")
    check = SecurityCheck.objects.exclude(status="in_progress").order_by("-pk").first()
    assert check.answers.get(requirement="04", item="a").note == "Entwurf liegt vor"
    shot(page, "check-result")

    with page.expect_download() as download:
        page.locator("#download-pdf").click()
    pdf = tmp_path / "check-report.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["/usr/bin/pdftoppm", "-png", "-r", "70", str(pdf), str(tmp_path / "report")], check=True
    )
    pages = sorted(tmp_path.glob("report-*.png"))
    assert len(pages) >= 2
    SCREENSHOTS.mkdir(exist_ok=True)
    for png in pages:
        shutil.copy(png, SCREENSHOTS / f"check-{png.name}")


def test_demo_result_compares_with_the_earlier_check(live_server, page, demo, sign_in, shot):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/check/")
    page.get_by_role("link", name="27 Oct 2026").click()
    expect(page.locator("#score")).to_contain_text("18")
    expect(page.locator("#percent")).to_contain_text("50.0 %")
    expect(page.get_by_text("Compared with the check of")).to_be_visible()
    shot(page, "check-demo-result")
