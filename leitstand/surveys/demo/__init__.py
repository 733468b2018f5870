"""Loads the demo's before and after surveys (`<organisation-slug>.yaml` beside this file),
answered and closed: their averages reach the KPI."""

from leitstand.kpis.models import Kpi
from leitstand.processes.models import Process
from leitstand.surveys.models import (
    DEFAULT_QUESTIONS,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from leitstand.surveys.services import close_survey
from leitstand.tenancy.models import Organisation


def _answer(survey: Survey, questions: list[SurveyQuestion], scores: list, text: str, day):
    response = SurveyResponse.objects.create(
        organisation=survey.organisation, survey=survey, submitted_on=day, free_text=text
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(organisation=survey.organisation, response=response, question=q, score=s)
        for q, s in zip(questions, scores, strict=True)
    )


def load_demo(organisation: Organisation, data: dict) -> None:
    processes = {p.name: p for p in Process.objects.for_org(organisation)}
    kpis = {k.name: k for k in Kpi.objects.for_org(organisation)}
    for record in data.get("surveys", []):
        survey = Survey.objects.create(
            organisation=organisation,
            process=processes[record["process"]],
            title=record["title"],
            phase=record["phase"],
            kpi=kpis[record["kpi"]],
        )
        questions = [
            SurveyQuestion.objects.create(
                organisation=organisation, survey=survey, position=position, key=key
            )
            for position, key in enumerate(DEFAULT_QUESTIONS, start=1)
        ]
        for answer in record["answers"]:
            _answer(
                survey, questions, answer["scores"], answer.get("text", ""), record["answered_on"]
            )
        close_survey(survey, actor=None)
