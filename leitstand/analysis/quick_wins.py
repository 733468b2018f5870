"""Quick wins from the inventory alone (DOMAIN.md, the seed story): retire the tools that
overlap a system the company keeps, end their licences and drop the manual transfers that
disappear with them; no new technology.

Per tool to retire: the licence that ends (cash: its annual cost; unknown counts 0 and is
named) and the manual flows between it and the other members of its overlap group (capacity:
hours a year, worth their labour cost only when the time goes to other work). The total adds
both and says so; cash and capacity are also given apart. Each flow counts once.
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.costs import IntegrationFigures
from leitstand.analysis.messages import Count, Eur, Hours, Label, Message
from leitstand.analysis.modernisation import Overlap, Strategy
from leitstand.analysis.portfolio import Recommendation
from leitstand.analysis.snapshot import Snapshot
from leitstand.analysis.vocabulary import MethodCategory

ZERO = Decimal(0)


class QuickWin(NamedTuple):
    system_id: int  # the tool to retire
    keep_id: int  # where its users and data go
    capability_id: int
    licence_eur: Decimal  # cash a year: its licence ends (0 when its cost is unknown)
    cost_known: bool
    flow_ids: tuple[int, ...]  # manual flows that disappear with it
    hours: Decimal  # capacity a year: those flows' hours (work and fixing errors)
    hours_eur: Decimal  # their labour value

    @property
    def saving_eur(self) -> Decimal:
        return self.licence_eur + self.hours_eur


class QuickWins(NamedTuple):
    wins: tuple[QuickWin, ...]  # largest saving first
    cash_eur: Decimal  # licences that end
    hours: Decimal  # manual hours that disappear
    capacity_eur: Decimal  # their labour value
    labour_cost_per_hour: Decimal

    @property
    def total_eur(self) -> Decimal:
        """Cash plus the labour value of the freed hours: shown as such, never as cash."""
        return self.cash_eur + self.capacity_eur


def quick_wins(
    snapshot: Snapshot,
    portfolio: Iterable[Recommendation],
    figures: dict[int, IntegrationFigures],
) -> QuickWins:
    """The tools the recommendations retire for an overlap (a person's override to keep one
    takes it out), with the licences and transfers that end with them."""
    rate = snapshot.settings.labour_cost_per_hour
    retiring = {
        r.system.id: r
        for r in portfolio
        if r.overlap is not None
        and r.inputs.overlap == Overlap.RETIRE
        and r.strategy == Strategy.RETIRE
        and r.system.in_operation
    }
    touching: dict[int, list] = {system_id: [] for system_id in retiring}
    for flow in snapshot.active_integrations:  # once, in the snapshot's order
        for end in {flow.source_id, flow.target_id}:
            if end in touching:
                touching[end].append(flow)
    counted: set[int] = set()
    wins = []
    for system_id, recommendation in retiring.items():
        group = recommendation.overlap
        members = set(group.system_ids)
        flow_ids, hours = [], ZERO
        for flow in touching[system_id]:
            if flow.id in counted:
                continue
            other = flow.target_id if flow.source_id == system_id else flow.source_id
            row = figures.get(flow.id)
            if other not in members or row is None or row.category is MethodCategory.AUTOMATED:
                continue
            if row.total_hours is None:
                continue
            counted.add(flow.id)
            flow_ids.append(flow.id)
            hours += row.total_hours
        cost = recommendation.system.annual_cost
        wins.append(
            QuickWin(
                system_id=system_id,
                keep_id=group.keep_id,
                capability_id=group.capability_id,
                licence_eur=cost if cost is not None else ZERO,
                cost_known=cost is not None,
                flow_ids=tuple(flow_ids),
                hours=hours,
                hours_eur=formulas.eur_for_hours(hours, rate),
            )
        )
    wins.sort(key=lambda win: (-win.saving_eur, win.system_id))
    cash = sum((win.licence_eur for win in wins), ZERO)
    hours = sum((win.hours for win in wins), ZERO)
    return QuickWins(
        wins=tuple(wins),
        cash_eur=cash,
        hours=hours,
        capacity_eur=formulas.eur_for_hours(hours, rate),
        labour_cost_per_hour=rate,
    )


def explain_quick_wins(
    snapshot: Snapshot, wins: QuickWins, limit: int | None = None
) -> list[Message]:
    """The total with cash and capacity apart, then each tool: where its users go, the licence
    that ends and the transfers that disappear (the `limit` largest, and how many more)."""
    if not wins.wins:
        return [Message("quick_wins.none")]
    names = snapshot.system_by_id
    explanation = [
        Message(
            "quick_wins.total",
            {
                "count": Count(len(wins.wins)),
                "cash": Eur(wins.cash_eur),
                "hours": Hours(wins.hours),
                "rate": Eur(wins.labour_cost_per_hour),
                "capacity": Eur(wins.capacity_eur),
                "total": Eur(wins.total_eur),
            },
        )
    ]
    shown = wins.wins if limit is None else wins.wins[:limit]
    for win in shown:
        explanation.append(
            Message(
                "quick_wins.item",
                {
                    "system": Label(names[win.system_id].name),
                    "keep": Label(names[win.keep_id].name),
                    "licence": Eur(win.licence_eur),
                    "hours": Hours(win.hours),
                    "manual": Eur(win.hours_eur),
                    "saving": Eur(win.saving_eur),
                },
            )
        )
        if not win.cost_known:
            explanation.append(
                Message("quick_wins.cost_unknown", {"system": Label(names[win.system_id].name)})
            )
    if len(shown) < len(wins.wins):
        explanation.append(
            Message("quick_wins.more", {"count": Count(len(wins.wins) - len(shown))})
        )
    return explanation
