"""Parts of the initiative page: the acceptance surveys side by side, and the linked KPIs."""

from dataclasses import dataclass

from django.utils.translation import gettext

from leitstand.kpis.selectors import KpiView, kpi_view, with_measurements
from leitstand.roadmap.models import Initiative, InitiativeOption
from leitstand.surveys.models import ACCEPTANCE_QUESTIONS
from leitstand.surveys.selectors import Results, survey_results


@dataclass(frozen=True)
class SurveyColumn:
    option: InitiativeOption
    results: Results | None  # None: no survey yet

    def average_for(self, key: str):
        if self.results is None or not self.results.shown:
            return None
        for result in self.results.questions:
            if result.question.key == key:
                return result.average
        return None


@dataclass(frozen=True)
class SurveyComparison:
    columns: tuple[SurveyColumn, ...]
    rows: tuple[tuple[str, tuple], ...]  # question text, average per column

    @property
    def any_survey(self) -> bool:
        return any(column.results is not None for column in self.columns)


def survey_comparison(initiative: Initiative) -> SurveyComparison:
    """The same acceptance questions for every option, one column per option."""
    options = initiative.options.select_related("survey").order_by("pk")
    columns = tuple(
        SurveyColumn(option, survey_results(option.survey) if option.survey_id else None)
        for option in options
    )
    rows = tuple(
        (gettext(text), tuple(column.average_for(key) for column in columns))
        for key, text in ACCEPTANCE_QUESTIONS.items()
    )
    return SurveyComparison(columns, rows)


def kpi_rows(initiative: Initiative) -> list[KpiView]:
    kpis = with_measurements(initiative.kpis.all())
    return [kpi_view(kpi, chart=False) for kpi in kpis]
