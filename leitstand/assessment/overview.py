"""The portfolio: recommendations of all systems for the portfolio page, its chart and the
attention list (on that page and the cockpit)."""

from collections import Counter
from dataclasses import dataclass
from math import sqrt

from django.urls import reverse
from django.utils.translation import gettext as _

from leitstand.analysis import Analysis
from leitstand.analysis.modernisation import Strategy
from leitstand.analysis.portfolio import Recommendation
from leitstand.analysis.vocabulary import Lifecycle
from leitstand.assessment.presenters import STRATEGY_COLOURS, strategy_label

ASSESS = "assess"  # the filter value for systems still to be assessed
SMALLEST_BUBBLE, LARGEST_BUBBLE = 5, 28  # radius in pixels
#: Bubbles the chart draws at most: the costliest assessed systems. Beyond a few hundred the
#: bubbles cover each other, and every one costs the page about 100 bytes (50,000 assessed
#: systems sent 4.5 MB); the counts and the table cover every system.
CHART_MAX_POINTS = 500


@dataclass(frozen=True)
class StrategyCount:
    key: str  # a strategy, or ASSESS
    label: str
    colour: str
    count: int


def in_scope(analysis: Analysis) -> list[Recommendation]:
    """Systems not retired, by name: the ones there is something to decide about."""
    shown = [r for r in analysis.portfolio if r.system.lifecycle != Lifecycle.RETIRED]
    return sorted(shown, key=lambda r: (r.system.name.casefold(), r.system.id))


def matching(recommendations: list[Recommendation], strategy: str) -> list[Recommendation]:
    """Those with the strategy (or ASSESS: still to be assessed); all for anything else."""
    if strategy == ASSESS:
        return [r for r in recommendations if r.strategy is None]
    if strategy in {s.value for s in Strategy}:
        return [r for r in recommendations if r.strategy == strategy]
    return recommendations


def strategy_counts(recommendations: list[Recommendation]) -> list[StrategyCount]:
    counted = Counter(r.strategy for r in recommendations)
    rows = [
        StrategyCount(strategy.value, strategy_label(strategy), STRATEGY_COLOURS[strategy], n)
        for strategy in Strategy
        if (n := counted.get(strategy.value, 0))
    ]
    if counted.get(None):
        rows.append(
            StrategyCount(ASSESS, strategy_label(None), STRATEGY_COLOURS[None], counted[None])
        )
    return rows


def attention(recommendations: list[Recommendation]) -> list[Recommendation]:
    """Assessed systems in operation with something to do: critical and unhealthy first."""
    needing = [
        r
        for r in recommendations
        if r.system.in_operation and r.assessment and r.strategy != Strategy.RETAIN
    ]
    return sorted(
        needing,
        key=lambda r: (
            -r.inputs.criticality,
            r.inputs.health,
            r.inputs.integration,
            r.system.name.casefold(),
        ),
    )


def _radius(cost: float | None, largest: float) -> float:
    """Bubble area in proportion to the annual cost; unknown or zero cost: the smallest."""
    if not cost or not largest:
        return SMALLEST_BUBBLE
    return round(SMALLEST_BUBBLE + (LARGEST_BUBBLE - SMALLEST_BUBBLE) * sqrt(cost / largest), 1)


def _costliest(assessed: list[Recommendation]) -> list[Recommendation]:
    """The CHART_MAX_POINTS assessed systems of the highest annual cost (unknown last), all
    of them when there are no more; in their order otherwise."""
    if len(assessed) <= CHART_MAX_POINTS:
        return assessed
    chosen = sorted(
        range(len(assessed)),
        key=lambda i: (
            assessed[i].system.annual_cost is None,
            -(assessed[i].system.annual_cost or 0),
            i,
        ),
    )[:CHART_MAX_POINTS]
    return [assessed[i] for i in sorted(chosen)]


def chart_points(recommendations: list[Recommendation], org_slug: str) -> list[dict]:
    """Assessed systems as bubbles: x health, y criticality, size annual cost, colour strategy
    (the costliest CHART_MAX_POINTS of them)."""
    assessed = [r for r in recommendations if r.assessment]
    costs = [float(r.system.annual_cost) for r in assessed if r.system.annual_cost is not None]
    largest = max(costs, default=0.0)
    return [
        {
            "id": r.system.id,
            "name": r.system.name,
            "x": r.inputs.health,
            "y": r.inputs.criticality,
            "r": _radius(
                float(r.system.annual_cost) if r.system.annual_cost is not None else None, largest
            ),
            "cost": None if r.system.annual_cost is None else float(r.system.annual_cost),
            "strategy": r.strategy or ASSESS,
            "overridden": r.overridden,
            "url": reverse("inventory:system_detail", kwargs={"org": org_slug, "pk": r.system.id}),
        }
        for r in _costliest(assessed)
    ]


def chart(recommendations: list[Recommendation], org_slug: str) -> dict:
    """Everything the portfolio chart draws, passed to its script with json_script."""
    strategies = [*Strategy, None]
    return {
        "points": chart_points(recommendations, org_slug),
        "assessed": sum(1 for r in recommendations if r.assessment),
        "strategies": [
            {"key": s or ASSESS, "label": strategy_label(s), "colour": STRATEGY_COLOURS[s]}
            for s in strategies
        ],
        "criticality": [
            _("supporting"),
            _("operational"),
            _("business critical"),
            _("mission critical"),
        ],
        "health": [_("poor"), _("weak"), _("adequate"), _("good")],
        "text": {
            "x": _("Technical health"),
            "y": _("Business criticality"),
            "cost": _("Cost per year"),
            "unknown": _("unknown"),
            "overridden": _("chosen by a person"),
            "open": _("Click to open the system."),
            "quadrants": {
                "topLeft": _("critical, weak: act first"),
                "topRight": _("critical, healthy"),
                "bottomLeft": _("less critical, weak"),
                "bottomRight": _("less critical, healthy"),
            },
        },
    }
