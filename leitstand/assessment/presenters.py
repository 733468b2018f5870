"""Recommendations ready for a page or the JSON: labels, colours and texts in the reader's
language, the override beside the computed strategy."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from leitstand.analysis.modernisation import RULES, Strategy
from leitstand.analysis.portfolio import Recommendation, describe
from leitstand.analysis.snapshot import Assessment, Snapshot
from leitstand.assessment.explanations import TIME_LABELS
from leitstand.assessment.models import StrategyChoice
from leitstand.core.wording import render

#: Colour-blind friendly (Okabe-Ito), the same on every page and in the chart.
STRATEGY_COLOURS = {
    Strategy.RETAIN: "#009E73",
    Strategy.WRAP: "#0072B2",
    Strategy.REPLATFORM: "#56B4E9",
    Strategy.REFACTOR: "#E69F00",
    Strategy.REPLACE: "#D55E00",
    Strategy.RETIRE: "#CC79A7",
    None: "#8C8C8C",  # assess first
}


def strategy_label(strategy: str | None) -> str:
    return str(StrategyChoice(strategy).label) if strategy else _("assess first")


@dataclass(frozen=True)
class RecommendationView:
    system_id: int
    system_name: str
    url: str
    annual_cost: Decimal | None
    assessment: Assessment | None
    strategy: str | None
    strategy_label: str
    colour: str
    rule: str  # the rule's identifier: an anchor on the rules page, never shown
    rule_number: int  # its place in the rule table, as the rules page numbers it
    explanation: str
    facts: tuple[str, ...]
    overridden: bool
    computed_strategy: str | None
    computed_label: str
    computed_colour: str
    override_reason: str
    time: str | None
    time_label: str
    time_explanation: str


def present(
    recommendation: Recommendation, snapshot: Snapshot, org_slug: str
) -> RecommendationView:
    text = describe(recommendation, snapshot)
    system = recommendation.system
    time = recommendation.time
    override = recommendation.override
    return RecommendationView(
        system_id=system.id,
        system_name=system.name,
        url=reverse("inventory:system_detail", kwargs={"org": org_slug, "pk": system.id}),
        annual_cost=system.annual_cost,
        assessment=recommendation.assessment,
        strategy=recommendation.strategy,
        strategy_label=strategy_label(recommendation.strategy),
        colour=STRATEGY_COLOURS[recommendation.strategy],
        rule=recommendation.rule.id,
        rule_number=RULES.index(recommendation.rule) + 1,
        explanation=render(text.explanation),
        facts=tuple(render(fact) for fact in text.facts),
        overridden=recommendation.overridden,
        computed_strategy=recommendation.computed_strategy,
        computed_label=strategy_label(recommendation.computed_strategy),
        computed_colour=STRATEGY_COLOURS[recommendation.computed_strategy],
        override_reason=override.reason if override else "",
        time=time.value if time else None,
        time_label=str(TIME_LABELS[time]) if time else "",
        time_explanation=render(text.time) if text.time else "",
    )
