"""What the result page, the PDF and the command line show: built once from the scores."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from leitstand.analysis.maturity.initiatives import raising
from leitstand.analysis.maturity.model import Catalogue
from leitstand.analysis.maturity.reference import (
    band_shares,
    comparable_figures,
    dii_figures,
    size_class,
)
from leitstand.analysis.maturity.scoring import (
    MaturityChange,
    MaturityResult,
    compare,
    score_assessment,
)
from leitstand.maturity import evidence, selectors
from leitstand.maturity.catalogue import load_catalogue, load_reference
from leitstand.maturity.models import AnswerSource, AnswerValue, MaturityAnswer
from leitstand.maturity.radar import radar_svg
from leitstand.roadmap.models import InitiativeStatus

#: The single indicators set beside their published shares (the issue's list, plus social media).
SINGLE_INDICATORS = ("cloud", "ai", "e_invoicing", "erp", "crm", "social_media")


def answer_label(value: str) -> str:
    return str(AnswerValue(value).label) if value in AnswerValue.values else value


def source_label(source: str) -> str:
    return str(AnswerSource(source).label) if source in AnswerSource.values else source


@dataclass(frozen=True)
class ItemRow:
    key: str
    axis: str
    question: str
    help: str
    advice: str
    dii: bool
    answer: str
    answer_label: str
    source: str
    source_label: str
    suggested: str
    evidence: tuple[str, ...]
    note: str
    page_url: str
    reached: bool  # answered yes: nothing left to move


def _page_url(page: str, slug: str) -> str:
    if not page:
        return ""
    try:
        return reverse(page, kwargs={"org": slug})
    except NoReverseMatch:
        return ""


def item_rows(
    answers: dict[str, MaturityAnswer], slug: str, catalogue: Catalogue | None = None
) -> list[ItemRow]:
    catalogue = catalogue or load_catalogue()
    language = get_language()
    rows = []
    for item in catalogue.items:
        answer = answers.get(item.key)
        value = answer.value if answer else AnswerValue.UNKNOWN
        source = answer.source if answer else AnswerSource.MANUAL
        rows.append(
            ItemRow(
                key=item.key,
                axis=item.axis,
                question=item.question.get(language),
                help=item.help.get(language),
                advice=item.advice.get(language),
                dii=item.dii,
                answer=value,
                answer_label=answer_label(value),
                source=source,
                source_label=source_label(source),
                suggested=answer.suggested if answer else "",
                evidence=tuple(evidence.render(answer.evidence if answer else [])),
                note=answer.note if answer else "",
                page_url=_page_url(item.page, slug),
                reached=value == AnswerValue.YES,
            )
        )
    return rows


def _figure(figure) -> dict:
    language = get_language()
    return {
        "percent": figure.percent,
        "year": figure.year,
        "geo": figure.geo,
        "population": figure.population.get(language),
        "source_name": figure.source_name,
        "source_url": figure.source_url,
        "variant": figure.dii_variant,
    }


def comparison_context(
    result: MaturityResult, answers: dict, employees: int | None, industry: str, variant: str
) -> dict:
    """The published figures that may stand beside this result, with what they describe."""
    reference = load_reference()
    catalogue = load_catalogue()
    company_class = size_class(employees)
    same, other = dii_figures(reference, variant, company_class)
    language = get_language()
    bands = {f.band: f.percent for f in band_shares(reference, variant, company_class)}
    band_rows = [
        {
            "key": band.key,
            "name": band.name.get(language),
            "range": f"{band.low}-{band.high}",
            "percent": bands.get(band.key),
            "here": band.key == result.dii_band.key,
        }
        for band in catalogue.dii.bands
    ]
    indicators = []
    for item in catalogue.items:
        if item.indicator not in SINGLE_INDICATORS:
            continue
        answer = answers.get(item.key)
        indicators.append(
            {
                "key": item.key,
                "question": item.question.get(language),
                "answer": answer_label(answer.value if answer else AnswerValue.UNKNOWN),
                "figures": [
                    _figure(f) for f in comparable_figures(reference, item.indicator, company_class)
                ],
            }
        )
    return {
        "size_class": company_class,
        "employees": employees,
        "industry": industry,
        "dii_same": [_figure(f) for f in same],
        "dii_other": [_figure(f) for f in other],
        "dii_bands": band_rows if bands else [],
        "indicators": indicators,
        "last_verified": reference.last_verified,
        "variant_label": catalogue.dii.label.get(language)
        if variant == catalogue.dii.key
        else variant,
    }


def change_context(
    change: MaturityChange | None, previous, catalogue: Catalogue | None = None
) -> dict | None:
    if change is None:
        return None
    catalogue = catalogue or load_catalogue()
    language = get_language()
    return {
        "previous": previous,
        "overall_before": change.overall_before,
        "overall_after": change.overall_after,
        "overall_delta": change.overall_delta,
        "dii_before": change.dii_before,
        "dii_after": change.dii_after,
        "dii_delta": change.dii_delta,
        "axes": [
            {
                "name": catalogue.axis_by_key[a.key].name.get(language),
                "before": a.before,
                "after": a.after,
                "delta": a.delta,
            }
            for a in change.axes
        ],
        "items": [
            {
                "question": catalogue.item_by_key[i.key].question.get(language),
                "before": answer_label(i.before),
                "after": answer_label(i.after),
                "direction": i.direction,
            }
            for i in change.items
        ],
    }


def result_context(
    result: MaturityResult,
    answers: dict[str, MaturityAnswer],
    slug: str,
    previous_result: MaturityResult | None = None,
    previous_label: str = "",
) -> dict:
    catalogue = load_catalogue()
    language = get_language()
    rows = item_rows(answers, slug, catalogue)
    axes = []
    for score in result.axes:
        axis = catalogue.axis_by_key[score.key]
        axes.append(
            {
                "key": score.key,
                "name": axis.name.get(language),
                "score": score.score,
                "band": score.band.name.get(language),
                "band_key": score.band.key,
                "reached": int(score.reached)
                if score.reached == int(score.reached)
                else score.reached,
                "items": score.items,
                "unknown": score.unknown,
                "rows": [row for row in rows if row.axis == score.key],
            }
        )
    weakest = next(a for a in axes if a["key"] == result.weakest.key)
    chart = radar_svg(
        [a["name"] for a in axes],
        [a["score"] for a in axes],
        [a.score for a in previous_result.axes] if previous_result else None,
        (_("This assessment"), previous_label),
    )
    unconfirmed = [row for row in rows if row.source == AnswerSource.PREFILLED]
    return {
        "result": result,
        "axes": axes,
        "weakest": weakest,
        "weakest_open": [row for row in weakest["rows"] if not row.reached],
        "radar": chart,
        "rows": rows,
        "dii_rows": [row for row in rows if row.dii],
        "open_rows": [row for row in rows if row.answer == AnswerValue.UNKNOWN],
        "unconfirmed": unconfirmed,
        "overall_band": result.overall_band.name.get(language),
        "dii_band": result.dii_band.name.get(language),
        "dii_label": catalogue.dii.label.get(language),
        "dii_basic_from": catalogue.dii.basic_from,
        "dma_bands": [
            {"name": b.name.get(language), "range": f"{b.low}-{b.high}"}
            for b in catalogue.dma_bands
        ],
        "dii_bands": [
            {"name": b.name.get(language), "range": f"{b.low}-{b.high}"}
            for b in catalogue.dii.bands
        ],
        "sources": {
            key: value.get(language[:2] if language else "en", value.get("en"))
            for key, value in catalogue.sources.items()
        },
        "source_urls": {key: value.get("url", "") for key, value in catalogue.sources.items()},
    }


def assessment_context(assessment) -> dict:
    """Everything the result page and the PDF show about one assessment."""
    catalogue = load_catalogue()
    answers = selectors.answer_rows(assessment)
    values = {key: row.value for key, row in answers.items()}
    result = score_assessment(catalogue, values)
    previous = selectors.previous_completed(assessment)
    change = previous_result = None
    if previous is not None:
        before = selectors.values_of(previous)
        previous_result = score_assessment(catalogue, before)
        change = compare(catalogue, before, values, previous.dii_variant, assessment.dii_variant)
    organisation = assessment.organisation
    context = result_context(
        result,
        answers,
        organisation.slug,
        previous_result,
        str(previous) if previous else "",
    )
    context["change"] = change_context(change, previous, catalogue)
    context["comparison"] = comparison_context(
        result, answers, organisation.employees, organisation.industry, assessment.dii_variant
    )
    context["weakest_initiatives"] = initiative_rows(
        organisation, result.weakest.key, set(result.open_items) | _not_yes(values)
    )
    context["assessment"] = assessment
    return context


def _not_yes(values: dict[str, str]) -> set[str]:
    return {key for key, value in values.items() if value != AnswerValue.YES}


def initiative_rows(organisation, axis: str, open_items: set[str]) -> list[dict]:
    """The roadmap's initiatives that would raise this axis, with the questions they move."""
    catalogue = load_catalogue()
    language = get_language()
    labels = dict(InitiativeStatus.choices)
    rows = []
    for facts, keys in raising(
        catalogue, axis, selectors.initiative_facts(organisation), open_items
    ):
        rows.append(
            {
                "name": facts.name,
                "status": str(labels.get(facts.status, facts.status)),
                "url": reverse(
                    "roadmap:initiative_detail", kwargs={"org": organisation.slug, "pk": facts.id}
                ),
                "questions": [catalogue.item_by_key[key].question.get(language) for key in keys],
            }
        )
    return rows
