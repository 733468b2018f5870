"""Systems in operation that share a capability, and what consolidating them could save.

Per capability with two or more systems: the group, whether the overlap is inside one
department or across departments, which system to keep (an office or collaboration suite the
company already licenses first, as DOMAIN.md's first home for an overlapping tool; then
centrally managed, the most users, the most departments) and the saving: the annual cost of
the ones to retire plus the manual effort of the flows between them and the other members,
which disappears with them. Infrastructure, devices and authority portals in a group are never
retired for the overlap (they are kept or replaced on their own merits).
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis import formulas
from leitstand.analysis.costs import IntegrationFigures
from leitstand.analysis.snapshot import Snapshot, System

ZERO = Decimal(0)
SUITE = "suite"
#: Kinds that are kept or replaced, never retired because another system shares a capability:
#: infrastructure and devices, and a public authority's portal (ELSTER is not the company's).
AUTHORITY_PORTAL = "authority_portal"
NEVER_RETIRED_FOR_OVERLAP = frozenset({"infrastructure", "device", AUTHORITY_PORTAL})


@dataclass(frozen=True)
class OverlapGroup:
    capability_id: int
    system_ids: tuple[int, ...]  # the one to keep first
    keep_id: int
    within_department_ids: tuple[int, ...]  # departments using two or more of them
    department_ids: tuple[int, ...]  # every department using any of them
    licence_saving_eur: Decimal
    manual_saving_eur: Decimal
    cost_unknown_ids: tuple[int, ...]  # systems to retire whose annual cost is unknown
    flow_ids: tuple[int, ...]  # active flows between a system to retire and another member
    retire_ids: tuple[int, ...] = ()  # members other than the kept one, infrastructure aside
    home_id: int | None = None  # the kept system where it is a licensed suite

    @property
    def saving_eur(self) -> Decimal:
        return self.licence_saving_eur + self.manual_saving_eur

    @property
    def within_department(self) -> bool:
        return bool(self.within_department_ids)


def keep_priority(system: System) -> tuple:
    """The system most worth keeping sorts first: a suite the company licenses is the first
    home, then centrally managed systems; a public authority's portal last (ELSTER is no home
    for the company's payroll program)."""
    return (
        system.kind != SUITE,
        system.kind == AUTHORITY_PORTAL,
        system.centrally_managed is not True,  # managed first; unknown and shadow IT after
        -(system.user_count or 0),
        -len(system.department_ids),
        system.name.lower(),
        system.id,
    )


def _departments(members: list[System]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    users: dict[int, int] = defaultdict(int)
    for system in members:
        for department_id in set(system.department_ids):
            users[department_id] += 1
    within = tuple(sorted(d for d, count in users.items() if count > 1))
    return within, tuple(sorted(users))


def _group(
    capability_id: int,
    members: list[System],
    flows: list[tuple[int, int, int]],
    figures: dict[int, IntegrationFigures],
) -> OverlapGroup:
    ordered = sorted(members, key=keep_priority)
    keep = ordered[0]
    retire = [s for s in ordered[1:] if s.kind not in NEVER_RETIRED_FOR_OVERLAP]
    retired = {system.id for system in retire}
    flow_ids = [pk for pk, source, target in flows if source in retired or target in retired]
    manual = sum((figures[flow_id].total_eur or ZERO for flow_id in flow_ids), ZERO)
    known_costs = [system.annual_cost for system in retire if system.annual_cost is not None]
    within, departments = _departments(members)
    return OverlapGroup(
        capability_id=capability_id,
        system_ids=tuple(system.id for system in ordered),
        keep_id=keep.id,
        within_department_ids=within,
        department_ids=departments,
        licence_saving_eur=formulas.consolidation_saving(known_costs, ZERO),
        manual_saving_eur=manual,
        cost_unknown_ids=tuple(system.id for system in retire if system.annual_cost is None),
        flow_ids=tuple(sorted(flow_ids)),
        retire_ids=tuple(system.id for system in retire),
        home_id=keep.id if keep.kind == SUITE else None,
    )


def _flows_within_capabilities(snapshot: Snapshot) -> dict[int, list[tuple[int, int, int]]]:
    """Active flows (id, source, target) per capability both their systems (in operation)
    share."""
    capabilities = {
        system.id: frozenset(system.capability_ids) for system in snapshot.systems_in_operation
    }
    none: frozenset[int] = frozenset()
    flows: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for integration in snapshot.active_integrations:
        shared = capabilities.get(integration.source_id, none) & capabilities.get(
            integration.target_id, none
        )
        for capability_id in shared:
            flows[capability_id].append(
                (integration.id, integration.source_id, integration.target_id)
            )
    return flows


def overlap_groups(
    snapshot: Snapshot, figures: dict[int, IntegrationFigures]
) -> tuple[OverlapGroup, ...]:
    """Groups sorted by saving, largest first."""
    by_capability: dict[int, list[System]] = defaultdict(list)
    for system in snapshot.systems_in_operation:
        for capability_id in set(system.capability_ids):
            by_capability[capability_id].append(system)
    flows_within = _flows_within_capabilities(snapshot)
    groups = [
        _group(capability_id, members, flows_within[capability_id], figures)
        for capability_id, members in by_capability.items()
        if len(members) > 1
    ]
    return tuple(sorted(groups, key=lambda group: (-group.saving_eur, group.capability_id)))


def overlapping_system_ids(groups: tuple[OverlapGroup, ...]) -> frozenset[int]:
    """The overlapping tools: every member but a suite that is their home (it covers the
    capability as part of what it is licensed for, it is not a tool too many)."""
    return frozenset(
        system_id
        for group in groups
        for system_id in group.system_ids
        if system_id != group.home_id
    )
