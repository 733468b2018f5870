"""The company check's pages, as its users meet them."""

import io
import json
import subprocess
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from leitstand.inventory.tests.factories import PersonFactory, SystemFactory
from leitstand.resilience.tests.factories import SystemResilienceFactory
from leitstand.security_check.models import Answer, CheckStatus, SecurityCheck
from leitstand.security_check.services import import_check
from leitstand.security_check.tests.factories import SecurityCheckFactory

pytestmark = pytest.mark.django_db

ALL_MET = {f"{n:02d}": "met" for n in range(1, 28)}


def pdf_text(path) -> str:
    """The PDF's text with line breaks and runs of spaces made single spaces."""
    completed = subprocess.run(
        ["/usr/bin/pdftotext", str(path), "-"], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    return " ".join(completed.stdout.split())


def url(name: str, org, **kwargs) -> str:
    return reverse(f"security_check:{name}", kwargs={"org": org.slug, **kwargs})


def test_editor_starts_a_check_and_lands_on_the_first_area(login, editor, org):
    response = login(editor).post(
        url("new", org), {"checked_on": "2026-11-02", "interviewer": "Eva"}
    )
    check = SecurityCheck.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("interview", org, pk=check.pk, area="organisation")
    assert check.status == CheckStatus.IN_PROGRESS
    assert LogEntry.objects.get_for_object(check).count() == 1


def test_a_check_cannot_be_dated_in_the_future(login, editor, org):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(editor).post(url("new", org), {"checked_on": tomorrow})
    assert response.status_code == 200
    assert "cannot be dated in the future" in response.content.decode()
    assert SecurityCheck.objects.count() == 0


def test_interview_page_shows_one_area_with_status_question_first(login, editor, org):
    check = SecurityCheckFactory(organisation=org)
    page = login(editor).get(url("interview", org, pk=check.pk, area="organisation"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Area 1 of 6" in html
    assert "Management carries overall responsibility" in html
    assert "Regularly" not in html and "Backups run often enough" not in html  # other area
    status_at = html.index("Do staff work on the road or from home")
    assert status_at < html.index("Mobile devices are encrypted and locked.")


def _area_post(action="next", **values):
    data = {"action": action}
    for key, value in values.items():
        data[f"r{key}"] = value
    return data


def test_saving_an_area_stores_answers_and_notes_and_moves_on(login, editor, org):
    check = SecurityCheckFactory(organisation=org)
    response = login(editor).post(
        url("interview", org, pk=check.pk, area="organisation"),
        _area_post(**{"01_a": "yes", "01_b": "no", "01_b_note": "kein Budget", "07_status": "no"}),
    )
    assert response["Location"] == url("interview", org, pk=check.pk, area="identities")
    answers = {(a.requirement, a.item): (a.value, a.note) for a in Answer.objects.all()}
    assert answers == {
        ("01", "a"): ("yes", ""),
        ("01", "b"): ("no", "kein Budget"),
        ("07", "status"): ("no", ""),
    }
    check.refresh_from_db()
    assert check.current_area == "identities"


def test_an_in_progress_check_reopens_where_it_was_left(login, editor, org):
    check = SecurityCheckFactory(organisation=org)
    client = login(editor)
    client.post(
        url("interview", org, pk=check.pk, area="identities"),
        _area_post(action="pause", **{"08_a": "yes"}),
    )
    page = client.get(url("resume", org, pk=check.pk))
    html = page.content.decode()
    assert "Area 2 of 6" in html
    assert 'value="yes" class="form-check-input" id="id_r08_a_0" checked' in html


def test_an_unknown_answer_value_is_rejected_and_nothing_saved(login, editor, org):
    check = SecurityCheckFactory(organisation=org)
    response = login(editor).post(
        url("interview", org, pk=check.pk, area="organisation"), _area_post(**{"01_a": "maybe"})
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Answer.objects.count() == 0


def test_unknown_area_is_404(login, editor, org):
    check = SecurityCheckFactory(organisation=org)
    assert login(editor).get(url("interview", org, pk=check.pk, area="nope")).status_code == 404


def test_finishing_the_last_area_completes_the_check(login, editor, org):
    check = SecurityCheckFactory(organisation=org)
    response = login(editor).post(
        url("interview", org, pk=check.pk, area="systems"), _area_post(action="finish")
    )
    assert response["Location"] == url("result", org, pk=check.pk)
    check.refresh_from_db()
    assert check.status == CheckStatus.COMPLETED


def test_inventory_proposes_unsupported_software_with_its_evidence(login, editor, org):
    SystemFactory(organisation=org, name="Access 2010", end_of_support=date(2020, 10, 13))
    check = SecurityCheckFactory(organisation=org)
    html = login(editor).get(url("interview", org, pk=check.pk, area="updates")).content.decode()
    assert "Suggested from the inventory" in html
    assert "Access 2010: support ended on 2020-10-13" in html


def test_resilience_facts_propose_two_factor_and_restore_test_answers(login, editor, org):
    shop = SystemFactory(organisation=org, name="Webshop")
    SystemResilienceFactory(
        organisation=org,
        system=shop,
        internet_facing=True,
        two_factor="none",
        backup_exists=True,
        restore_tested_on=None,
    )
    check = SecurityCheckFactory(organisation=org)
    client = login(editor)
    identities = client.get(url("interview", org, pk=check.pk, area="identities")).content.decode()
    assert "Webshop is reachable from the internet without enforced two-factor login." in identities
    backup = client.get(url("interview", org, pk=check.pk, area="backup")).content.decode()
    assert "Webshop: no restore test in the last 12 months." in backup
    assert "Webshop is backed up." in backup
    assert "Webshop: nobody is responsible for the backup." in backup


def test_a_proposal_names_its_first_ten_systems_and_counts_the_others(login, editor, org):
    for number in range(13):
        SystemResilienceFactory(
            organisation=org,
            system=SystemFactory(organisation=org, name=f"Server {number:02d}"),
            backup_exists=False,
        )
    check = SecurityCheckFactory(organisation=org)
    backup = login(editor).get(url("interview", org, pk=check.pk, area="backup")).content
    backup = backup.decode()
    assert backup.count("has no backup.") == 10
    assert "… and 3 more systems." in backup


def test_proposals_say_yes_when_every_fact_holds(login, editor, org):
    erp = SystemFactory(organisation=org, name="ERP", end_of_support=date(2031, 1, 1))
    SystemResilienceFactory(
        organisation=org,
        system=erp,
        internet_facing=True,
        two_factor="enforced",
        backup_exists=True,
        backup_offsite=True,
        backup_offline=True,
        backup_responsible=PersonFactory(organisation=org, name="Jana"),
        restore_tested_on=timezone.localdate() - timedelta(days=30),
        restore_test_ok=True,
    )
    check = SecurityCheckFactory(organisation=org)
    client = login(editor)
    backup = client.get(url("interview", org, pk=check.pk, area="backup")).content.decode()
    assert "ERP: Jana looks after the backup." in backup
    assert "ERP: the last restore test worked." in backup
    assert "ERP: a backup copy is offline or immutable." in backup
    updates = client.get(url("interview", org, pk=check.pk, area="updates")).content.decode()
    assert "The one system in use is still supported by its vendor." in updates
    identities = client.get(url("interview", org, pk=check.pk, area="identities")).content.decode()
    assert "ERP enforces two-factor login." in identities


def test_result_shows_points_percent_top_flag_formula_and_recommendations(login, viewer, org):
    check = import_check(org, {"answers": {**ALL_MET, "20": "not_met", "04": "unknown"}})
    html = login(viewer).get(url("result", org, pk=check.pk)).content.decode()
    assert "30" in html and "/ 37" in html  # 37 - 1 (04) - 6 (20 from +3 to -3)
    assert "81.1 %" in html
    assert "1 TOP requirement not met" in html
    assert "max(30, 0) ÷ 37 \u00d7 100 = 81.1 %" in html
    assert "<svg" in html and "<script" not in html.split("<svg", 1)[1].split("</svg>")[0]
    recommendations = html.split('id="recommendations"')[1]
    assert recommendations.index("Office macros") < recommendations.index("Rules for using IT")
    assert "Open questions" in html and "The rules are written down." in html


def test_result_compares_with_the_check_before(login, viewer, org):
    import_check(org, {"answers": {**ALL_MET, "13": "not_met"}, "date": "2025-10-01"})
    check = import_check(org, {"answers": {**ALL_MET, "03": "not_met"}, "date": "2026-10-01"})
    html = login(viewer).get(url("compare", org, pk=check.pk)).content.decode()
    assert "Compared with the check of" in html
    assert "newly met" in html and "newly unmet" in html
    assert "Restoring is tested" in html and "overview of devices" in html


def test_repeat_check_starts_prefilled_from_the_last_one(login, editor, org):
    previous = import_check(org, {"answers": {"01": "met"}, "date": "2025-10-01"})
    client = login(editor)
    assert 'name="repeat"' in client.get(url("new", org) + "?repeat=1").content.decode()
    client.post(url("new", org), {"checked_on": "2026-11-01", "repeat": "on"})
    check = SecurityCheck.objects.exclude(pk=previous.pk).get()
    assert check.answers.count() == previous.answers.count()
    assert check.answers.get(requirement="01", item="a").value == "yes"


def test_export_json_round_trips_through_the_import_page(login, editor, org):
    check = import_check(org, {"answers": {"01": "met", "07": "not_relevant", "11": "not_met"}})
    client = login(editor)
    exported = client.get(url("export", org, pk=check.pk))
    document = json.loads(exported.content)
    assert document["answers"]["07"] == "not_relevant" and document["answers"]["02"] == "unknown"
    upload = io.BytesIO(exported.content)
    upload.name = "check.json"
    response = client.post(url("import", org), {"file": upload})
    copy = SecurityCheck.objects.exclude(pk=check.pk).get()
    assert response["Location"] == url("result", org, pk=copy.pk)
    assert client.get(url("export", org, pk=copy.pk)).json()["answers"] == document["answers"]


def test_import_page_shows_errors_in_the_users_language_and_creates_nothing(login, editor, org):
    upload = io.BytesIO(b'{"answers": {"02": "not_relevant", "42": "met"}}')
    upload.name = "check.json"
    response = login(editor).post(url("import", org), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Requirement 02 cannot be not relevant" in html
    assert "Unknown requirement number" in html
    assert SecurityCheck.objects.count() == 0


def test_list_shows_checks_with_their_scores_in_a_fixed_number_of_queries(
    login, viewer, org, django_assert_max_num_queries
):
    for year in (2024, 2025):
        import_check(org, {"answers": ALL_MET, "date": f"{year}-05-01"})
    client = login(viewer)
    with django_assert_max_num_queries(12):
        small = client.get(url("list", org))
    for year in range(2018, 2024):
        import_check(org, {"answers": ALL_MET, "date": f"{year}-05-01"})
    with django_assert_max_num_queries(12):
        large = client.get(url("list", org))
    assert "37 / 37" in small.content.decode()
    assert large.content.decode().count("37 / 37") == 8


def test_pdf_report_holds_score_recommendations_and_open_questions(login, viewer, org, tmp_path):
    check = import_check(org, {"answers": {**ALL_MET, "05": "not_met", "04": "unknown"}})
    response = login(viewer).get(url("report", org, pk=check.pk))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    text = pdf_text(path)
    assert "Company check: information security" in text
    assert "30 / 37" in text
    assert "1 TOP requirement not met" in text
    assert "All staff are trained to use IT safely" in text
    assert "Recommendations" in text and "Open questions" in text


def test_pdf_report_is_in_german_for_a_german_reader(login, viewer, org, tmp_path):
    check = import_check(org, {"answers": {**ALL_MET, "05": "not_met"}})
    client = login(viewer)
    response = client.get(url("report", org, pk=check.pk), HTTP_ACCEPT_LANGUAGE="de")
    path = tmp_path / "bericht.pdf"
    path.write_bytes(response.content)
    text = pdf_text(path)
    assert "Empfehlungen" in text
    assert "Alle Beschäftigten sind im sicheren Umgang mit IT geschult" in text


def test_viewer_cannot_start_or_answer_a_check(login, viewer, org):
    check = SecurityCheckFactory(organisation=org)
    client = login(viewer)
    assert client.post(url("new", org), {"checked_on": "2026-11-01"}).status_code == 403
    response = client.post(
        url("interview", org, pk=check.pk, area="organisation"), _area_post(**{"01_a": "yes"})
    )
    assert response.status_code == 403
    assert Answer.objects.count() == 0
    assert SecurityCheck.objects.count() == 1


def test_another_organisations_check_is_404(login, owner, org, other_org):
    foreign = SecurityCheckFactory(organisation=other_org)
    client = login(owner)
    for name in ("result", "compare", "export", "report", "resume"):
        assert client.get(url(name, org, pk=foreign.pk)).status_code == 404
    response = client.post(
        url("interview", org, pk=foreign.pk, area="organisation"), _area_post(**{"01_a": "yes"})
    )
    assert response.status_code == 404
    assert Answer.objects.count() == 0


def test_a_negative_score_says_how_its_percent_is_computed_and_a_large_company_its_scope(
    login, viewer, org
):
    org.employees = 60
    org.save()
    none_met = {number: "not_met" for number in ALL_MET}  # -15 points
    check = import_check(org, {"answers": none_met})
    html = login(viewer).get(url("result", org, pk=check.pk)).content.decode()
    assert 'id="percent-clamped"' in html and "below zero the percentage stays at 0 %" in html
    assert 'id="scope-note"' in html and "with 60 people" in html and "IT-Grundschutz" in html
    listing = login(viewer).get(url("list", org)).content.decode()
    assert "(0 %: points below zero)" in listing


def test_unmet_top_requirements_are_high_findings_on_the_cockpit(login, viewer, org):
    from leitstand.analysis import analyze
    from leitstand.landscape.snapshot import landscape_snapshot

    import_check(org, {"answers": {**ALL_MET, "11": "not_met", "20": "not_met"}})
    findings = [f for f in analyze(landscape_snapshot(org)).findings if f.kind == "check_top_unmet"]
    assert [f.subjects[0].name for f in findings] == ["TOP 11", "TOP 20"]
    assert {f.severity for f in findings} == {"high"}
    html = login(viewer).get(reverse("cockpit:home", kwargs={"org": org.slug})).content.decode()
    block = html.split('id="check-top-unmet"')[1].split("</div>")[0]
    assert "11: backups run often enough" in block and "20: office macros" in block
