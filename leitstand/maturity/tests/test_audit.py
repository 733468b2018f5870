"""Maturity assessments leave audit entries like every other write: who, which organisation,
what changed; through the pages, the import and the API."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from leitstand.api.tests.test_api import api
from leitstand.maturity.models import AssessmentStatus, MaturityAnswer, MaturityAssessment
from leitstand.maturity.services import import_assessment

pytestmark = pytest.mark.django_db

FILE = {"format": "leitstand-maturity", "version": 1}


def entries(obj) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(obj).order_by("pk"))


def test_start_answer_finish_and_delete_through_the_pages_are_audited(login, editor, org):
    client = login(editor)
    client.post("/o/acme/maturity/new/", {"assessed_on": "2026-11-02", "assessor": "Eva"})
    assessment = MaturityAssessment.objects.get(organisation=org)
    [created] = entries(assessment)
    assert created.action == LogEntry.Action.CREATE and created.actor == editor
    assert created.additional_data == {"organisation": org.pk}

    answers = f"/o/acme/maturity/{assessment.pk}/answers/"
    client.post(answers, {"v_strategy_plan": "yes", "n_strategy_plan": "from the board"})
    answer = MaturityAnswer.objects.get(assessment=assessment, item="strategy_plan")
    [changed] = entries(answer)
    assert changed.action == LogEntry.Action.UPDATE and changed.actor == editor
    assert changed.changes_dict["value"] == ["unknown", "yes"]
    assert changed.additional_data == {"organisation": org.pk}
    untouched = MaturityAnswer.objects.get(assessment=assessment, item="dii_erp")
    assert entries(untouched) == []  # answers nobody changed leave no entry

    client.post(answers, {"v_strategy_plan": "yes", "n_strategy_plan": "from the board"})
    assert len(entries(answer)) == 1  # saving the same answer again changes nothing

    client.post(answers, {"v_strategy_plan": "yes", "action": "finish"})
    finished = entries(assessment)[-1]
    assert finished.action == LogEntry.Action.UPDATE and finished.actor == editor
    assert finished.changes_dict["status"][1] == AssessmentStatus.COMPLETED

    client.post(reverse("maturity:delete", kwargs={"org": org.slug, "pk": assessment.pk}))
    deleted = entries(assessment)[-1]
    assert deleted.action == LogEntry.Action.DELETE and deleted.actor == editor
    assert deleted.additional_data == {"organisation": org.pk}
    assert not MaturityAssessment.objects.filter(pk=assessment.pk).exists()


def test_an_import_is_one_create_entry_by_the_importer(editor, org):
    assessment = import_assessment(
        org, {**FILE, "date": "2026-01-01", "answers": {"dii_erp": "yes"}}, actor=editor
    )
    [created] = entries(assessment)
    assert created.action == LogEntry.Action.CREATE and created.actor == editor
    assert created.additional_data == {"organisation": org.pk}


def test_deleting_through_the_api_is_audited(editor, org):
    assessment = import_assessment(org, {**FILE, "date": "2026-01-01", "answers": {}})
    detail = reverse("api:maturity-assessment-detail", kwargs={"org": "acme", "pk": assessment.pk})
    assert api(editor, org).delete(detail).status_code == 204
    deleted = entries(assessment)[-1]
    assert deleted.action == LogEntry.Action.DELETE and deleted.actor == editor
    assert deleted.additional_data == {"organisation": org.pk}
