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
#: Wrap, refactor and re-platform are for business applications only (DOMAIN.md, kinds):
#: infrastructure is kept or replaced, a spreadsheet that carries a process is replaced by an
#: application or retired, a suite or an authority's portal is not the company's to rebuild.
APPLICATION_KINDS = frozenset({"application"})
SPREADSHEET_KINDS = frozenset({"spreadsheet"})


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
    #: Its manual flows (in and out) take at least the organisation's wrap threshold a year.
    manual_work: bool = False
    #: A step of a process uses it.
    carries_process: bool = False

    @property
    def assessed(self) -> bool:
        return None not in (self.criticality, self.health, self.integration)


OPERATORS: dict[str, Callable[[object, object], bool]] = {
    "==": operator.eq,
    ">=": operator.ge,
    "<=": operator.le,
    "not in": lambda actual, values: actual not in values,
    "in": lambda actual, values: actual in values,
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
HEALTHY = when("health", ">=", 3)
APPLICATION = when("kind", "in", APPLICATION_KINDS)
SPREADSHEET = when("kind", "in", SPREADSHEET_KINDS)
CARRIES_PROCESS = when("carries_process", "==", True)
NOT_INTEGRABLE = when("integration", "<=", 2)

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
    Rule("replace.spreadsheet", Strategy.REPLACE, (SPREADSHEET, CARRIES_PROCESS, NEEDED)),
    Rule("retire.spreadsheet", Strategy.RETIRE, (SPREADSHEET, CARRIES_PROCESS)),
    Rule(
        "refactor.differentiating",
        Strategy.REFACTOR,
        (CRITICAL, WEAK, when("capabilities", "==", CapabilityMix.DIFFERENTIATING), APPLICATION),
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
        (CRITICAL, HEALTHY, NOT_INTEGRABLE, APPLICATION, when("manual_work", "==", True)),
    ),
    Rule(
        "replatform.ageing_hosting",
        Strategy.REPLATFORM,
        (when("ageing_on_premises", "==", True), when("health", ">=", 2), NEEDED, APPLICATION),
    ),
    # Weak health that no rule above replaces, refactors or re-platforms: keep it for now,
    # say why and when to look again; never "healthy enough".
    Rule("retain.watch", Strategy.RETAIN, (WEAK,)),
    Rule("retain.little_manual_work", Strategy.RETAIN, (CRITICAL, NOT_INTEGRABLE, APPLICATION)),
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


def scored_time_class(inputs: Inputs) -> TimeClass | None:
    """The TIME class by the scores alone: business value against technical fit."""
    if not inputs.assessed:
        return None
    high_value = inputs.criticality >= HIGH_VALUE
    good_fit = technical_fit(inputs.health, inputs.integration) >= HIGH_FIT
    if high_value:
        return TimeClass.INVEST if good_fit else TimeClass.MIGRATE
    return TimeClass.TOLERATE if good_fit else TimeClass.ELIMINATE


#: The TIME classes that agree with each strategy: a system to retire is "eliminate", one to
#: replace is "migrate", one to keep is "tolerate" or "invest"; wrapping, refactoring and
#: re-platforming invest in a system that stays, or migrate it step by step.
TIME_FOR_STRATEGY: dict[Strategy, tuple[TimeClass, ...]] = {
    Strategy.RETIRE: (TimeClass.ELIMINATE,),
    Strategy.REPLACE: (TimeClass.MIGRATE,),
    Strategy.REFACTOR: (TimeClass.MIGRATE, TimeClass.INVEST),
    Strategy.REPLATFORM: (TimeClass.MIGRATE, TimeClass.INVEST),
    Strategy.WRAP: (TimeClass.INVEST, TimeClass.MIGRATE),
    Strategy.RETAIN: (TimeClass.TOLERATE, TimeClass.INVEST),
}


def time_class(inputs: Inputs, strategy: Strategy | None = None) -> TimeClass | None:
    """The TIME class shown beside the strategy: the scores' class where it agrees with the
    strategy, otherwise the strategy's (a system to keep: tolerate below criticality 3,
    invest from 3). Never contradicts the strategy."""
    scored = scored_time_class(inputs)
    if scored is None or strategy is None:
        return scored
    agreeing = TIME_FOR_STRATEGY[strategy]
    if scored in agreeing:
        return scored
    if strategy is Strategy.RETAIN:
        return TimeClass.INVEST if inputs.criticality >= HIGH_VALUE else TimeClass.TOLERATE
    return agreeing[0]


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
        "fact.support_within_24",
        "fact.overlap",
        "fact.on_premises_since",
        "fact.differentiating",
        "fact.application",
        "fact.not_application",
        "fact.manual_hours",
        "fact.consolidation_ends",
        "fact.carries_process",
        "fact.review",
    }
)

MESSAGE_KEYS = (
    frozenset(f"rule.{rule.id}" for rule in RULES)
    | frozenset(f"time.{time}" for time in TimeClass)
    | frozenset(f"time.by_strategy.{time}" for time in TimeClass)
    | FACT_KEYS
)
