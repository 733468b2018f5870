"""Explanations as data: a message key plus typed numbers, rendered later in the reader's language.

The analysis has no translations; the app owning a finding registers one template per key
with `leitstand.core.wording`, which renders it and formats each parameter by its type
(money, hours, minutes, ...). Unknown keys fail early.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from leitstand.analysis import modernisation
from leitstand.analysis.continuity.messages import CONTINUITY_MESSAGE_KEYS
from leitstand.analysis.processes.messages import PROCESS_MESSAGE_KEYS
from leitstand.analysis.regulation.messages import REGULATION_MESSAGE_KEYS
from leitstand.analysis.resilience.messages import RESILIENCE_MESSAGE_KEYS


@dataclass(frozen=True, slots=True)
class Eur:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Hours:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Minutes:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Percent:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Months:
    """A payback period, shown to a tenth of a month."""

    value: Decimal


@dataclass(frozen=True, slots=True)
class Count:
    value: Decimal | int


@dataclass(frozen=True, slots=True)
class Fte:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Label:
    """A name from the data (system, data object, capability): shown as it is."""

    value: str


@dataclass(frozen=True, slots=True)
class Labels:
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Day:
    """A calendar day, shown in the reader's date format."""

    value: date


@dataclass(frozen=True, slots=True)
class Term:
    """A word of the method (a method, a frequency) that the renderer translates."""

    value: str


Param = Eur | Hours | Minutes | Percent | Months | Count | Fte | Label | Labels | Day | Term

MESSAGE_KEYS = (
    frozenset(
        {
            "flow.summary",
            "runs.day",
            "runs.week",
            "runs.month",
            "runs.year",
            "runs.event",
            "effort.manual",
            "effort.errors",
            "effort.errors_unknown",
            "effort.eur",
            "effort.eur_with_errors",
            "action.automate_transfer",
            "action.automate_file",
            "overlap.summary",
            "overlap.within",
            "overlap.across",
            "overlap.no_departments",
            "overlap.saving",
            "overlap.cost_unknown",
            "action.consolidate",
            "similar_names.summary",
            "action.check_duplicate",
            "multi_master.summary",
            "action.choose_master",
            "manual_only.summary",
            "action.automate_data_object",
            "shadow_personal.summary",
            "shadow_personal.non_eu",
            "action.manage_shadow_it",
            "hub.summary",
            "hub.loop",
            "list.more",
            "action.protect_hub",
            "isolated.summary",
            "action.check_isolated",
            "quick_wins.total",
            "quick_wins.none",
            "quick_wins.item",
            "quick_wins.cost_unknown",
            "quick_wins.more",
            "quick_win.retire",
            "quick_win.remove_step",
            "quick_win.end_licence_retired",
            "quick_win.end_licence_unused",
            "quick_win.name_deputy",
            "quick_win.when.contract_end",
            "quick_win.when.renews",
            "quick_win.when.notice_period",
            "quick_win.when.next_month",
            "quick_win.when.hours",
            "quick_win.when.counted_in_retirement",
            "quick_win.when.risk",
            "totals.manual",
            "totals.incomplete",
            "gap.runs_per_period",
            "gap.minutes_per_run",
            "gap.error_rate_percent",
            "gap.minutes_to_fix_error",
            "gap.annual_cost",
            "gap.personal_data",
            "gap.management_unknown",
            "gap.no_master",
        }
    )
    | modernisation.MESSAGE_KEYS
    | PROCESS_MESSAGE_KEYS
    | CONTINUITY_MESSAGE_KEYS
    | RESILIENCE_MESSAGE_KEYS
    | REGULATION_MESSAGE_KEYS
)


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in MESSAGE_KEYS:
            raise ValueError(f"unknown message key {self.key!r}")
