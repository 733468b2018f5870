"""Pages, API, command line, complete export and the demo of the maturity assessment."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from leitstand.api.tokens import create_token
from leitstand.demo.loader import MUSTER_LOGISTIK, load_organisation
from leitstand.exports.document import export_document, load_document
from leitstand.maturity.models import MaturityAnswer, MaturityAssessment
from leitstand.maturity.selectors import latest_completed, previous_completed, result_of
from leitstand.maturity.services import Given, complete_assessment, import_assessment, save_answers
from leitstand.tenancy.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FILE = {"format": "leitstand-maturity", "version": 1}


def _imported(org, date: str, **answers):
    return import_assessment(org, {**FILE, "date": date, "answers": answers})


def test_list_is_empty_at_first_and_offers_the_start(org, viewer, editor, login):
    page = login(viewer).get("/o/acme/maturity/")
    assert page.status_code == 200
    assert "No maturity assessment yet." in page.content.decode()
    assert "/o/acme/maturity/new/" not in page.content.decode()  # a viewer cannot start one
    assert "/o/acme/maturity/new/" in login(editor).get("/o/acme/maturity/").content.decode()


def test_start_answer_and_complete_through_the_pages(org, editor, login):
    client = login(editor)
    response = client.post(
        "/o/acme/maturity/new/", {"assessed_on": "2026-11-02", "assessor": "Eva", "notes": ""}
    )
    assessment = MaturityAssessment.objects.get(organisation=org)
    assert response.url == f"/o/acme/maturity/{assessment.pk}/answers/"
    page = client.get(response.url)
    assert page.status_code == 200
    assert page.content.decode().count('class="item mb-4"') == 26
    data = {f"v_{item}": "unknown" for item in ("dii_erp",)}
    data.update({"v_strategy_plan": "yes", "n_strategy_plan": "<b>bold</b>", "action": "finish"})
    response = client.post(response.url, data)
    assert response.url == f"/o/acme/maturity/{assessment.pk}/"
    assessment.refresh_from_db()
    assert assessment.completed
    result = client.get(response.url).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in result
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in result
    assert result_of(assessment).axis_by_key["strategy"].score == 33


def test_a_future_date_is_refused_with_a_message(org, editor, login):
    response = login(editor).post("/o/acme/maturity/new/", {"assessed_on": "2999-01-01"})
    assert response.status_code == 200
    assert "cannot be dated in the future" in response.content.decode()
    assert not MaturityAssessment.objects.exists()


def test_a_viewer_reads_but_cannot_answer_or_delete(org, viewer, login):
    assessment = _imported(org, "2026-01-01", dii_erp="yes")
    client = login(viewer)
    assert client.get(f"/o/acme/maturity/{assessment.pk}/").status_code == 200
    assert client.get(f"/o/acme/maturity/{assessment.pk}/answers/").status_code == 403
    assert client.post(f"/o/acme/maturity/{assessment.pk}/delete/").status_code == 403
    assert MaturityAssessment.objects.filter(pk=assessment.pk).exists()


def test_delete_asks_first_and_then_removes_the_answers(org, editor, login):
    assessment = _imported(org, "2026-01-01", dii_erp="yes")
    client = login(editor)
    assert "Delete the" in client.get(f"/o/acme/maturity/{assessment.pk}/delete/").content.decode()
    assert client.post(f"/o/acme/maturity/{assessment.pk}/delete/").status_code == 302
    assert not MaturityAnswer.objects.filter(organisation=org).exists()


def test_result_shows_the_change_against_the_assessment_before(org, viewer, login):
    _imported(org, "2025-06-01", dii_erp="no", strategy_plan="no")
    later = _imported(org, "2026-06-01", dii_erp="yes", strategy_plan="partly")
    page = login(viewer).get(f"/o/acme/maturity/{later.pk}/").content.decode()
    assert 'id="axis-change"' in page
    assert 'id="item-change"' in page
    assert "DII count 0 then, 1 now." in page


def test_result_in_german(org, viewer, login):
    assessment = _imported(org, "2026-01-01", dii_erp="yes")
    client = login(viewer)
    page = client.get(f"/o/acme/maturity/{assessment.pk}/", HTTP_ACCEPT_LANGUAGE="de").content
    text = page.decode()
    assert "Digitale Geschäftsstrategie" in text
    assert "Schwächste Achse" in text


def test_json_export_downloads_and_the_import_page_reports_problems(org, editor, login):
    assessment = _imported(org, "2026-01-01", dii_erp="yes")
    client = login(editor)
    response = client.get(f"/o/acme/maturity/{assessment.pk}/export.json")
    document = json.loads(response.content)
    assert document["answers"]["dii_erp"] == {"answer": "yes", "source": "manual", "note": ""}
    bad = SimpleUploadedFile("a.json", b'{"format": "leitstand-maturity", "version": 9}')
    page = client.post("/o/acme/maturity/import/", {"file": bad}).content.decode()
    assert "version 9" in page
    good = SimpleUploadedFile("a.json", json.dumps(document).encode())
    assert client.post("/o/acme/maturity/import/", {"file": good}).status_code == 302
    assert MaturityAssessment.objects.filter(organisation=org).count() == 2


def test_pdf_report_renders(org, viewer, login):
    assessment = _imported(org, "2026-01-01", dii_erp="yes", strategy_plan="partly")
    response = login(viewer).get(f"/o/acme/maturity/{assessment.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_list_page_reads_a_fixed_number_of_queries(
    org, viewer, login, django_assert_max_num_queries
):
    client = login(viewer)
    for year in (2021, 2022):
        _imported(org, f"{year}-01-01", dii_erp="yes")
    with django_assert_max_num_queries(12):
        client.get("/o/acme/maturity/")
    for year in range(2015, 2021):
        _imported(org, f"{year}-01-01", dii_erp="yes")
    with django_assert_max_num_queries(12):
        client.get("/o/acme/maturity/")


def test_command_prints_the_latest_with_its_change(org):
    _imported(org, "2025-01-01", dii_erp="no")
    _imported(org, "2026-01-01", dii_erp="yes", strategy_plan="yes")
    out = StringIO()
    call_command("maturity", "--org", "acme", "--json", stdout=out)
    document = json.loads(out.getvalue())
    assert document["date"] == "2026-01-01"
    assert [a["key"] for a in document["axes"]] == [
        "strategy",
        "readiness",
        "people",
        "data",
        "automation",
        "green",
    ]
    assert all(0 <= a["score"] <= 100 for a in document["axes"])
    assert document["overall"] == round(sum(a["score"] for a in document["axes"]) / 6, 1)
    assert (document["dii_count"], document["dii_band"]) == (1, "very_low")
    erp = next(i for i in document["items"] if i["key"] == "dii_erp")
    assert (erp["answer"], erp["source"]) == ("yes", "manual")
    assert document["change"]["previous_date"] == "2025-01-01"
    assert document["change"]["dii_count"]["delta"] == 1
    text = StringIO()
    call_command("maturity", "--org", "acme", stdout=text)
    assert "Change since 2025-01-01" in text.getvalue()


def test_command_says_when_there_is_nothing(org):
    with pytest.raises(CommandError, match="no maturity assessment"):
        call_command("maturity", "--org", "acme")
    with pytest.raises(CommandError, match="No organisation"):
        call_command("maturity", "--org", "nobody")


def test_api_lists_assessments_with_their_result_and_refuses_writes(org, viewer):
    _imported(org, "2026-01-01", dii_erp="yes")
    _token, secret = create_token(organisation=org, user=viewer, name="t")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    rows = client.get("/api/v1/o/acme/maturity-assessments/").json()["results"]
    assert rows[0]["result"]["dii_count"] == 1
    assert len(rows[0]["result"]["items"]) == 26
    assert client.post("/api/v1/o/acme/maturity-assessments/", {}).status_code in (403, 405)


def test_assessments_survive_the_complete_json_round_trip(org, owner):
    first = _imported(org, "2025-01-01", dii_erp="no")
    later = _imported(org, "2026-01-01", dii_erp="yes")
    save_answers(later, {"strategy_plan": Given("partly", note="Plan")}, owner)
    complete_assessment(later, owner)
    document = export_document(org)
    assert len(document["maturity_assessments"]) == 2
    assert len(document["maturity_answers"]) == 52
    copy = OrganisationFactory(slug="copy")
    counts = load_document(copy, document)
    assert counts["maturity_answers"] == 52
    loaded = latest_completed(copy)
    assert result_of(loaded) == result_of(later)
    assert previous_completed(loaded).assessed_on == first.assessed_on


def test_demo_has_two_assessments_a_year_apart_with_a_visible_change(db):
    organisation = load_organisation(MUSTER_LOGISTIK, {})
    latest = latest_completed(organisation)
    earlier = previous_completed(latest)
    assert (latest.assessed_on - earlier.assessed_on).days >= 365
    before, after = result_of(earlier), result_of(latest)
    assert after.overall > before.overall
    assert after.weakest.key == "automation"
    out = StringIO()
    call_command("maturity", "--org", organisation.slug, "--json", stdout=out)
    linked = json.loads(out.getvalue())["weakest_axis_initiatives"]
    assert [i["name"] for i in linked] == ["Auftragsannahme automatisieren"]
    assert linked[0]["items"] == ["automation_processes"]
    # what the demo marks confirmed is what Leitstand suggests from the demo landscape
    confirmed = latest.answers.filter(source="confirmed")
    assert confirmed.count() >= 10
    assert all(a.suggested == a.value and a.evidence for a in confirmed)
