"""The rule table read out for the help page, from the same data the rules are evaluated with."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from leitstand.analysis.modernisation import HIGH_FIT, HIGH_VALUE, RULES, Condition
from leitstand.analysis.portfolio import AGEING_YEARS
from leitstand.assessment.explanations import FIELD_LABELS, TEMPLATES, VALUE_LABELS
from leitstand.assessment.presenters import STRATEGY_COLOURS, strategy_label
from leitstand.inventory.models import SystemKind

SYMBOLS = {"==": "=", ">=": "≥", "<=": "≤"}
AXES = frozenset({"criticality", "health", "integration"})


def placeholders() -> dict[str, str]:
    """What the explanation's blanks stand for, shown in square brackets."""
    words = {
        "system": _("the system"),
        "keep": _("the system to keep"),
        "capability": _("the capability"),
        "capabilities": _("its differentiating capabilities"),
        "date": _("the end of support"),
        "year": _("the year its hardware was bought"),
        "integration": _("its integration capability"),
        "criticality": _("its business criticality"),
        "health": _("its technical health"),
        "hours": _("the hours of manual transfer a year"),
        "threshold": _("the hours from which a wrap pays"),
        "review": _("a date six months on"),
    }
    return {name: f"[{word}]" for name, word in words.items()}


def _value(value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, frozenset):
        return ", ".join(sorted(str(SystemKind(kind).label) for kind in value))
    return str(VALUE_LABELS[value])


def condition_text(condition: Condition) -> str:
    field = str(FIELD_LABELS[condition.field])
    if condition.field == "ageing_on_premises":
        field = field % {"years": AGEING_YEARS}
    if condition.field in AXES:
        return f"{field} {SYMBOLS[condition.op]} {condition.value}"
    if condition.op == "not in":
        return _("%(field)s: not %(values)s") % {"field": field, "values": _value(condition.value)}
    if condition.op == "in":
        return f"{field}: {_value(condition.value)}"
    return f"{field}: {_value(condition.value)}"


@dataclass(frozen=True)
class RuleRow:
    number: int
    id: str
    strategy_label: str
    colour: str
    conditions: tuple[str, ...]
    explanation: str


def rule_rows() -> list[RuleRow]:
    blanks = placeholders()
    return [
        RuleRow(
            number=number,
            id=rule.id,
            strategy_label=strategy_label(rule.strategy),
            colour=STRATEGY_COLOURS[rule.strategy],
            conditions=tuple(condition_text(c) for c in rule.conditions),
            explanation=str(TEMPLATES[f"rule.{rule.id}"]) % blanks,
        )
        for number, rule in enumerate(RULES, start=1)
    ]


def thresholds() -> dict[str, int]:
    return {"high_value": HIGH_VALUE, "high_fit": HIGH_FIT, "ageing_years": AGEING_YEARS}
