"""A company's facts for funding, its EU SME class and its de-minimis headroom.

The thresholds and the ceiling are data (the catalogue file's `rules`), passed in as
`SizeRules` and `DeMinimisRule`, so a change in law is a change of the file.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from leitstand.analysis import messages as m
from leitstand.analysis.funding.reasons import Reason

#: Size classes from smallest to largest; "none" means not an SME.
SME_CLASSES = ("micro", "small", "medium")
NOT_SME = "none"
ALL_CLASSES = (*SME_CLASSES, NOT_SME)


@dataclass(frozen=True)
class SizeThreshold:
    """One class of Recommendation 2003/361/EC: fewer than `staff_below` staff (FTE) and
    turnover or balance-sheet total at most the given amounts."""

    size_class: str
    staff_below: Decimal
    turnover_max_eur: Decimal
    balance_sheet_max_eur: Decimal


@dataclass(frozen=True)
class DeMinimisRule:
    ceiling_eur: Decimal
    period_years: int


@dataclass(frozen=True)
class LinkedEnterprise:
    """A partner (25 to 50 %) or linked (more than 50 %, or control) enterprise whose figures
    count towards the company's own: partners pro rata of the share, linked ones in full."""

    name: str
    relation: str  # "partner" or "linked"
    share_percent: Decimal | None
    fte: Decimal | None
    turnover_eur: Decimal | None
    balance_sheet_eur: Decimal | None


@dataclass(frozen=True)
class DeMinimisAid:
    granted_on: date
    amount_eur: Decimal
    grantor: str


@dataclass(frozen=True)
class CompanyFacts:
    """Every fact may be unknown (None); the decisions say which one they miss."""

    state: str | None = None  # "BY", "NW", ... (ISO 3166-2:DE without "DE-")
    fte: Decimal | None = None
    turnover_eur: Decimal | None = None
    balance_sheet_eur: Decimal | None = None
    has_linked_enterprises: bool | None = None
    linked_enterprises: tuple[LinkedEnterprise, ...] = ()
    nace_section: str | None = None
    founded: int | None = None
    #: All de-minimis aid of the last years, or None when not declared.
    de_minimis_aid: tuple[DeMinimisAid, ...] | None = None
    #: Only the sum of the last three years is known (command line `--facts`).
    de_minimis_total_eur: Decimal | None = None
    contract_signed: date | None = None
    #: What the project is about (catalogue TOPICS); empty when not said.
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class SizeDecision:
    sme_class: str | None  # None: undecided
    possible: tuple[str, ...]
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...]  # fact names: "fte", "turnover_eur", "linked_enterprises"
    fte: Decimal | None
    turnover_eur: Decimal | None
    balance_sheet_eur: Decimal | None


@dataclass(frozen=True)
class DeMinimisStatus:
    headroom_eur: Decimal | None
    used_eur: Decimal | None
    window_start: date
    counted: tuple[DeMinimisAid, ...] = ()
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def _share(enterprise: LinkedEnterprise) -> Decimal | None:
    if enterprise.relation == "linked":
        return Decimal(1)
    if enterprise.share_percent is None:
        return None
    return enterprise.share_percent / Decimal(100)


def _aggregate(own: Decimal | None, enterprises, attribute: str) -> tuple[Decimal | None, bool]:
    """The company's figure plus its partners' and linked enterprises' shares; the flag says
    whether something was unknown (the sum is then a lower bound)."""
    if own is None:
        return None, True
    total, incomplete = own, False
    for enterprise in enterprises:
        value, share = getattr(enterprise, attribute), _share(enterprise)
        if value is None or share is None:
            incomplete = True
            continue
        total += value * share
    return total, incomplete


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def _or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    if a is None or b is None:
        return None
    return False


def _within(threshold: SizeThreshold, fte, turnover, balance, lower_bound: bool) -> bool | None:
    staff = None if fte is None else fte < threshold.staff_below
    money = _or(
        None if turnover is None else turnover <= threshold.turnover_max_eur,
        None if balance is None else balance <= threshold.balance_sheet_max_eur,
    )
    result = _and(staff, money)
    # With figures of linked enterprises missing, "within" is not certain; "above" stays.
    return None if lower_bound and result is True else result


def _money_param(value: Decimal | None) -> m.Param:
    return m.Eur(value) if value is not None else m.Label("?")


