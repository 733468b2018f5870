"""Why a figure or a decision came out as it did: a message key plus typed parameters.

The keys are funding's own (`FUNDING_MESSAGE_KEYS`); `leitstand.funding.explanations` holds
one translatable template per key, and a test holds both lists equal.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from leitstand.analysis.messages import Param

FUNDING_MESSAGE_KEYS = frozenset(
    {
        # SME class (Recommendation 2003/361/EC)
        "sme.within",
        "sme.staff_not_below",
        "sme.money_above",
        "sme.aggregated",
        "sme.linked_figures_missing",
        "sme.undecided",
        # de-minimis (Regulation (EU) 2023/2831)
        "deminimis.headroom",
        "deminimis.older_aid_ignored",
        "deminimis.total_given",
        "deminimis.unknown",
        # matching: rules that held
        "match.state",
        "match.all_states",
        "match.size",
        "match.sector",
        "match.age",
        "match.costs",
        "match.amount_grant",
        "match.amount_loan",
        "match.amount_grant_uncapped",
        "match.amount_loan_uncapped",
        "match.amount_advice",
        "match.rate_by_state",
        "match.topic",
        # matching: disqualifying
        "block.ended",
        "block.successor",
        "block.past_valid_until",
        "block.not_yet_open",
        "block.paused",
        "block.none_open",
        "block.state",
        "block.size",
        "block.staff_limit",
        "block.turnover_limit",
        "block.sector",
        "block.age",
        "block.contract_signed",
        "block.no_eligible_costs",
        "block.below_minimum",
        "block.no_deminimis_headroom",
        "block.topic",
        # matching: missing facts
        "missing.state",
        "missing.size",
        "missing.sector",
        "missing.founded",
        "missing.staff",
        "missing.turnover",
        "missing.deminimis",
        "missing.costs",
        # matching: warnings
        "warn.stale",
        "warn.unverified",
        "warn.deminimis_capped",
        "warn.aid_basis_unknown",
        "warn.confirm",
        "warn.not_combinable",
        "warn.valid_until_soon",
        "warn.rate_unknown",
        "warn.topic_unknown",
        # plan
        "plan.deminimis_exceeded",
        "plan.not_combinable",
        "plan.not_eligible",
    }
)


@dataclass(frozen=True, slots=True)
class Reason:
    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in FUNDING_MESSAGE_KEYS:
            raise ValueError(f"unknown funding message key {self.key!r}")
