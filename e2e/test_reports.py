"""Reports in a real browser on the demo company: make a management summary, download its PDF
and spreadsheet, make a consulting report with chosen chapters and an own text, watch a
background risk report's progress until its download appears, and delete a report after
confirming. The pages of all three PDFs are kept as images in e2e/screenshots for review."""

import shutil
import subprocess

from django.core.management import call_command
from playwright.sync_api import expect

from e2e.conftest import SCREENSHOTS
from leitstand.accounts.models import User
from leitstand.reports.models import ReportSnapshot

ORG = "/o/muster-logistik"


def _pages_as_images(pdf, tmp_path, prefix: str) -> list:
    subprocess.run(
        ["/usr/bin/pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / prefix)], check=True
    )
    pages = sorted(tmp_path.glob(f"{prefix}-*.png"))
    SCREENSHOTS.mkdir(exist_ok=True)
    for png in pages:
        shutil.copy(png, SCREENSHOTS / png.name)
    return pages


def test_make_download_and_delete_reports(live_server, page, demo, sign_in, shot, tmp_path):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/")
    page.locator("#planning-menu").click()
    page.locator("#nav-reports").click()
    expect(page.locator("h1")).to_have_text("Reports")
    expect(page.locator("#no-reports")).to_be_visible()

    page.get_by_label("Report", exact=True).select_option("summary")
    page.locator("#id_language").select_option("de")
    page.locator("#generate").click()
    expect(page.locator(".messages")).to_contain_text("The report is ready.")
    summary = ReportSnapshot.objects.get(kind="summary")
    expect(page.locator(f"#snapshot-{summary.pk}")).to_contain_text("Management summary")
    shot(page, "reports-list")

    with page.expect_download() as download:
        page.locator(f"#pdf-{summary.pk}").click()
    pdf = tmp_path / "summary.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert len(_pages_as_images(pdf, tmp_path, "reports-summary")) >= 4
    with page.expect_download() as download:
        page.locator(f"#xlsx-{summary.pk}").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    page.locator("#consulting-link").click()
    page.get_by_label("Engagement from").fill("2026-09-01")
    page.get_by_label("Engagement until").fill("2026-11-30")
    page.get_by_label("Prepared by").fill("Berta Beraterin")
    page.get_by_label("Funding", exact=True).uncheck()
    page.get_by_label("Your text for “Starting situation”").fill("Drei Workshops mit der GF.")
    shot(page, "reports-consulting-form")
    page.locator("#make-consulting").click()
    expect(page.locator(".messages")).to_contain_text("The report is ready.")
    consulting = ReportSnapshot.objects.get(kind="consulting")
    assert "funding" not in consulting.options["chapters"]
    with page.expect_download() as download:
        page.locator(f"#pdf-{consulting.pk}").click()
    pdf = tmp_path / "consulting.pdf"
    download.value.save_as(pdf)
    assert _pages_as_images(pdf, tmp_path, "reports-consulting")

    page.locator(f"#snapshot-{summary.pk} .btn-outline-danger").click()
    expect(page.locator("h1")).to_contain_text("Delete")
    page.locator("#confirm-delete").click()
    expect(page.locator(".messages")).to_contain_text("The report is deleted.")
    expect(page.locator(f"#snapshot-{summary.pk}")).to_have_count(0)
    assert not ReportSnapshot.objects.filter(pk=summary.pk).exists()


def test_large_report_shows_progress_then_the_download(
    live_server, page, demo, sign_in, shot, settings, tmp_path
):
    settings.LEITSTAND_REPORT_INLINE_SYSTEMS = 0  # every organisation counts as large here
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/reports/")
    page.get_by_label("Report", exact=True).select_option("risk")
    page.locator("#generate").click()
    expect(page.locator(".messages")).to_contain_text("being written in the background")
    snapshot = ReportSnapshot.objects.get(kind="risk")
    row = page.locator(f"#snapshot-{snapshot.pk}")
    expect(row.locator(".progress")).to_be_visible()
    shot(page, "reports-progress")
    call_command("db_worker", batch=True, verbosity=0)  # the worker takes the queued job
    expect(page.locator(f"#pdf-{snapshot.pk}")).to_be_visible(timeout=15_000)
    shot(page, "reports-ready")
    with page.expect_download() as download:
        page.locator(f"#pdf-{snapshot.pk}").click()
    pdf = tmp_path / "risk.pdf"
    download.value.save_as(pdf)
    assert len(_pages_as_images(pdf, tmp_path, "reports-risk")) >= 4
