"""The reports page: make a report, download it as PDF and xlsx, see what changed since the
last one, delete it after confirming; large organisations are rendered in the background."""

import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.reports.models import ReportSnapshot, ReportStatus
from leitstand.reports.tests.conftest import pdf_text
from leitstand.reports.tests.factories import ReportSnapshotFactory

pytestmark = pytest.mark.django_db


def _make(client, org, kind="summary", language="en"):
    return client.post(
        reverse("reports:list", kwargs={"org": org.slug}), {"kind": kind, "language": language}
    )


def test_editor_makes_a_summary_and_downloads_pdf_and_xlsx(login, editor, org, tmp_path):
    SystemFactory(organisation=org, name="Lager-Excel", annual_cost=1200)
    client = login(editor)
    response = _make(client, org)
    assert response.status_code == 302
    snapshot = ReportSnapshot.objects.for_org(org).get()
    assert snapshot.status == ReportStatus.DONE
    assert snapshot.created_by == editor and snapshot.systems == 1 and snapshot.data_stamp
    page = client.get(reverse("reports:list", kwargs={"org": org.slug})).content.decode()
    assert "Management summary" in page and f"pdf-{snapshot.pk}" in page

    pdf = client.get(reverse("reports:pdf", kwargs={"org": org.slug, "pk": snapshot.pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert "acme-summary-" in pdf["Content-Disposition"]
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf.content)
    text = pdf_text(path)
    assert "Systems in use 1" in text and "€1,200" in text

    xlsx = client.get(reverse("reports:xlsx", kwargs={"org": org.slug, "pk": snapshot.pk}))
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content))
    figures = workbook.get_sheet_by_name("Key figures").to_python()
    assert figures[4][:2] == ["Systems in use", 1.0]
    assert figures[6][:2] == ["Recurring IT cost per year", 1200.0]
    assert "Support ending" in workbook.sheet_names


def test_second_report_says_what_changed_since_the_first(login, owner, org, tmp_path):
    client = login(owner)
    SystemFactory(organisation=org, name="CRM", annual_cost=1000)
    _make(client, org)
    SystemFactory(organisation=org, name="Shop", annual_cost=500)
    page = client.get(reverse("reports:list", kwargs={"org": org.slug})).content.decode()
    assert "the data has changed since" in page  # the first report's data stamp is old now
    _make(client, org)
    latest = ReportSnapshot.objects.for_org(org).first()
    path = tmp_path / "r.pdf"
    path.write_bytes(bytes(latest.pdf))
    text = pdf_text(path)
    assert "What changed since the last report" in text
    assert "Systems in use 1 2 +2" not in text
    assert "Systems in use 1 2 +1" in text
    assert "Recurring IT cost per year €1,000 €1,500 +€500" in text
    assert "1 system in use since then: Shop" in text


def test_first_report_has_no_change_section(login, owner, org, tmp_path):
    _make(login(owner), org)
    path = tmp_path / "r.pdf"
    path.write_bytes(bytes(ReportSnapshot.objects.for_org(org).get().pdf))
    assert "What changed since" not in pdf_text(path)


def test_viewer_sees_and_downloads_but_cannot_make_or_delete(login, viewer, org):
    snapshot = ReportSnapshotFactory(organisation=org)
    client = login(viewer)
    assert _make(client, org).status_code == 403
    assert client.get(reverse("reports:pdf", kwargs={"org": org.slug, "pk": snapshot.pk})).content
    delete = reverse("reports:delete", kwargs={"org": org.slug, "pk": snapshot.pk})
    assert client.post(delete).status_code == 403
    assert ReportSnapshot.objects.filter(pk=snapshot.pk).exists()


def test_delete_asks_first_then_removes_the_snapshot(login, editor, org):
    snapshot = ReportSnapshotFactory(organisation=org)
    client = login(editor)
    url = reverse("reports:delete", kwargs={"org": org.slug, "pk": snapshot.pk})
    page = client.get(url).content.decode()
    assert "Yes, delete" in page and ReportSnapshot.objects.filter(pk=snapshot.pk).exists()
    assert client.post(url).status_code == 302
    assert not ReportSnapshot.objects.filter(pk=snapshot.pk).exists()


def test_another_organisations_report_cannot_be_downloaded(login, owner, org, other_org):
    foreign = ReportSnapshotFactory(organisation=other_org)
    client = login(owner)
    for name in ("reports:pdf", "reports:xlsx", "reports:status", "reports:delete"):
        url = reverse(name, kwargs={"org": org.slug, "pk": foreign.pk})
        assert client.get(url).status_code == 404, name
    other_url = reverse("reports:pdf", kwargs={"org": other_org.slug, "pk": foreign.pk})
    assert client.get(other_url).status_code == 404


def test_unfinished_report_is_not_offered_for_download(login, owner, org):
    snapshot = ReportSnapshotFactory(
        organisation=org, status=ReportStatus.RUNNING, pdf=None, progress=40
    )
    client = login(owner)
    assert (
        client.get(reverse("reports:pdf", kwargs={"org": org.slug, "pk": snapshot.pk})).status_code
        == 404
    )
    row = client.get(reverse("reports:status", kwargs={"org": org.slug, "pk": snapshot.pk}))
    assert 'hx-trigger="every 2s"' in row.content.decode() and "40 %" in row.content.decode()


def test_large_organisation_is_queued_then_rendered_by_the_worker(
    login, owner, org, settings, django_capture_on_commit_callbacks
):
    settings.LEITSTAND_REPORT_INLINE_SYSTEMS = 1
    SystemFactory.create_batch(2, organisation=org)
    client = login(owner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _make(client, org, kind="summary")
    snapshot = ReportSnapshot.objects.for_org(org).get()
    assert snapshot.status == ReportStatus.QUEUED  # the page answered before rendering
    page = client.get(reverse("reports:list", kwargs={"org": org.slug})).content.decode()
    assert f'hx-get="/o/{org.slug}/reports/{snapshot.pk}/status/"' in page
    for callback in callbacks:  # the task (immediate backend in tests) runs on commit
        callback()
    snapshot.refresh_from_db()
    assert snapshot.status == ReportStatus.DONE and bytes(snapshot.pdf).startswith(b"%PDF")


def test_a_report_that_fails_is_kept_as_failed_with_a_message(login, owner, org, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("font missing")

    monkeypatch.setattr("leitstand.reports.services.render_pdf", broken)
    response = _make(login(owner), org)
    snapshot = ReportSnapshot.objects.for_org(org).get()
    assert snapshot.status == ReportStatus.FAILED and snapshot.error == "font missing"
    page = login(owner).get(response["Location"]).content.decode()
    assert "The report could not be written." in page
    url = reverse("reports:pdf", kwargs={"org": org.slug, "pk": snapshot.pk})
    assert login(owner).get(url).status_code == 404


def test_consulting_form_refuses_an_engagement_that_ends_before_it_starts(login, owner, org):
    response = login(owner).post(
        reverse("reports:consulting", kwargs={"org": org.slug}),
        {
            "language": "de",
            "chapters": ["situation"],
            "engagement_start": "2026-11-30",
            "engagement_end": "2026-09-01",
        },
    )
    assert response.status_code == 200
    assert "The engagement cannot end before it starts." in response.content.decode()
    assert not ReportSnapshot.objects.for_org(org).exists()
