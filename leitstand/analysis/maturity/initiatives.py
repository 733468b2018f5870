"""Which initiatives of the roadmap would raise an axis: pure, over plain facts of each
initiative (the kinds of the findings it addresses, the strategy it was proposed from, whether
it carries an automation scenario), matched against the items of the axis."""

from dataclasses import dataclass

from leitstand.analysis.maturity.model import Catalogue, Item


@dataclass(frozen=True)
class InitiativeFacts:
    id: int
    name: str
    status: str
    finding_kinds: frozenset[str] = frozenset()
    strategy: str = ""  # from a proposal "recommendation:<system>:<strategy>", else ""
    has_scenario: bool = False


def strategy_of(proposal_key: str) -> str:
    parts = proposal_key.split(":")
    return parts[2] if len(parts) == 3 and parts[0] == "recommendation" else ""


def moves(item: Item, initiative: InitiativeFacts) -> bool:
    return bool(
        initiative.finding_kinds & set(item.finding_kinds)
        or (initiative.strategy and initiative.strategy in item.strategies)
        or (item.automation_scenarios and initiative.has_scenario)
    )


def raising(
    catalogue: Catalogue, axis: str, initiatives: list[InitiativeFacts], open_items: set[str]
) -> list[tuple[InitiativeFacts, tuple[str, ...]]]:
    """The initiatives that would move an item of the axis not yet answered yes, each with the
    keys of the items it moves; in the order given."""
    items = [item for item in catalogue.items_of(axis) if item.key in open_items]
    found = []
    for initiative in initiatives:
        keys = tuple(item.key for item in items if moves(item, initiative))
        if keys:
            found.append((initiative, keys))
    return found
