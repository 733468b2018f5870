"""The `portfolio` list of the analysis JSON: per system its assessment, recommendation and TIME.

Keys: id, system, assessment ({criticality, health, integration, assessed_on} or null),
recommendation ({strategy, rule, explanation, facts, overridden, computed_strategy,
override_reason}) and time. `strategy` is null while the rule is "assess_first".
"""

from leitstand.analysis import Analysis
from leitstand.analysis.portfolio import Recommendation, describe
from leitstand.core.wording import render


def _assessment(recommendation: Recommendation) -> dict | None:
    assessment = recommendation.assessment
    if assessment is None:
        return None
    return {
        "criticality": assessment.criticality,
        "health": assessment.health,
        "integration": assessment.integration,
        "assessed_on": assessment.assessed_on.isoformat(),
    }


def portfolio_as_json(analysis: Analysis) -> list[dict]:
    rows = []
    for recommendation in analysis.portfolio:
        text = describe(recommendation, analysis.snapshot)
        override = recommendation.override
        rows.append(
            {
                "id": recommendation.system.id,
                "system": recommendation.system.name,
                "assessment": _assessment(recommendation),
                "recommendation": {
                    "strategy": recommendation.strategy,
                    "rule": recommendation.rule.id,
                    "explanation": render(text.explanation),
                    "facts": [render(fact) for fact in text.facts],
                    "overridden": recommendation.overridden,
                    "computed_strategy": recommendation.computed_strategy,
                    "override_reason": override.reason if override else None,
                },
                "time": recommendation.time,
            }
        )
    return rows
