"""The roadmap's own arithmetic: payback against a system's end, the yearly summary, and
figures counted once when two initiatives touch the same process or claim the same saving.

Pure: plain records in, plain records out (the roadmap app builds them from its rows).
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from leitstand.analysis.formulas import MONTHS_PER_YEAR, ZERO


def add_months(day: date, months: Decimal | int) -> date:
    """The day `months` later; fractions of a month count as 30.4 days, rounded up to a day.
    Past the calendar's end (a payback of thousands of years) it is the last day there is."""
    whole = int(months)
    fraction = Decimal(months) - whole
    year, month = divmod(day.month - 1 + whole, MONTHS_PER_YEAR)
    year, month = day.year + year, month + 1
    if year >= date.max.year:
        return date.max
    result = date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    extra_days = int((fraction * Decimal("30.4")).to_integral_value(rounding="ROUND_CEILING"))
    return date.fromordinal(min(result.toordinal() + extra_days, date.max.toordinal()))


def months_between(start: date, end: date) -> Decimal:
    """Whole and part months from `start` to `end` (negative when `end` is earlier)."""
    return Decimal(end.toordinal() - start.toordinal()) / Decimal("30.4")


@dataclass(frozen=True, slots=True)
class SystemEnd:
    """A date after which an investment tied to a system brings nothing any more."""

    system: str
    on: date
    reason: str  # "end_of_support" or "replacement"
    by: str = ""  # the initiative that replaces it (for "replacement")


@dataclass(frozen=True, slots=True)
class PaybackWarning:
    system_end: SystemEnd
    paid_back_on: date
    benefit_months: Decimal  # months of benefit before the end
    recovered_share: Decimal  # share of the investment recovered by then (0 to 1, or more)


def payback_warnings(
    benefit_start: date | None,
    investment_eur: Decimal,
    benefit_eur_per_year: Decimal,
    payback: Decimal | None,
    ends: Iterable[SystemEnd],
) -> tuple[PaybackWarning, ...]:
    """A warning per system end that comes after the effect begins but before the investment
    has paid back.

    `benefit_start` is the day the effect begins (the rollout); without it nothing can be said.
    An investment that never pays back in money (an emergency handbook: it reduces risk) gets
    no payback warning; an end before the effect begins is a finding of its own.
    """
    if benefit_start is None or investment_eur <= 0 or payback is None:
        return ()
    paid_back_on = add_months(benefit_start, payback)
    warnings = []
    for end in sorted(ends, key=lambda e: (e.on, e.system)):
        if paid_back_on <= end.on or end.on < benefit_start:
            continue
        months = max(months_between(benefit_start, end.on), ZERO)
        recovered = max(benefit_eur_per_year, ZERO) * months / MONTHS_PER_YEAR / investment_eur
        warnings.append(PaybackWarning(end, paid_back_on, months, recovered))
    return tuple(warnings)


@dataclass(frozen=True, slots=True)
class PlannedCase:
    """One initiative's chosen (or best) option, as the summary counts it."""

    initiative_id: int
    name: str
    invest_on: date | None  # when the money is spent (the first phase's start)
    benefit_start: date | None  # when the effect begins (the rollout)
    investment_eur: Decimal
    running_cost_eur_per_year: Decimal
    #: Cash saved per year by source ("finding:overlap:capability:3", "option:12"): two
    #: initiatives claiming the same source count it once.
    cash_by_source: tuple[tuple[str, Decimal], ...] = ()
    #: Hours freed per year by process ("process:4") or own estimate ("option:12").
    hours_by_source: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True, slots=True)
class Overlap:
    """A source that several initiatives claim: counted once, with the larger figure."""

    source: str
    initiative_ids: tuple[int, ...]
    counted: Decimal
    left_out: Decimal
    unit: str  # "eur" or "hours"


