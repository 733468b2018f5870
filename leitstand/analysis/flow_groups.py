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
    by_lists = _sums_by_group_lists(members, flows, figures)
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


def _sums_by_group_lists(members, flows, figures) -> dict[tuple, FlowSum]:
    """The flows added up per (source's groups, target's groups, method category).

    However many the flows, their systems share few distinct lists of groups, so this is the
    one pass over every flow (250,000 in a large landscape); each list is numbered once and
    the flows are read as plain tuples (field names cost an attribute lookup each)."""
    numbers: dict[tuple, int] = {}
    number_of = {pk: numbers.setdefault(ids, len(numbers)) for pk, ids in members.items()}
    lists = list(numbers)
    categories = list(MethodCategory)
    category_of = {method: categories.index(kind) for method, kind in METHOD_CATEGORY.items()}
    planned = FlowStatus.PLANNED
    sums: dict[tuple[int, int, int], list] = {}
    for pk, source, target, method, _f, _r, _m, _e, _x, status, _data in flows:
        source_list = number_of.get(source)
        target_list = number_of.get(target)
        if source_list is None or target_list is None:
            continue
        key = (source_list, target_list, category_of[method])
        total = sums.get(key)
        if total is None:
            total = sums[key] = [0, 0, ZERO, 0]  # active, planned, hours, hours unknown
        if status == planned:
            total[1] += 1
            continue
        total[0] += 1
        figure = figures.get(pk)
        manual = None if figure is None else figure.manual_hours
        if manual is None:
            total[3] += 1
        else:
            total[2] += manual + (figure.error_hours or ZERO)
    return {
        (lists[source], lists[target], categories[category]): FlowSum(*total)
        for (source, target, category), total in sums.items()
    }
