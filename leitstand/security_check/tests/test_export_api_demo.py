"""Checks in the complete JSON export, the REST API, the analysis JSON and the demo."""

import pytest
from auditlog.models import LogEntry
from rest_framework.test import APIClient

from leitstand.analysis import analyze
from leitstand.analysis.company_check.scoring import compare
from leitstand.api.tokens import create_token
from leitstand.exports.document import export_document, load_document
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.security_check.models import CheckStatus, SecurityCheck
from leitstand.security_check.selectors import latest_completed, previous_completed, result_of
from leitstand.security_check.services import import_check, start_check
from leitstand.tenancy.models import Role
from leitstand.tenancy.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ANSWERS = {"answers": {"01": "met", "07": "not_relevant", "11": "not_met", "20": "met"}}


def test_checks_and_answers_survive_the_json_round_trip(org, owner):
    check = import_check(org, {**ANSWERS, "date": "2026-03-01", "interviewer": "Eva"})
    document = export_document(org)
    assert len(document["company_checks"]) == 1
    assert document["company_checks"][0]["result"]["score"] == result_of(check).score
    copy = OrganisationFactory(slug="copy")
    counts = load_document(copy, document)
    assert counts["company_checks"] == 1
    assert counts["company_check_answers"] == check.answers.count()
    loaded = SecurityCheck.objects.get(organisation=copy)
    assert (loaded.checked_on.isoformat(), loaded.interviewer) == ("2026-03-01", "Eva")
    assert loaded.status == CheckStatus.COMPLETED
    assert result_of(loaded) == result_of(check)


def test_api_lists_checks_with_their_result(org, viewer):
    import_check(org, ANSWERS)
    _token, secret = create_token(organisation=org, user=viewer, name="t")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    rows = client.get("/api/v1/o/acme/company-checks/").json()["results"]
    assert rows[0]["result"]["top_unmet"] == [5, 11, 15]
    assert rows[0]["result"]["max_score"] == 36
    assert client.post("/api/v1/o/acme/company-checks/", {}).status_code in (403, 405)


def test_an_editor_deletes_a_check_through_the_api_with_an_audit_entry(org, editor):
    check = import_check(org, ANSWERS)
    _token, secret = create_token(organisation=org, user=editor, name="t")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.delete(f"/api/v1/o/acme/company-checks/{check.pk}/").status_code == 204
    assert not SecurityCheck.objects.filter(pk=check.pk).exists()
    entry = LogEntry.objects.get_for_object(check).latest("pk")
    assert (entry.action, entry.actor) == (LogEntry.Action.DELETE, editor)


def test_analysis_json_has_no_check_until_one_is_completed(org, owner):
    start_check(org, owner)
    data = analysis_as_json(analyze(landscape_snapshot(org)))
    assert data["resilience"]["check"] is None


def test_analysis_json_carries_the_latest_completed_check(org, owner):
    import_check(org, {"answers": {"01": "not_met"}, "date": "2025-01-01"})
    import_check(org, {**ANSWERS, "date": "2026-01-01"})
    start_check(org, owner)  # in progress: not counted
    check = analysis_as_json(analyze(landscape_snapshot(org)))["resilience"]["check"]
    assert check["date"] == "2026-01-01"
    assert (check["score"], check["max_score"], check["top_unmet"]) == (-3, 36, [5, 11, 15])
    assert check["percent"] == 0.0


def test_a_completed_check_without_answers_still_counts(org):
    SecurityCheck.objects.create(organisation=org, status=CheckStatus.COMPLETED)
    check = analysis_as_json(analyze(landscape_snapshot(org)))["resilience"]["check"]
    assert (check["score"], check["max_score"], check["open_questions"]) == (-15, 37, 53)


@pytest.fixture
def demo(shared_demo):
    return shared_demo


def test_demo_check_golden_result(demo):
    latest = latest_completed(demo)
    result = result_of(latest)
    assert latest.checked_on.isoformat() == "2026-10-27"
    assert (result.score, result.max_score, str(result.percent)) == (18, 36, "50.0")
    assert result.top_unmet == (5, 20)
    assert result.band == "amber"
    assert [q.number for q in result.open_questions] == ["17"]
    analysis = analysis_as_json(analyze(landscape_snapshot(demo)))["resilience"]["check"]
    assert {k: analysis[k] for k in ("score", "max_score", "percent", "top_unmet")} == {
        "score": 18,
        "max_score": 36,
        "percent": 50.0,
        "top_unmet": [5, 20],
    }


def test_demo_repeat_shows_change_since_the_first_check(demo):
    latest = latest_completed(demo)
    earlier = previous_completed(latest)
    assert earlier.checked_on.isoformat() == "2025-10-14"
    before = result_of(earlier)
    assert before.score == 7
    after = result_of(latest)
    kinds = {change.number: change.kind for change in compare(before, after)}
    assert kinds["15"] == "newly_met" and kinds["13"] == "newly_unmet"


def test_demo_result_page_shows_the_interviewers_notes(demo, client):
    reader = MembershipFactory(organisation=demo, role=Role.VIEWER).user
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    latest = latest_completed(demo)
    html = client.get(latest.get_absolute_url()).content.decode()
    assert "Makros bleiben an, weil die Access-Datenbank sie braucht." in html