def size_class(facts: CompanyFacts, thresholds: tuple[SizeThreshold, ...]) -> SizeDecision:
    """The smallest class whose thresholds hold; `possible` lists the classes the unknown
    facts still allow, so matching can decide programmes open to all of them."""
    enterprises = facts.linked_enterprises
    fte, fte_open = _aggregate(facts.fte, enterprises, "fte")
    turnover, t_open = _aggregate(facts.turnover_eur, enterprises, "turnover_eur")
    balance, b_open = _aggregate(facts.balance_sheet_eur, enterprises, "balance_sheet_eur")
    linked_unknown = facts.has_linked_enterprises is None or (
        bool(facts.has_linked_enterprises) and not enterprises
    )
    lower_bound = linked_unknown or (
        bool(enterprises) and ((fte_open and facts.fte is not None) or t_open or b_open)
    )
    ordered = sorted(thresholds, key=lambda t: t.staff_below)
    results = [_within(t, fte, turnover, balance, lower_bound) for t in ordered]

    possible: list[str] = []
    for index, threshold in enumerate(ordered):
        if results[index] is not False and all(r is not True for r in results[:index]):
            possible.append(threshold.size_class)
    if all(r is not True for r in results):
        possible.append(NOT_SME)

    reasons: list[Reason] = []
    if enterprises:
        reasons.append(
            Reason(
                "sme.aggregated",
                {"names": m.Labels(tuple(e.name for e in enterprises)), "fte": m.Fte(fte or 0)},
            )
        )
    if linked_unknown and facts.has_linked_enterprises:
        reasons.append(Reason("sme.linked_figures_missing"))
    decided = possible[0] if len(possible) == 1 else None
    for index, threshold in enumerate(ordered):
        if results[index] is False:
            reasons.append(_why_not(threshold, fte, turnover, balance))
        elif results[index] is True:
            reasons.append(
                Reason(
                    "sme.within",
                    {
                        "size_class": m.Term(f"size:{threshold.size_class}"),
                        "fte": m.Fte(fte),
                        "limit": m.Count(threshold.staff_below),
                        "turnover": _money_param(turnover),
                        "balance": _money_param(balance),
                        "turnover_limit": m.Eur(threshold.turnover_max_eur),
                        "balance_limit": m.Eur(threshold.balance_sheet_max_eur),
                    },
                )
            )
            break
    missing = _missing(facts, linked_unknown) if decided is None else ()
    if decided is None:
        reasons.append(
            Reason(
                "sme.undecided",
                {
                    "classes": m.Labels(tuple(f"size:{c}" for c in possible)),
                    "facts": m.Labels(tuple(f"fact:{f}" for f in missing)),
                },
            )
        )
    return SizeDecision(decided, tuple(possible), tuple(reasons), missing, fte, turnover, balance)


def _why_not(threshold: SizeThreshold, fte, turnover, balance) -> Reason:
    if fte is not None and fte >= threshold.staff_below:
        return Reason(
            "sme.staff_not_below",
            {
                "size_class": m.Term(f"size:{threshold.size_class}"),
                "fte": m.Fte(fte),
                "limit": m.Count(threshold.staff_below),
            },
        )
    return Reason(
        "sme.money_above",
        {
            "size_class": m.Term(f"size:{threshold.size_class}"),
            "turnover": _money_param(turnover),
            "balance": _money_param(balance),
            "turnover_limit": m.Eur(threshold.turnover_max_eur),
            "balance_limit": m.Eur(threshold.balance_sheet_max_eur),
        },
    )


def _missing(facts: CompanyFacts, linked_unknown: bool) -> tuple[str, ...]:
    missing = []
    if facts.fte is None:
        missing.append("fte")
    if facts.turnover_eur is None:
        missing.append("turnover_eur")
    if facts.balance_sheet_eur is None:
        missing.append("balance_sheet_eur")
    if linked_unknown or any(
        e.fte is None or e.turnover_eur is None or _share(e) is None
        for e in facts.linked_enterprises
    ):
        missing.append("linked_enterprises")
    return tuple(missing)


def window_start(today: date, years: int) -> date:
    """First day of the rolling period that ends today (29 Feb falls back to 28 Feb)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def de_minimis_status(facts: CompanyFacts, rule: DeMinimisRule, today: date) -> DeMinimisStatus:
    """Headroom = ceiling minus the de-minimis aid granted within the rolling period
    (Regulation (EU) 2023/2831: EUR 300,000 over three years per single undertaking)."""
    start = window_start(today, rule.period_years)
    if facts.de_minimis_aid is not None:
        counted = tuple(a for a in facts.de_minimis_aid if a.granted_on >= start)
        ignored = len(facts.de_minimis_aid) - len(counted)
        used = sum((a.amount_eur for a in counted), Decimal(0))
        reasons = [_headroom_reason(rule, used, start)]
        if ignored:
            reasons.append(
                Reason(
                    "deminimis.older_aid_ignored",
                    {"count": m.Count(ignored), "start": m.Day(start)},
                )
            )
        return DeMinimisStatus(
            max(rule.ceiling_eur - used, Decimal(0)), used, start, counted, tuple(reasons)
        )
    if facts.de_minimis_total_eur is not None:
        used = facts.de_minimis_total_eur
        return DeMinimisStatus(
            max(rule.ceiling_eur - used, Decimal(0)),
            used,
            start,
            (),
            (_headroom_reason(rule, used, start), Reason("deminimis.total_given")),
        )
    return DeMinimisStatus(
        None, None, start, (), (Reason("deminimis.unknown", {"ceiling": m.Eur(rule.ceiling_eur)}),)
    )


def _headroom_reason(rule: DeMinimisRule, used: Decimal, start: date) -> Reason:
    return Reason(
        "deminimis.headroom",
        {
            "ceiling": m.Eur(rule.ceiling_eur),
            "used": m.Eur(used),
            "headroom": m.Eur(max(rule.ceiling_eur - used, Decimal(0))),
            "start": m.Day(start),
            "years": m.Count(rule.period_years),
        },
    )
