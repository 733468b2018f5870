"""From guided answers and facts to a score per axis, with the reasons shown beside it.

Facts set defaults (DOMAIN.md, Scales): support ended means health 1 (and never above: a cap);
an API or event flow to or from the system means integration at least 3 (a floor); no flows
and no export means 1. The answers to the questions combine as the catalogue says, then the
facts' bounds apply.
"""

from datetime import date
from decimal import ROUND_HALF_DOWN, Decimal
from typing import NamedTuple

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from leitstand.analysis.vocabulary import Method
from leitstand.assessment.questions import Option, Question, catalogue
from leitstand.core.formatting import format_number

AUTOMATIC = frozenset({Method.API, Method.EVENT})
FILE_LIKE = frozenset({Method.FILE, Method.SHARED_DATABASE})


class SystemFacts(NamedTuple):
    """What the inventory and the integration map say about one system."""

    end_of_support: date | None
    support_ended: bool
    automatic_partners: tuple[str, ...]  # systems it exchanges data with by API or events
    file_partners: tuple[str, ...]  # ... by file or a shared database


class Bound(NamedTuple):
    kind: str  # "cap" (at most) or "floor" (at least)
    value: int
    reason: str

    def apply(self, value: int) -> int:
        return min(value, self.value) if self.kind == "cap" else max(value, self.value)


class Default(NamedTuple):
    value: int
    reason: str


class Answer(NamedTuple):
    question: Question
    option: Option


class AxisScore(NamedTuple):
    axis: str
    value: int | None  # None: no question answered
    answers: tuple[Answer, ...]
    combination: str  # how the answers became a number
    bound: Bound | None  # the fact that changed the number, if any


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names)


def fact_bounds(facts: SystemFacts) -> dict[str, Bound]:
    bounds = {}
    if facts.support_ended:
        bounds["health"] = Bound(
            "cap",
            1,
            _("Vendor support ended on %(date)s: technical health is never above 1.")
            % {"date": date_format(facts.end_of_support, "SHORT_DATE_FORMAT")},
        )
    if facts.automatic_partners:
        bounds["integration"] = Bound(
            "floor",
            3,
            _("Data goes automatically (API or events) to or from %(systems)s: at least 3.")
            % {"systems": _names(facts.automatic_partners)},
        )
    return bounds


def fact_defaults(facts: SystemFacts) -> dict[str, Default]:
    """Starting values the facts suggest; a person confirms or changes them."""
    defaults = {
        name: Default(bound.value, bound.reason) for name, bound in fact_bounds(facts).items()
    }
    if "integration" in defaults:
        return defaults
    if facts.file_partners:
        defaults["integration"] = Default(
            2,
            _("Data goes by file or a shared database to or from %(systems)s: 2.")
            % {"systems": _names(facts.file_partners)},
        )
    else:
        defaults["integration"] = Default(
            1, _("No automatic or file data flows are recorded for it: 1 (data only by hand).")
        )
    return defaults


def answered(axis: str, answers: dict) -> tuple[Answer, ...]:
    """The answers that belong to the axis, in catalogue order; unknown keys are ignored."""
    found = []
    for question in catalogue()[axis].questions:
        option = question.option(str(answers.get(question.key, "")))
        if option is not None:
            found.append(Answer(question, option))
    return tuple(found)


def _decimals(value: Decimal) -> int:
    """As many decimals as the value needs, at most two: 2, 2.5, 2.25."""
    return next(places for places in (0, 1, 2) if value == round(value, places) or places == 2)


def _combine(combine: str, scores: list[int]) -> tuple[int, str]:
    listed = ", ".join(str(score) for score in scores)
    if combine == "highest":
        value = max(scores)
        return value, _("The highest answer counts: %(value)s.") % {"value": value}
    average = Decimal(sum(scores)) / len(scores)
    value = int(average.quantize(Decimal(1), rounding=ROUND_HALF_DOWN))
    return value, _("Average of %(scores)s = %(average)s, rounded to %(value)s.") % {
        "scores": listed,
        "average": format_number(average, _decimals(average)),
        "value": value,
    }


def guided_score(axis: str, answers: dict, bounds: dict[str, Bound]) -> AxisScore:
    chosen = answered(axis, answers)
    if not chosen:
        return AxisScore(axis, None, (), "", None)
    value, combination = _combine(catalogue()[axis].combine, [a.option.score for a in chosen])
    caps = [a.option.cap for a in chosen if a.option.cap is not None]
    if caps and min(caps) < value:
        value = min(caps)
        combination += " " + _("One answer limits it to %(value)s.") % {"value": value}
    bound = bounds.get(axis)
    if bound is not None and bound.apply(value) != value:
        return AxisScore(axis, bound.apply(value), chosen, combination, bound)
    return AxisScore(axis, value, chosen, combination, None)
