"""Systems and their data flows added up by group (department or capability): the integration
map of a landscape too large to draw system by system.

A system used by several departments (or serving several capabilities) is counted in each of
them, and so is each of its flows: every figure of a group or a link is true of that group,
but the figures of all groups add up to more than the landscape's. A system in no group is in
the group `None` ("unassigned").
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis.costs import IntegrationFigures
from leitstand.analysis.snapshot import Integration
from leitstand.analysis.vocabulary import METHOD_CATEGORY, FlowStatus, MethodCategory

ZERO = Decimal(0)
UNASSIGNED: tuple[None] = (None,)


@dataclass
class FlowSum:
    """Flows of one kind added up: active ones with their known hours, planned ones counted."""

    flows: int = 0  # active
    planned: int = 0
    hours: Decimal = ZERO  # manual work and fixing errors a year, of the active flows known
    unknown: int = 0  # active flows whose hours are not known (left out of `hours`)

    def add(self, status: str, hours: Decimal | None) -> None:
        if status == FlowStatus.PLANNED:
            self.planned += 1
        elif hours is None:
            self.flows += 1
            self.unknown += 1
        else:
            self.flows += 1
            self.hours += hours

    def merge(self, other: "FlowSum") -> None:
        self.flows += other.flows
        self.planned += other.planned
        self.hours += other.hours
        self.unknown += other.unknown


@dataclass
class Group:
    id: int | None
    systems: int = 0
    within: FlowSum | None = None  # flows whose both systems are in this group


@dataclass(frozen=True)
class GroupLink:
    """The flows of one method category from systems of one group to systems of another."""

    source: int | None
    target: int | None
    category: MethodCategory
    figures: FlowSum


@dataclass(frozen=True)
class FlowGroups:
    systems: int  # on the map, each counted once
    groups: tuple[Group, ...]  # most systems first
    links: tuple[GroupLink, ...]  # most flows first


def group_flows(
    members: Mapping[int, tuple[int, ...]],
    flows: Iterable[Integration],
    figures: Mapping[int, IntegrationFigures],
) -> FlowGroups:
    """Groups and the links between them.

    `members` holds every system on the map with the ids of its groups (empty: unassigned);
    flows from or to a system not in it are left out. `figures` gives each active flow's
    hours (`costs.figures_by_integration`).
    """
    groups: dict[int | None, Group] = {}
    for group_ids in members.values():
        for group_id in group_ids or UNASSIGNED:
            group = groups.get(group_id)
            if group is None:
                group = groups[group_id] = Group(group_id, within=FlowSum())
            group.systems += 1
    # Added up per pair of group lists first: however many the flows, their systems share
    # few distinct lists of groups (one pass over 250,000 flows instead of one per group).
    by_lists: dict[tuple, FlowSum] = {}
    categories, no_figures = METHOD_CATEGORY, None
    for flow in flows:
        sources = members.get(flow.source_id)
        targets = members.get(flow.target_id)
        if sources is None or targets is None:
            continue
        figure = figures.get(flow.id, no_figures)
        key = (sources, targets, categories[flow.method])
        total = by_lists.get(key)
        if total is None:
            total = by_lists[key] = FlowSum()
        total.add(flow.status, None if figure is None else figure.total_hours)
    sums: dict[tuple, FlowSum] = {}
    for (sources, targets, category), total in by_lists.items():
        for source in sources or UNASSIGNED:
            for target in targets or UNASSIGNED:
                if source == target:
                    groups[source].within.merge(total)
                    continue
                sums.setdefault((source, target, category), FlowSum()).merge(total)
    links = sorted(
        (
            GroupLink(source, target, category, total)
            for (source, target, category), total in sums.items()
        ),
        key=lambda link: (-(link.figures.flows + link.figures.planned), -link.figures.hours),
    )
    ordered = sorted(groups.values(), key=lambda group: (-group.systems, group.id is None))
    return FlowGroups(systems=len(members), groups=tuple(ordered), links=tuple(links))
