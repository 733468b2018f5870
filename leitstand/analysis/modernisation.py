"""The modernisation rule table (DOMAIN.md, "Modernisation spectrum"): one strategy per system.

Each rule is data: an id that starts with its strategy's name (search "wrap." to find the wrap
rules), the strategy, and conditions that must all hold. The first rule whose conditions hold
decides; the last one has none, so every system gets exactly one. The help page renders this
table from the same data, and every rule has a test (analysis/tests/test_modernisation.py).

The TIME class (tolerate, invest, migrate, eliminate) is shown beside it: business value
(criticality) against technical fit (health + integration capability).
"""

import operator
from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from leitstand.analysis.vocabulary import Lifecycle


class Strategy(StrEnum):
    RETAIN = "retain"
    WRAP = "wrap"
    REPLATFORM = "replatform"
    REFACTOR = "refactor"
    REPLACE = "replace"
    RETIRE = "retire"  # retire or consolidate into an overlapping system


class Support(StrEnum):
    """Vendor support compared with the day of the analysis."""

    PAST = "past"
    SOON = "soon"  # ends within 12 months
    OK = "ok"
    UNKNOWN = "unknown"


class Overlap(StrEnum):
    NONE = "none"
    KEEP = "keep"  # others do the same; this is the one the analysis keeps
    RETIRE = "retire"  # another system does the same and is the one to keep


class CapabilityMix(StrEnum):
    DIFFERENTIATING = "differentiating"  # at least one capability sets the company apart
    STANDARD = "standard"
    UNKNOWN = "unknown"  # no capability recorded


#: Kinds of system an API layer or a piece-by-piece renewal does not apply to.
HARDWARE_KINDS = frozenset({"infrastructure", "device"})


class Inputs(NamedTuple):
    """What the rules read about one system. Axes are None until it is assessed."""

    criticality: int | None = None
    health: int | None = None  # after the end-of-support cap: past support means 1
    integration: int | None = None
    lifecycle: str = Lifecycle.ACTIVE
    support: str = Support.UNKNOWN
    overlap: str = Overlap.NONE
    ageing_on_premises: bool = False
    capabilities: str = CapabilityMix.UNKNOWN
    kind: str = "application"

    @property
    def assessed(self) -> bool:
        return None not in (self.criticality, self.health, self.integration)


OPERATORS: dict[str, Callable[[object, object], bool]] = {
    "==": operator.eq,
    ">=": operator.ge,
    "<=": operator.le,
    "not in": lambda actual, values: actual not in values,
}


class Condition(NamedTuple):
    """`field op value`, e.g. ("criticality", ">=", 3). An unknown (None) value never holds."""

    field: str
    op: str
    value: object

    def holds(self, inputs: Inputs) -> bool:
        actual = getattr(inputs, self.field)
        return actual is not None and OPERATORS[self.op](actual, self.value)


class Rule(NamedTuple):
    id: str  # "<strategy>.<reason>", the explanation's message key is "rule.<id>"
    strategy: Strategy | None  # None only for "assess_first"
    conditions: tuple[Condition, ...]

    def applies(self, inputs: Inputs) -> bool:
        return all(condition.holds(inputs) for condition in self.conditions)


def when(field: str, op: str, value: object) -> Condition:
    return Condition(field, op, value)


ASSESS_FIRST = "assess_first"
NEEDED = when("criticality", ">=", 2)  # a team or more is slowed down without it
CRITICAL = when("criticality", ">=", 3)  # revenue or customers are affected
WEAK = when("health", "<=", 2)
SOFTWARE = when("kind", "not in", HARDWARE_KINDS)

RULES: tuple[Rule, ...] = (
    Rule("retire.retired", Strategy.RETIRE, (when("lifecycle", "==", Lifecycle.RETIRED),)),
    Rule("retain.planned", Strategy.RETAIN, (when("lifecycle", "==", Lifecycle.PLANNED),)),
    Rule("retire.overlap", Strategy.RETIRE, (when("overlap", "==", Overlap.RETIRE),)),
    Rule(ASSESS_FIRST, None, (when("assessed", "==", False),)),
    Rule("retire.low_value", Strategy.RETIRE, (when("criticality", "==", 1), WEAK)),
    Rule(
        "retire.phase_out",
        Strategy.RETIRE,
        (when("lifecycle", "==", Lifecycle.PHASE_OUT), when("criticality", "==", 1)),
    ),
    Rule("replace.end_of_support", Strategy.REPLACE, (when("support", "==", Support.PAST), NEEDED)),
    Rule(
        "replace.support_ending",
        Strategy.REPLACE,
        (when("support", "==", Support.SOON), WEAK, NEEDED),
    ),
    Rule(
        "refactor.differentiating",
        Strategy.REFACTOR,
        (CRITICAL, WEAK, when("capabilities", "==", CapabilityMix.DIFFERENTIATING), SOFTWARE),
    ),
    Rule("replace.poor_health", Strategy.REPLACE, (NEEDED, when("health", "==", 1))),
    Rule("replace.weak_and_critical", Strategy.REPLACE, (CRITICAL, WEAK)),
    Rule(
        "replace.phase_out",
        Strategy.REPLACE,
        (when("lifecycle", "==", Lifecycle.PHASE_OUT), NEEDED),
    ),
    Rule(
        "wrap.not_integrable",
        Strategy.WRAP,
        (CRITICAL, when("health", ">=", 3), when("integration", "<=", 2), SOFTWARE),
    ),
    Rule(
        "replatform.ageing_hosting",
        Strategy.REPLATFORM,
        (when("ageing_on_premises", "==", True), when("health", ">=", 2), NEEDED),
    ),
    Rule("retain.default", Strategy.RETAIN, ()),
)

RULE_BY_ID = {rule.id: rule for rule in RULES}


def decide(inputs: Inputs) -> Rule:
    """The first rule that applies; the last rule always does."""
    return next(rule for rule in RULES if rule.applies(inputs))


class TimeClass(StrEnum):
    """Gartner's TIME view: business value against technical fit."""

    TOLERATE = "tolerate"  # low value, good fit
    INVEST = "invest"  # high value, good fit
    MIGRATE = "migrate"  # high value, poor fit
    ELIMINATE = "eliminate"  # low value, poor fit


HIGH_VALUE = 3  # business criticality 3 or 4
HIGH_FIT = 5  # technical health + integration capability, out of 2 to 8


def technical_fit(health: int, integration: int) -> int:
    return health + integration


def time_class(inputs: Inputs) -> TimeClass | None:
    if not inputs.assessed:
        return None
    high_value = inputs.criticality >= HIGH_VALUE
    good_fit = technical_fit(inputs.health, inputs.integration) >= HIGH_FIT
    if high_value:
        return TimeClass.INVEST if good_fit else TimeClass.MIGRATE
    return TimeClass.TOLERATE if good_fit else TimeClass.ELIMINATE


#: Message keys of the facts a recommendation names, besides "rule.<id>" and "time.<class>".
FACT_KEYS = frozenset(
    {
        "fact.assessment",
        "fact.not_assessed",
        "fact.health_capped",
        "fact.retired",
        "fact.planned",
        "fact.phase_out",
        "fact.support_past",
        "fact.support_soon",
        "fact.overlap",
        "fact.on_premises_since",
        "fact.differentiating",
        "fact.software",
    }
)

MESSAGE_KEYS = (
    frozenset(f"rule.{rule.id}" for rule in RULES)
    | frozenset(f"time.{time}" for time in TimeClass)
    | FACT_KEYS
)
