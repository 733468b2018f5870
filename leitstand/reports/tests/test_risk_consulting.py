"""The risk and consulting reports of the demo company: their figures are the analysis's and
the company check's; the consultant's chapters, texts and dates are kept and printed."""

import subprocess

import pytest
from django.urls import reverse

from leitstand.analysis import analyze
from leitstand.core.formatting import format_eur
from leitstand.inventory.tests.factories import SystemFactory, VendorFactory
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.reports import services
from leitstand.reports.models import ReportSettings, ReportSnapshot
from leitstand.reports.tests.conftest import pdf_text
from leitstand.security_check import selectors as checks
from leitstand.tenancy.models import Membership, Role

pytestmark = pytest.mark.django_db


def _pdf(tmp_path, snapshot, name):
    path = tmp_path / name
    path.write_bytes(bytes(snapshot.pdf))
    return path


def _page_images(path) -> list:
    """Every page as a PNG beside the PDF (the browser test keeps its pictures for review)."""
    prefix = path.with_suffix("")
    subprocess.run(["/usr/bin/pdftoppm", "-r", "30", "-png", str(path), str(prefix)], check=True)
    return sorted(path.parent.glob(f"{prefix.name}-*.png"))


def test_risk_and_consulting_reports_of_the_demo(muster, client, tmp_path):
    user = Membership.objects.filter(organisation=muster, role=Role.OWNER).first().user
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.post(
        reverse("reports:list", kwargs={"org": muster.slug}), {"kind": "risk", "language": "en"}
    )
    risk = ReportSnapshot.objects.for_org(muster).get(kind="risk")
    risk_pdf = _pdf(tmp_path, risk, "risk.pdf")
    text = pdf_text(risk_pdf)
    result = checks.result_of(checks.latest_completed(muster))
    assert f"Points of the latest check {result.score}" in text
    assert "Backups and restore tests against 3-2-1-1-0" in text and "Risks accepted" in text
    assert "Vendor concentration" in text
    # the outage costs per hour are the analysis's (the ERP 1,437, Microsoft 365 1,200, ...)
    analysis = analyze(landscape_snapshot(muster))
    costs = {
        system.name: analysis.outage_cost_by_system.get(system.id)
        for system in analysis.snapshot.systems
    }
    assert costs["ProLog ERP 9"] == 1437
    flat = " ".join(text.split()).replace("\u2010 ", "")  # words hyphenated across lines
    for name, cost in costs.items():
        if cost:
            assert f"{name} {format_eur(cost)}" in flat, name

    response = client.post(
        reverse("reports:consulting", kwargs={"org": muster.slug}),
        {
            "language": "en",
            "author": "Dr. Berta Beraterin",
            "engagement_start": "2026-09-01",
            "engagement_end": "2026-11-30",
            "chapters": ["situation", "findings", "appendix"],
            "text_situation": "We met the owner three times.",
        },
    )
    assert response.status_code == 302
    kept = ReportSettings.objects.for_org(muster).get(kind="consulting")
    assert kept.chapters == ["situation", "findings", "appendix"] and kept.author
    consulting = ReportSnapshot.objects.for_org(muster).get(kind="consulting")
    path = _pdf(tmp_path, consulting, "consulting.pdf")
    text = pdf_text(path)
    assert "We met the owner three times." in text and "Dr. Berta Beraterin" in text
    assert "engagement 1 Sep 2026 \u2013 30 Nov 2026" in text
    assert "Integration map" in text and "Recommendations" not in text
    analysis = analyze(landscape_snapshot(muster))
    assert format_eur(analysis.findings[0].eur_per_year) in text
    # The form offers the kept settings again.
    page = client.get(reverse("reports:consulting", kwargs={"org": muster.slug})).content.decode()
    assert "We met the owner three times." in page
    # Every page of both reports turns into an image.
    assert len(_page_images(path)) >= 3
    assert len(_page_images(risk_pdf)) >= 3


def test_vendor_table_lists_a_vendor_of_one_system_and_says_when_none_is_recorded(org):
    def vendor_table():
        report = services.build_report(org, "risk", "en")
        return next(table for table in report.tables() if table.key == "vendors")

    SystemFactory(organisation=org, vendor=None)
    assert vendor_table().rows == []
    assert vendor_table().empty == "No system in operation has a vendor recorded yet."
    SystemFactory(organisation=org, vendor=VendorFactory(organisation=org, name="Solo GmbH"))
    (row,) = vendor_table().rows
    assert (row[0].value, row[1].value) == ("Solo GmbH", 1)
