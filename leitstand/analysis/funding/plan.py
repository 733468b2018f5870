"""A funding plan: which chosen programme pays how much of which costs, and the own share.

Invariants (property tests hold them): the categories add up to the total; grants, the
loans and the own funds add up to the total; no category is funded above its cost; the
de-minimis programmes together stay within the headroom when it is known.
"""

from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis import messages as m
from leitstand.analysis.funding.catalogue import COST_CATEGORIES
from leitstand.analysis.funding.matching import Match, MatchResult, money
from leitstand.analysis.funding.reasons import Reason

GRANT_KINDS = ("grant",)
LOAN_KINDS = ("loan", "loan_with_grant")
#: Documents a bank or funding agency asks for in every application.
ALWAYS = ("project_description", "quotes")


@dataclass(frozen=True)
class PlanLine:
    programme_id: str
    match: Match
    eligible_costs_eur: Decimal
    grant_eur: Decimal  # grant, or the grant share of a loan
    loan_eur: Decimal
    funded_by_category: dict[str, Decimal]


@dataclass(frozen=True)
class FundingPlan:
    costs: dict[str, Decimal]
    total_eur: Decimal
    lines: tuple[PlanLine, ...]
    funded_by_category: dict[str, Decimal]
    grants_eur: Decimal  # all non-repayable money: grants and grant shares
    loans_eur: Decimal
    own_share_eur: Decimal  # total minus non-repayable money
    own_funds_eur: Decimal  # total minus grants minus loans: the company's cash
    de_minimis_eur: Decimal
    issues: tuple[Reason, ...]
    documents: tuple[str, ...]

    @property
    def funding_rate_percent(self) -> Decimal:
        if self.total_eur == 0:
            return Decimal(0)
        return money(self.grants_eur / self.total_eur * 100)


def _chosen(result: MatchResult, chosen_ids, issues: list[Reason]) -> list[Match]:
    chosen = []
    for programme_id in dict.fromkeys(chosen_ids):
        match = result.match(programme_id)
        if match is None:
            continue
        if not match.eligible:
            name = m.Term(f"programme:{match.programme.id}")
            issues.append(Reason("plan.not_eligible", {"name": name}))
            continue
        clash = next(
            (
                c
                for c in chosen
                if c.programme.id in match.conflicts or match.programme.id in c.conflicts
            ),
            None,
        )
        if clash is not None:
            issues.append(
                Reason(
                    "plan.not_combinable",
                    {
                        "name": m.Term(f"programme:{match.programme.id}"),
                        "other": m.Term(f"programme:{clash.programme.id}"),
                    },
                )
            )
            continue
        chosen.append(match)
    return chosen


def _allocate(amount: Decimal, match: Match, unfunded: dict[str, Decimal]) -> dict[str, Decimal]:
    """Spread a grant over the programme's eligible categories by their share, never above
    what is still unfunded in a category; what does not fit is not paid."""
    weights = {c: v for c, v in match.eligible_costs.items() if unfunded.get(c, 0) > 0}
    total_weight = sum(weights.values(), Decimal(0))
    allocation = {}
    remaining = amount
    for index, (category, weight) in enumerate(sorted(weights.items())):
        share = remaining if index == len(weights) - 1 else money(amount * weight / total_weight)
        share = min(share, unfunded[category], remaining)
        if share > 0:
            allocation[category] = share
            remaining -= share
    # Rounding or a full category can leave a rest: give it to categories with room left.
    for category in sorted(weights):
        if remaining <= 0:
            break
        room = unfunded[category] - allocation.get(category, Decimal(0))
        extra = min(room, remaining)
        if extra > 0:
            allocation[category] = allocation.get(category, Decimal(0)) + extra
            remaining -= extra
    return allocation