@dataclass(frozen=True, slots=True)
class YearSummary:
    year: int
    investment_eur: Decimal
    running_cost_eur: Decimal
    cash_saved_eur: Decimal
    capacity_hours: Decimal


@dataclass(frozen=True, slots=True)
class PlanTotals:
    cash_saved_eur_per_year: Decimal  # gross, each source once
    running_cost_eur_per_year: Decimal
    capacity_hours_per_year: Decimal  # each process once
    investment_eur: Decimal
    overlaps: tuple[Overlap, ...]
    years: tuple[YearSummary, ...] = field(default=())
    #: Per initiative, the share of its figures the totals count (1 when nothing overlaps).
    counted_cash: dict[int, Decimal] = field(default_factory=dict)
    counted_hours: dict[int, Decimal] = field(default_factory=dict)


def _counted_once(
    cases: list[PlannedCase], attribute: str, unit: str
) -> tuple[dict[int, Decimal], list[Overlap]]:
    """Per source the largest claim counts, given to the first initiative that makes it."""
    claims: dict[str, list[tuple[Decimal, int]]] = {}
    for case in cases:
        for source, value in getattr(case, attribute):
            if value > 0:  # claiming nothing overlaps with nobody
                claims.setdefault(source, []).append((value, case.initiative_id))
    counted: dict[int, Decimal] = {case.initiative_id: ZERO for case in cases}
    overlaps = []
    for source in sorted(claims):
        values = claims[source]
        best_value, best_id = max(values, key=lambda pair: (pair[0], -pair[1]))
        counted[best_id] += best_value
        if len({initiative for _value, initiative in values}) > 1:
            total = sum((value for value, _id in values), ZERO)
            ids = tuple(sorted({initiative for _value, initiative in values}))
            overlaps.append(Overlap(source, ids, best_value, total - best_value, unit))
    return counted, overlaps


def _share_of_year(start: date | None, year: int) -> Decimal:
    """The part of `year` from `start` on (0 before, 1 after)."""
    if start is None or start.year > year:
        return ZERO
    if start.year < year:
        return Decimal(1)
    return Decimal(MONTHS_PER_YEAR - start.month + 1) / MONTHS_PER_YEAR


def plan_totals(cases: Iterable[PlannedCase], years: Iterable[int] = ()) -> PlanTotals:
    """The plan's totals with every source counted once, and a summary per calendar year
    (investment in the year it is spent; savings and capacity from the month the effect
    begins, for the rest of that year and in full afterwards)."""
    cases = list(cases)
    cash, cash_overlaps = _counted_once(cases, "cash_by_source", "eur")
    hours, hour_overlaps = _counted_once(cases, "hours_by_source", "hours")
    summaries = []
    for year in years:
        shares = {case.initiative_id: _share_of_year(case.benefit_start, year) for case in cases}
        summaries.append(
            YearSummary(
                year=year,
                investment_eur=sum(
                    (
                        case.investment_eur
                        for case in cases
                        if case.invest_on is not None and case.invest_on.year == year
                    ),
                    ZERO,
                ),
                running_cost_eur=sum(
                    (case.running_cost_eur_per_year * shares[case.initiative_id] for case in cases),
                    ZERO,
                ),
                cash_saved_eur=sum(
                    (cash[case.initiative_id] * shares[case.initiative_id] for case in cases), ZERO
                ),
                capacity_hours=sum(
                    (hours[case.initiative_id] * shares[case.initiative_id] for case in cases), ZERO
                ),
            )
        )
    return PlanTotals(
        cash_saved_eur_per_year=sum(cash.values(), ZERO),
        running_cost_eur_per_year=sum((case.running_cost_eur_per_year for case in cases), ZERO),
        capacity_hours_per_year=sum(hours.values(), ZERO),
        investment_eur=sum((case.investment_eur for case in cases), ZERO),
        overlaps=tuple(cash_overlaps + hour_overlaps),
        years=tuple(summaries),
        counted_cash=cash,
        counted_hours=hours,
    )
