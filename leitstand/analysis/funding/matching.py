"""Which programmes fit a company and a project's costs, why, and with what amount.

Each programme gets a decision (eligible, not eligible, or a fact is missing) with the rules
that held, the rules that disqualify, the facts that are missing and the warnings (stale
catalogue entry, facts not confirmed at the official source, conditions to confirm).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from leitstand.analysis import messages as m
from leitstand.analysis.funding.catalogue import COST_CATEGORIES, Catalogue, Programme
from leitstand.analysis.funding.company import (
    CompanyFacts,
    DeMinimisStatus,
    SizeDecision,
    de_minimis_status,
    size_class,
)
from leitstand.analysis.funding.reasons import Reason

ELIGIBLE, NOT_ELIGIBLE, MISSING = "eligible", "not_eligible", "missing_facts"
#: A programme that ends within this many days carries a warning.
ENDS_SOON_DAYS = 60
CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def effective_status(programme: Programme, today: date, stale_after_days: int) -> str:
    """The status to show: an open or paused programme past its valid-until date is
    "expired", one not verified within `stale_after_days` is "check_needed"; never "open"."""
    if programme.status in ("ended", "successor"):
        return programme.status
    if programme.valid_until is not None and today > programme.valid_until:
        return "expired"
    if (today - programme.last_verified).days > stale_after_days:
        return "check_needed"
    return programme.status


def needs_reverification(programme: Programme, today: date, stale_after_days: int) -> bool:
    return effective_status(programme, today, stale_after_days) in ("expired", "check_needed")


@dataclass(frozen=True)
class Match:
    programme: Programme
    status: str
    decision: str
    reasons: tuple[Reason, ...]
    blockers: tuple[Reason, ...]
    missing: tuple[Reason, ...]
    warnings: tuple[Reason, ...]
    eligible_costs: dict[str, Decimal]
    eligible_total: Decimal
    rate_percent: Decimal | None
    amount_eur: Decimal  # grant, or grant share of a loan
    loan_eur: Decimal
    conflicts: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        return self.decision == ELIGIBLE


@dataclass(frozen=True)
class MatchResult:
    today: date
    size: SizeDecision
    de_minimis: DeMinimisStatus
    costs: dict[str, Decimal]
    matches: tuple[Match, ...]
    notes: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def eligible(self) -> tuple[Match, ...]:
        return tuple(match for match in self.matches if match.eligible)

    def match(self, programme_id: str) -> Match | None:
        return next((x for x in self.matches if x.programme.id == programme_id), None)


class _Check:
    def __init__(self):
        self.reasons: list[Reason] = []
        self.blockers: list[Reason] = []
        self.missing: list[Reason] = []
        self.warnings: list[Reason] = []


def _status_rules(check: _Check, programme: Programme, status: str, today: date, catalogue) -> None:
    if status == "ended":
        check.blockers.append(
            Reason("block.ended", {"until": _day_or_unknown(programme.valid_until)})
        )
    elif status == "successor":
        successor = m.Term(f"programme:{programme.successor}")
        check.blockers.append(Reason("block.successor", {"successor": successor}))
    elif status == "expired":
        check.blockers.append(
            Reason("block.past_valid_until", {"until": m.Day(programme.valid_until)})
        )
    elif status == "paused":
        check.blockers.append(Reason("block.paused"))
    elif status == "check_needed":
        check.warnings.append(
            Reason(
                "warn.stale",
                {
                    "verified": m.Day(programme.last_verified),
                    "days": m.Count(catalogue.stale_after_days),
                },
            )
        )
    if programme.valid_from is not None and programme.valid_from > today:
        check.blockers.append(Reason("block.not_yet_open", {"from": m.Day(programme.valid_from)}))
    if (
        programme.valid_until is not None
        and today <= programme.valid_until <= today + timedelta(days=ENDS_SOON_DAYS)
        and status not in ("ended", "successor")
    ):
        check.warnings.append(
            Reason("warn.valid_until_soon", {"until": m.Day(programme.valid_until)})
        )


def _day_or_unknown(value: date | None) -> m.Param:
    return m.Day(value) if value is not None else m.Label("?")


def _state_rules(check: _Check, programme: Programme, facts: CompanyFacts) -> None:
    if not programme.states:
        check.reasons.append(Reason("match.all_states"))
    elif facts.state is None:
        check.missing.append(Reason("missing.state"))
    elif facts.state in programme.states:
        check.reasons.append(Reason("match.state", {"state": m.Term(f"state:{facts.state}")}))
    else:
        check.blockers.append(
            Reason(
                "block.state",
                {
                    "state": m.Term(f"state:{facts.state}"),
                    "states": m.Labels(tuple(f"state:{s}" for s in programme.states)),
                },
            )
        )


def _size_rules(check: _Check, programme: Programme, size: SizeDecision) -> None:
    allowed = set(programme.size_classes)
    possible = set(size.possible)
    classes = m.Labels(tuple(f"size:{c}" for c in programme.size_classes))
    if possible <= allowed:
        if allowed != {"micro", "small", "medium", "none"}:
            label = m.Labels(tuple(f"size:{c}" for c in size.possible))
            check.reasons.append(Reason("match.size", {"size_class": label, "classes": classes}))
    elif not possible & allowed:
        label = m.Labels(tuple(f"size:{c}" for c in size.possible))
        check.blockers.append(Reason("block.size", {"size_class": label, "classes": classes}))
    else:
        check.missing.append(Reason("missing.size", {"classes": classes}))


def _limit_rules(check: _Check, programme: Programme, size: SizeDecision) -> None:
    if programme.staff_below is not None:
        if size.fte is None:
            check.missing.append(Reason("missing.staff"))
        elif size.fte >= programme.staff_below:
            check.blockers.append(
                Reason(
                    "block.staff_limit",
                    {"fte": m.Fte(size.fte), "limit": m.Count(programme.staff_below)},
                )
            )
    if programme.max_turnover_eur is not None:
        if size.turnover_eur is None:
            check.missing.append(Reason("missing.turnover"))
        elif size.turnover_eur > programme.max_turnover_eur:
            check.blockers.append(
                Reason(
                    "block.turnover_limit",
                    {
                        "turnover": m.Eur(size.turnover_eur),
                        "limit": m.Eur(programme.max_turnover_eur),
                    },
                )
            )


def _sector_rules(check: _Check, programme: Programme, facts: CompanyFacts) -> None:
    if not programme.sectors and not programme.excluded_sectors:
        return
    if facts.nace_section is None:
        check.missing.append(Reason("missing.sector"))
        return
    section = facts.nace_section
    if section in programme.excluded_sectors or (
        programme.sectors and section not in programme.sectors
    ):
        check.blockers.append(Reason("block.sector", {"section": m.Term(f"nace:{section}")}))
    else:
        check.reasons.append(Reason("match.sector", {"section": m.Term(f"nace:{section}")}))


def _topic_rules(check: _Check, programme: Programme, facts: CompanyFacts) -> None:
    if not programme.topics:
        return
    topics = m.Labels(tuple(f"topic:{t}" for t in programme.topics))
    if not facts.topics:
        check.warnings.append(Reason("warn.topic_unknown", {"topics": topics}))
    elif set(facts.topics) & set(programme.topics):
        shared = tuple(f"topic:{t}" for t in programme.topics if t in facts.topics)
        check.reasons.append(Reason("match.topic", {"topics": m.Labels(shared)}))
    else:
        project = m.Labels(tuple(f"topic:{t}" for t in facts.topics))
        check.blockers.append(Reason("block.topic", {"topics": topics, "project": project}))


def _age_rules(check: _Check, programme: Programme, facts: CompanyFacts, today: date) -> None:
    if programme.min_age_years is None:
        return
    if facts.founded is None:
        check.missing.append(Reason("missing.founded"))
        return
    age = today.year - facts.founded
    params = {"founded": m.Count(facts.founded), "years": m.Count(programme.min_age_years)}
    if age < programme.min_age_years:
        check.blockers.append(Reason("block.age", params))
    else:
        check.reasons.append(Reason("match.age", params))


def eligible_costs(programme: Programme, costs: dict[str, Decimal]) -> dict[str, Decimal]:
    """The costs in the categories the programme funds, with its per-category limits
    (for example training at most 20 % of the eligible costs)."""
    eligible = {
        c: costs.get(c, Decimal(0)) for c in programme.costs if costs.get(c, Decimal(0)) > 0
    }
    for category, percent in programme.funding.category_limits_percent.items():
        if category not in eligible or percent >= 100:
            continue
        others = sum(v for c, v in eligible.items() if c != category)
        limit = money(others * percent / (Decimal(100) - percent))
        eligible[category] = min(eligible[category], limit)
    return {c: v for c, v in eligible.items() if v > 0}


def _amounts(
    check: _Check, programme: Programme, costs, size: SizeDecision, facts, dm: DeMinimisStatus
):
    funding = programme.funding
    eligible = eligible_costs(programme, costs)
    total = sum(eligible.values(), Decimal(0))
    rate = funding.rate_for(size.sme_class, facts.state)
    if programme.kind in ("free_advice", "guarantee"):
        check.reasons.append(Reason("match.amount_advice"))
        return eligible, total, rate, Decimal(0), Decimal(0)
    if not any(v > 0 for v in costs.values()):
        check.missing.append(Reason("missing.costs"))
        return eligible, total, rate, Decimal(0), Decimal(0)
    if total == 0:
        check.blockers.append(
            Reason(
                "block.no_eligible_costs",
                {"categories": m.Labels(tuple(f"cost:{c}" for c in programme.costs))},
            )
        )
        return eligible, total, rate, Decimal(0), Decimal(0)
    check.reasons.append(
        Reason(
            "match.costs",
            {"total": m.Eur(total), "categories": m.Labels(tuple(f"cost:{c}" for c in eligible))},
        )
    )
    if funding.min_eligible_eur is not None and total < funding.min_eligible_eur:
        check.blockers.append(
            Reason(
                "block.below_minimum",
                {"total": m.Eur(total), "minimum": m.Eur(funding.min_eligible_eur)},
            )
        )
    cap = funding.max_eligible_for(size.sme_class)
    base = min(total, cap) if cap is not None else total
    loan = Decimal(0)
    if programme.kind in ("loan", "loan_with_grant"):
        loan = min(base, funding.max_loan_eur) if funding.max_loan_eur is not None else base
        base = loan if funding.base == "loan" else base
    amount = Decimal(0)
    if programme.kind in ("grant", "loan_with_grant") and rate is None:
        check.warnings.append(Reason("warn.rate_unknown"))
    if programme.kind in ("grant", "loan_with_grant") and rate is not None:
        amount = money(base * rate / Decimal(100))
        if funding.max_amount_eur is not None:
            amount = min(amount, funding.max_amount_eur)
        params = {"rate": m.Percent(rate), "base": m.Eur(base), "amount": m.Eur(amount)}
        key = "match.amount_grant" if programme.kind == "grant" else "match.amount_loan"
        if funding.max_amount_eur is not None:
            params["cap"] = m.Eur(funding.max_amount_eur)
        else:
            key += "_uncapped"
        check.reasons.append(Reason(key, params))
        if facts.state in funding.rate_by_state:
            check.reasons.append(
                Reason(
                    "match.rate_by_state",
                    {"state": m.Term(f"state:{facts.state}"), "rate": m.Percent(rate)},
                )
            )
    if funding.min_amount_eur is not None and 0 < amount < funding.min_amount_eur:
        check.blockers.append(
            Reason(
                "block.below_minimum",
                {"total": m.Eur(amount), "minimum": m.Eur(funding.min_amount_eur)},
            )
        )
    return eligible, total, rate, amount, loan


def _de_minimis_rules(
    check: _Check, programme: Programme, amount: Decimal, dm: DeMinimisStatus
) -> Decimal:
    if programme.de_minimis == "unknown" and programme.kind not in ("free_advice",):
        check.warnings.append(Reason("warn.aid_basis_unknown"))
    if programme.de_minimis != "yes" or amount == 0:
        return amount
    if dm.headroom_eur is None:
        check.missing.append(Reason("missing.deminimis"))
        return amount
    if dm.headroom_eur <= 0:
        check.blockers.append(
            Reason("block.no_deminimis_headroom", {"used": m.Eur(dm.used_eur or 0)})
        )
        return Decimal(0)
    if amount > dm.headroom_eur:
        check.warnings.append(
            Reason(
                "warn.deminimis_capped",
                {"amount": m.Eur(amount), "headroom": m.Eur(dm.headroom_eur)},
            )
        )
        return dm.headroom_eur
    return amount


def match_programme(
    programme: Programme,
    facts: CompanyFacts,
    costs: dict[str, Decimal],
    size: SizeDecision,
    dm: DeMinimisStatus,
    catalogue: Catalogue,
    today: date,
) -> Match:
    check = _Check()
    status = effective_status(programme, today, catalogue.stale_after_days)
    _status_rules(check, programme, status, today, catalogue)
    _state_rules(check, programme, facts)
    _size_rules(check, programme, size)
    _limit_rules(check, programme, size)
    _sector_rules(check, programme, facts)
    _age_rules(check, programme, facts, today)
    _topic_rules(check, programme, facts)
    if programme.apply_before_contract and facts.contract_signed is not None:
        check.blockers.append(
            Reason("block.contract_signed", {"signed": m.Day(facts.contract_signed)})
        )
    eligible, total, rate, amount, loan = _amounts(check, programme, costs, size, facts, dm)
    amount = _de_minimis_rules(check, programme, amount, dm)
    if programme.unverified:
        check.warnings.append(
            Reason(
                "warn.unverified",
                {"facts": m.Labels(tuple(f"verify:{f}" for f in programme.unverified))},
            )
        )
    for condition in programme.confirm:
        check.warnings.append(
            Reason(
                "warn.confirm", {"text": m.Label(condition.en), "text_de": m.Label(condition.de)}
            )
        )
    decision = NOT_ELIGIBLE if check.blockers else MISSING if check.missing else ELIGIBLE
    if decision == NOT_ELIGIBLE:
        amount, loan = Decimal(0), Decimal(0)
    return Match(
        programme,
        status,
        decision,
        tuple(check.reasons),
        tuple(check.blockers),
        tuple(check.missing),
        tuple(check.warnings),
        eligible,
        total,
        rate,
        amount,
        loan,
    )


def _with_conflicts(matches: list[Match]) -> list[Match]:
    """Flag eligible programmes that cannot be combined (either side may name the other)."""
    eligible = {x.programme.id: x for x in matches if x.eligible}
    result = []
    for match in matches:
        conflicts = ()
        if match.eligible:
            conflicts = tuple(
                other
                for other, other_match in eligible.items()
                if other != match.programme.id
                and (
                    other in match.programme.not_combinable_with
                    or match.programme.id in other_match.programme.not_combinable_with
                )
            )
        if conflicts:
            names = tuple(f"programme:{c}" for c in conflicts)
            warnings = (*match.warnings, Reason("warn.not_combinable", {"names": m.Labels(names)}))
            match = Match(**{**match.__dict__, "warnings": warnings, "conflicts": conflicts})
        result.append(match)
    return result


def normalised_costs(costs: dict[str, Decimal] | None) -> dict[str, Decimal]:
    costs = costs or {}
    return {c: Decimal(costs.get(c) or 0) for c in COST_CATEGORIES}


def match_company(
    catalogue: Catalogue, facts: CompanyFacts, costs: dict[str, Decimal] | None, today: date
) -> MatchResult:
    """Every programme of the catalogue against the facts and the costs, eligible first
    (largest amount first), then those missing a fact, then the rest."""
    costs = normalised_costs(costs)
    size = size_class(facts, catalogue.thresholds)
    dm = de_minimis_status(facts, catalogue.de_minimis, today)
    matches = [
        match_programme(p, facts, costs, size, dm, catalogue, today) for p in catalogue.programmes
    ]
    matches = _with_conflicts(matches)
    order = {ELIGIBLE: 0, MISSING: 1, NOT_ELIGIBLE: 2}
    matches.sort(key=lambda x: (order[x.decision], -x.amount_eur, -x.loan_eur, x.programme.id))
    return MatchResult(today, size, dm, costs, tuple(matches))
