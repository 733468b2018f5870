"""Survey results for members: only aggregates, and only from MIN_ANSWERS_SHOWN answers on."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count

from leitstand.surveys.models import HIGHEST, LOWEST, Survey, SurveyAnswer, SurveyQuestion
from leitstand.surveys.services import MIN_ANSWERS_SHOWN, average_score


@dataclass(frozen=True)
class QuestionResult:
    question: SurveyQuestion
    average: Decimal
    counts: tuple[int, ...]  # how many chose 1, 2, 3, 4, 5

    @property
    def bars(self) -> list[tuple[int, int, int]]:
        """(score, count, percent of the answers) for a small bar per score."""
        total = sum(self.counts) or 1
        return [
            (score, count, round(count * 100 / total))
            for score, count in zip(range(LOWEST, HIGHEST + 1), self.counts, strict=True)
        ]


@dataclass(frozen=True)
class Results:
    answers: int
    shown: bool  # False below the threshold: then nothing else is filled in
    average: Decimal | None = None
    questions: tuple[QuestionResult, ...] = ()
    free_texts: tuple[str, ...] = ()


def survey_results(survey: Survey) -> Results:
    answers = survey.responses.count()
    if answers < MIN_ANSWERS_SHOWN:
        return Results(answers, shown=False)
    scores = SurveyAnswer.objects.filter(response__survey=survey)
    averages = dict(
        scores.values("question").annotate(mean=Avg("score")).values_list("question", "mean")
    )
    counts: dict[tuple[int, int], int] = {
        (question, score): n
        for question, score, n in scores.values("question", "score")
        .annotate(n=Count("pk"))
        .values_list("question", "score", "n")
    }
    questions = tuple(
        QuestionResult(
            question,
            Decimal(str(averages.get(question.pk) or 0)).quantize(Decimal("0.1")),
            tuple(counts.get((question.pk, score), 0) for score in range(LOWEST, HIGHEST + 1)),
        )
        for question in survey.questions.all()
    )
    texts = survey.responses.exclude(free_text="").values_list("free_text", flat=True)
    return Results(
        answers=answers,
        shown=True,
        average=average_score(survey),
        questions=questions,
        free_texts=tuple(sorted(texts, key=str.casefold)),  # sorted: the order reveals nothing
    )
