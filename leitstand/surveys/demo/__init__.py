"""Loads the demo's before and after surveys (`<organisation-slug>.yaml` beside this file),
answered and closed: their averages reach the KPI."""

from leitstand.kpis.models import Kpi
from leitstand.processes.models import Process
from leitstand.surveys.models import DEFAULT_QUESTIONS, Survey
from leitstand.surveys.services import add_questions, close_survey, record_answer, save_survey
from leitstand.tenancy.models import Organisation


def load_demo(organisation: Organisation, data: dict) -> None:
    processes = {p.name: p for p in Process.objects.for_org(organisation)}
    kpis = {k.name: k for k in Kpi.objects.for_org(organisation)}
    for record in data.get("surveys", []):
        values = {
            "process": processes[record["process"]],
            "title": record["title"],
            "phase": record["phase"],
            "kpi": kpis[record["kpi"]],
        }
        survey = save_survey(Survey(organisation=organisation), values, None, actor=None)
        questions = add_questions(survey, DEFAULT_QUESTIONS)
        for answer in record["answers"]:
            scores = list(zip(questions, answer["scores"], strict=True))
            record_answer(survey, scores, answer.get("text", ""), record["answered_on"])
        close_survey(survey, actor=None)
