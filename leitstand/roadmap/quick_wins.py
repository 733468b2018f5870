"""Every quick win without new technology (`leitstand.analysis.quick_win_list`) as rows for the
roadmap's quick-win section and the findings page's quick-win box: what to do, cash and
capacity apart, a year and in the first 12 months, and how that was computed."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from leitstand.analysis import Analysis
from leitstand.analysis.quick_win_list import QuickWinKind, QuickWinList
from leitstand.core.wording import render

KIND_LABELS = {
    QuickWinKind.RETIRE_OVERLAP: _("Retire an overlapping tool"),
    QuickWinKind.REMOVE_STEP: _("Remove an unneeded step"),
    QuickWinKind.END_LICENCE: _("End a licence nobody uses"),
    QuickWinKind.NAME_DEPUTY: _("Name a deputy"),
}


@dataclass(frozen=True)
class QuickWinRow:
    kind: str
    kind_label: str
    subject: str
    action: str
    cash_eur_per_year: Decimal | None  # None: this quick win frees no cash
    cash_first_12_months_eur: Decimal | None
    hours_per_year: Decimal | None  # None: it frees no hours
    capacity_eur_per_year: Decimal | None
    capacity_first_12_months_eur: Decimal | None
    how: tuple[str, ...]


@dataclass(frozen=True)
class QuickWinTotals:
    """The sums of every quick win, computed once (the list's sums walk all its items, and a
    large landscape has thousands)."""

    count: int
    cash_eur_per_year: Decimal
    hours_per_year: Decimal
    capacity_eur_per_year: Decimal
    cash_first_12_months_eur: Decimal
    capacity_first_12_months_eur: Decimal
    risks_removed: int
    this_month: date

    @classmethod
    def of(cls, found: QuickWinList) -> "QuickWinTotals":
        return cls(
            count=len(found.items),
            cash_eur_per_year=found.cash_eur_per_year,
            hours_per_year=found.hours_per_year,
            capacity_eur_per_year=found.capacity_eur_per_year,
            cash_first_12_months_eur=found.cash_first_12_months_eur,
            capacity_first_12_months_eur=found.capacity_first_12_months_eur,
            risks_removed=found.risks_removed,
            this_month=found.this_month,
        )


@dataclass(frozen=True)
class QuickWinTable:
    rows: tuple[QuickWinRow, ...]  # the first `limit` of each kind
    more: int  # left off the page (the analysis JSON lists all)
    totals: QuickWinTotals


def _first_of_each_kind(items, limit: int) -> list:
    """The first `limit` items of each kind, in the list's order: a large landscape's
    thousands of retirements must not push the steps, licences and deputies off the page."""
    shown: dict[QuickWinKind, int] = {}
    kept = []
    for item in items:
        if shown.get(item.kind, 0) < limit:
            shown[item.kind] = shown.get(item.kind, 0) + 1
            kept.append(item)
    return kept


def quick_win_table(analysis: Analysis, limit: int) -> QuickWinTable:
    found = analysis.quick_win_list
    shown = _first_of_each_kind(found.items, limit)
    rows = []
    for item in shown:
        has_cash = item.cash_from is not None
        has_hours = item.capacity_from is not None
        rows.append(
            QuickWinRow(
                kind=item.kind.value,
                kind_label=str(KIND_LABELS[item.kind]),
                subject=item.subject.name,
                action=render(item.action),
                cash_eur_per_year=item.cash_eur_per_year if has_cash else None,
                cash_first_12_months_eur=item.cash_first_12_months_eur if has_cash else None,
                hours_per_year=item.hours_per_year if has_hours else None,
                capacity_eur_per_year=item.capacity_eur_per_year if has_hours else None,
                capacity_first_12_months_eur=(
                    item.capacity_first_12_months_eur if has_hours else None
                ),
                how=tuple(render(message) for message in item.when),
            )
        )
    return QuickWinTable(
        rows=tuple(rows), more=len(found.items) - len(shown), totals=QuickWinTotals.of(found)
    )
