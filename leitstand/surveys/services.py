"""The one write path of surveys (pages, the roadmap and the demo call these): saving or
deleting a survey with its questions, an anonymous answer, closing a survey, and its average
as a KPI figure."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Avg, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.core.actor import acting_as
from leitstand.core.audit import delete_object, save_values
from leitstand.kpis import sources
from leitstand.kpis.models import Measurement
from leitstand.surveys.models import (
    Survey,
    SurveyAnswer,
    SurveyPhase,
    SurveyQuestion,
    SurveyResponse,
    default_key,
)

#: Below this many answers nothing is shown: no single answer may be identifiable.
MIN_ANSWERS_SHOWN = 3


@transaction.atomic
def save_survey(survey: Survey, values: dict, questions: list[str] | None, *, actor) -> Survey:
    """Save the survey; `questions` (texts, a default one by its text) replace its questions
    while nobody has answered (answers refer to them), None keeps them."""
    locked = survey.pk is not None and survey.responses.exists()
    survey = save_values(survey, values, actor)
    if questions is not None and not locked:
        survey.questions.all().delete()
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(
                organisation=survey.organisation,
                survey=survey,
                position=position,
                key=default_key(text),
                text="" if default_key(text) else text,
            )
            for position, text in enumerate(questions, start=1)
        )
    return survey


@transaction.atomic
def add_questions(survey: Survey, keys) -> list[SurveyQuestion]:
    """Standard questions by key (`DEFAULT_QUESTIONS`, `ACCEPTANCE_QUESTIONS`), in order, each
    with its audit entry under the caller's actor (an acceptance survey's, the demo's). No
    `set_actor` of its own: a nested one would leave the caller's later writes without."""
    return [
        SurveyQuestion.objects.create(
            organisation=survey.organisation, survey=survey, position=position, key=key
        )
        for position, key in enumerate(keys, start=1)
    ]


def delete_survey(survey: Survey, *, actor) -> None:
    """The survey with its questions and answers; a KPI figure it gave stays."""
    delete_object(survey, actor)


@transaction.atomic
def record_answer(
    survey: Survey,
    scores: list[tuple[SurveyQuestion, int]],
    free_text: str,
    submitted_on=None,
) -> SurveyResponse:
    """Store the scores and the free text with the day only: no name, address or time."""
    response = SurveyResponse.objects.create(
        organisation_id=survey.organisation_id,
        survey=survey,
        submitted_on=submitted_on or timezone.localdate(),
        free_text=free_text.strip(),
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(
            organisation_id=survey.organisation_id,
            response=response,
            question=question,
            score=score,
        )
        for question, score in scores
    )
    return response


def accepts_answers(survey: Survey) -> bool:
    return survey.is_open and survey.responses.count() < survey.max_answers


def average_score(survey: Survey) -> Decimal | None:
    """The mean of every score given, to two decimals; None below the anonymity threshold."""
    if survey.responses.count() < MIN_ANSWERS_SHOWN:
        return None
    mean = SurveyAnswer.objects.filter(response__survey=survey).aggregate(mean=Avg("score"))["mean"]
    if mean is None:
        return None
    return Decimal(str(mean)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _feed_kpi(survey: Survey, actor) -> None:
    """A 'before' survey gives a KPI without a baseline its baseline; any other survey (or a
    KPI that has one) gets a measurement, which closing again updates."""
    average = average_score(survey)
    kpi = survey.kpi
    if kpi is None or average is None:
        return
    day = survey.responses.aggregate(last=Max("submitted_on"))["last"]
    source = _(sources.FROM_SURVEY) % {
        "title": survey.title,
        "count": survey.responses.count(),
    }
    with acting_as(actor):
        if survey.phase == SurveyPhase.BEFORE and kpi.baseline_value is None:
            kpi.baseline_value, kpi.baseline_date, kpi.baseline_source = average, day, source
            kpi.save()
            return
        measurement = survey.measurement or Measurement(organisation=kpi.organisation, kpi=kpi)
        measurement.kpi, measurement.measured_on = kpi, day
        measurement.value, measurement.source = average, source[:200]
        measurement.save()
    survey.measurement = measurement


@transaction.atomic
def close_survey(survey: Survey, actor) -> None:
    survey.is_open = False
    survey.closed_at = timezone.now()
    _feed_kpi(survey, actor)
    with acting_as(actor):
        survey.save()


@transaction.atomic
def reopen_survey(survey: Survey, actor) -> None:
    survey.is_open = True
    survey.closed_at = None
    with acting_as(actor):
        survey.save()
