"""What the result page, the comparison and the PDF show: the same context for all three."""

from dataclasses import dataclass

import pygal
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from leitstand.analysis.company_check.catalogue import STATUS, Catalogue, Requirement
from leitstand.analysis.company_check.scoring import (
    AMBER_FROM_PERCENT,
    GREEN_FROM_PERCENT,
    Change,
    CheckResult,
    Outcome,
    percent_of_maximum,
)
from leitstand.core.charts import _STYLE, render_svg
from leitstand.security_check.catalogue import load_catalogue


@dataclass(frozen=True)
class AreaRow:
    name: str
    score: int
    max_score: int
    met: int
    relevant: int
    percent: object


@dataclass(frozen=True)
class RecommendationRow:
    number: str
    title: str
    top: bool
    outcome: str
    recommendation: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenRow:
    number: str
    title: str
    question: str


@dataclass(frozen=True)
class ChangeRow:
    number: str
    title: str
    kind: str
    before: str
    after: str


def outcome_label(outcome: str) -> str:
    return {
        Outcome.MET: _("met"),
        Outcome.NOT_MET: _("not met"),
        Outcome.UNKNOWN: _("not known (counts as not met)"),
        Outcome.NOT_RELEVANT: _("not relevant"),
    }[Outcome(outcome)]


def band_label(band: str) -> str:
    return {"green": _("good"), "amber": _("needs work"), "red": _("at risk")}[band]


def item_text(requirement: Requirement, item: str, language: str) -> str:
    if item == STATUS:
        return requirement.status.question.get(language)
    for sub in requirement.status.sub if requirement.status else ():
        if sub.key == item:
            return sub.question.get(language)
    return next(p.text.get(language) for p in requirement.parts if p.key == item)


def area_chart(rows: list[AreaRow]) -> SafeString:
    """Percent of each area's relevant maximum reached, one bar per area."""
    chart = pygal.HorizontalBar(
        style=_STYLE,
        show_legend=False,
        print_values=True,
        value_formatter=lambda value: f"{value:.0f} %",
        height=max(160, 44 * len(rows) + 60),
        width=720,
        margin=8,
        js=[],
        disable_xml_declaration=True,
        show_y_guides=False,
        truncate_label=-1,
        range=(0, 100),
        include_x_axis=True,
    )
    top_down = list(reversed(rows))  # pygal draws the first bar at the bottom
    chart.x_labels = [row.name for row in top_down]
    chart.add(_("Percent reached"), [float(row.percent) for row in top_down])
    return render_svg(chart)


def result_context(
    result: CheckResult,
    notes: dict[str, list[str]] | None = None,
    catalogue: Catalogue | None = None,
) -> dict:
    """`notes`: the interviewer's notes per requirement number, shown with its recommendation."""
    catalogue = catalogue or load_catalogue()
    notes = notes or {}
    language = get_language()
    areas = [
        AreaRow(
            name=catalogue.area(row.key).name.get(language),
            score=row.score,
            max_score=row.max_score,
            met=row.met,
            relevant=row.relevant,
            percent=percent_of_maximum(row.score, row.max_score),
        )
        for row in result.areas
    ]
    relevant = [r for r in result.requirements if r.relevant]
    recommendations = [
        RecommendationRow(
            number=r.requirement.number,
            title=r.requirement.title.get(language),
            top=r.requirement.top,
            outcome=outcome_label(r.outcome),
            recommendation=r.requirement.recommendation.get(language),
            notes=tuple(notes.get(r.requirement.number, ())),
        )
        for r in result.unmet
    ]
    open_rows = [
        OpenRow(
            number=q.number,
            title=catalogue.requirement(q.number).title.get(language),
            question=item_text(catalogue.requirement(q.number), q.item, language),
        )
        for q in result.open_questions
    ]
    return {
        "result": result,
        "areas": areas,
        "area_chart": area_chart(areas),
        "recommendations": recommendations,
        "open_questions": open_rows,
        "top_unmet_rows": [row for row in recommendations if row.top],
        "band_label": band_label(result.band),
        "formula": {
            "score": result.score,
            "max_score": result.max_score,
            "top_relevant": sum(1 for r in relevant if r.requirement.top),
            "other_relevant": sum(1 for r in relevant if not r.requirement.top),
            "not_relevant": len(result.requirements) - len(relevant),
            "percent": result.percent,
            "green_from": GREEN_FROM_PERCENT,
            "amber_from": AMBER_FROM_PERCENT,
        },
        "requirement_rows": [
            {
                "number": r.requirement.number,
                "title": r.requirement.title.get(language),
                "top": r.requirement.top,
                "outcome": r.outcome.value,
                "outcome_label": outcome_label(r.outcome),
                "points": r.points,
                "max_points": r.max_points,
            }
            for r in result.requirements
        ],
    }


def change_rows(changes: tuple[Change, ...], catalogue: Catalogue | None = None) -> list[ChangeRow]:
    catalogue = catalogue or load_catalogue()
    language = get_language()
    return [
        ChangeRow(
            number=change.number,
            title=catalogue.requirement(change.number).title.get(language),
            kind=change.kind,
            before=outcome_label(change.before),
            after=outcome_label(change.after),
        )
        for change in changes
    ]
