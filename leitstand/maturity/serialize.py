"""One assessment as JSON: what `leitstand maturity --json` prints and the API's `result`."""

from django.utils.translation import get_language

from leitstand.analysis.maturity.initiatives import raising
from leitstand.analysis.maturity.scoring import compare, score_assessment
from leitstand.maturity import evidence, selectors
from leitstand.maturity.catalogue import load_catalogue
from leitstand.maturity.models import AnswerValue, MaturityAssessment


def _number(value) -> float | int:
    return int(value) if value == int(value) else float(value)


def result_json(assessment: MaturityAssessment, answers: dict | None = None) -> dict:
    """`date`, `axes`, `overall`, `dii_count`, `dii_band`, `items`, `change`."""
    catalogue = load_catalogue()
    language = get_language()
    answers = selectors.answer_rows(assessment) if answers is None else answers
    values = {key: row.value for key, row in answers.items()}
    result = score_assessment(catalogue, values)
    axis_scores = result.axis_by_key
    document = {
        "date": assessment.assessed_on.isoformat(),
        "status": assessment.status,
        "axes": [
            {
                "key": axis.key,
                "name": axis.name.get(language),
                "score": axis_scores[axis.key].score,
                "band": axis_scores[axis.key].band.key,
            }
            for axis in catalogue.axes
        ],
        "overall": _number(result.overall),
        "overall_band": result.overall_band.key,
        "weakest_axis": result.weakest.key,
        "weakest_axis_initiatives": [
            {"id": facts.id, "name": facts.name, "status": facts.status, "items": list(keys)}
            for facts, keys in raising(
                catalogue,
                result.weakest.key,
                selectors.initiative_facts(assessment.organisation),
                {key for key, value in values.items() if value != "yes"} | set(result.open_items),
            )
        ],
        "dii_variant": assessment.dii_variant,
        "dii_count": result.dii_count,
        "dii_band": result.dii_band.key,
        "dii_at_least_basic": result.dii_at_least_basic,
        "items": [],
        "change": None,
    }
    for item in catalogue.items:
        row = answers.get(item.key)
        document["items"].append(
            {
                "key": item.key,
                "axis": item.axis,
                "dii": item.dii,
                "question": item.question.get(language),
                "answer": row.value if row else AnswerValue.UNKNOWN.value,
                "source": row.source if row else "manual",
                "suggested": (row.suggested or None) if row else None,
                "evidence": evidence.render(row.evidence) if row else [],
            }
        )
    previous = selectors.previous_completed(assessment)
    if previous is not None:
        change = compare(
            catalogue,
            selectors.values_of(previous),
            values,
            previous.dii_variant,
            assessment.dii_variant,
        )
        document["change"] = {
            "previous_date": previous.assessed_on.isoformat(),
            "overall": {
                "before": _number(change.overall_before),
                "after": _number(change.overall_after),
                "delta": _number(change.overall_delta),
            },
            "axes": [
                {"key": a.key, "before": a.before, "after": a.after, "delta": a.delta}
                for a in change.axes
            ],
            "dii_count": {
                "before": change.dii_before,
                "after": change.dii_after,
                "delta": change.dii_delta,
            },
            "items": [{"key": i.key, "before": i.before, "after": i.after} for i in change.items],
        }
    return document