def build_plan(
    result: MatchResult, chosen_ids, costs: dict[str, Decimal] | None = None
) -> FundingPlan:
    """The plan for the chosen programmes (ids); grants are placed first, then loans finance
    what the grants leave, up to each loan's own limit."""
    costs = {c: Decimal((costs or result.costs).get(c) or 0) for c in COST_CATEGORIES}
    total = sum(costs.values(), Decimal(0))
    issues: list[Reason] = []
    chosen = _chosen(result, chosen_ids, issues)
    unfunded = dict(costs)
    headroom = result.de_minimis.headroom_eur
    de_minimis_used = Decimal(0)
    lines: list[PlanLine] = []
    grants = sorted(
        (x for x in chosen if x.programme.kind in GRANT_KINDS), key=lambda x: -x.amount_eur
    )
    loans = sorted((x for x in chosen if x.programme.kind in LOAN_KINDS), key=lambda x: -x.loan_eur)
    others = [x for x in chosen if x.programme.kind not in GRANT_KINDS + LOAN_KINDS]

    def within_headroom(match: Match, amount: Decimal) -> Decimal:
        nonlocal de_minimis_used
        if match.programme.de_minimis != "yes" or headroom is None:
            return amount
        left = max(headroom - de_minimis_used, Decimal(0))
        if amount > left:
            issues.append(
                Reason(
                    "plan.deminimis_exceeded",
                    {"name": m.Term(f"programme:{match.programme.id}"), "headroom": m.Eur(left)},
                )
            )
            amount = left
        de_minimis_used += amount
        return amount

    for match in grants:
        allocation = _allocate(within_headroom(match, match.amount_eur), match, unfunded)
        for category, value in allocation.items():
            unfunded[category] -= value
        lines.append(
            PlanLine(
                match.programme.id,
                match,
                match.eligible_total,
                sum(allocation.values(), Decimal(0)),
                Decimal(0),
                allocation,
            )
        )
    for match in loans:
        room = sum((unfunded[c] for c in match.eligible_costs), Decimal(0))
        loan = min(match.loan_eur, room)
        share = Decimal(0)
        if match.rate_percent is not None and match.programme.kind == "loan_with_grant":
            share = money(loan * match.rate_percent / Decimal(100))
            if match.programme.funding.max_amount_eur is not None:
                share = min(share, match.programme.funding.max_amount_eur)
            share = within_headroom(match, share)
        allocation = _allocate(loan, match, unfunded)
        for category, value in allocation.items():
            unfunded[category] -= value
        lines.append(
            PlanLine(match.programme.id, match, match.eligible_total, share, loan, allocation)
        )
    for match in others:
        lines.append(PlanLine(match.programme.id, match, Decimal(0), Decimal(0), Decimal(0), {}))

    funded = {c: costs[c] - unfunded[c] for c in COST_CATEGORIES}
    grants_eur = sum((line.grant_eur for line in lines), Decimal(0))
    loans_eur = sum((line.loan_eur for line in lines), Decimal(0))
    grant_only = sum((line.grant_eur for line in lines if line.loan_eur == 0), Decimal(0))
    return FundingPlan(
        costs=costs,
        total_eur=total,
        lines=tuple(lines),
        funded_by_category=funded,
        grants_eur=grants_eur,
        loans_eur=loans_eur,
        own_share_eur=total - grants_eur,
        own_funds_eur=total - grant_only - loans_eur,
        de_minimis_eur=de_minimis_used,
        issues=tuple(issues),
        documents=documents_for(chosen),
    )


def documents_for(chosen: list[Match]) -> tuple[str, ...]:
    """The documents usually asked for: always a project description with measurable goals
    and the quotes; the SME and de-minimis declarations and each programme's own ones."""
    documents = list(ALWAYS)
    if any(set(x.programme.size_classes) <= {"micro", "small", "medium"} for x in chosen):
        documents.append("sme_declaration")
    if any(x.programme.de_minimis == "yes" for x in chosen):
        documents.append("de_minimis_declaration")
    for match in chosen:
        documents.extend(match.programme.documents)
    return tuple(dict.fromkeys(documents))


def suggested_programmes(result: MatchResult) -> tuple[str, ...]:
    """Eligible programmes the catalogue lets the plan suggest, largest amount first,
    leaving out any that cannot be combined with one already taken."""
    taken: list[Match] = []
    for match in result.eligible:
        if not match.programme.suggest:
            continue
        if any(t.programme.id in match.conflicts for t in taken):
            continue
        taken.append(match)
    return tuple(t.programme.id for t in taken)
