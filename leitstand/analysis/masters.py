"""Data objects: mastered in more than one system, without a master, or moved only by hand."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis.costs import IntegrationFigures
from leitstand.analysis.snapshot import Snapshot
from leitstand.analysis.vocabulary import MethodCategory

ZERO = Decimal(0)


@dataclass(frozen=True)
class MultiMaster:
    data_object_id: int
    system_ids: tuple[int, ...]


@dataclass(frozen=True)
class ManualOnly:
    """A data object that all its active flows move by hand (file transfers not included)."""

    data_object_id: int
    integration_ids: tuple[int, ...]  # largest effort first
    hours: Decimal  # known manual hours plus error hours of those flows


def masters_by_data_object(snapshot: Snapshot) -> dict[int, tuple[int, ...]]:
    masters: dict[int, set[int]] = defaultdict(set)
    for master in snapshot.masters:
        masters[master.data_object_id].add(master.system_id)
    return {data_object_id: tuple(sorted(ids)) for data_object_id, ids in masters.items()}


def multi_mastered(snapshot: Snapshot) -> tuple[MultiMaster, ...]:
    return tuple(
        MultiMaster(data_object_id, system_ids)
        for data_object_id, system_ids in sorted(masters_by_data_object(snapshot).items())
        if len(system_ids) > 1
    )


def flows_by_data_object(snapshot: Snapshot) -> dict[int, list[int]]:
    """Active integrations per data object they carry."""
    flows: dict[int, list[int]] = defaultdict(list)
    for integration in snapshot.active_integrations:
        for data_object_id in set(integration.data_object_ids):
            flows[data_object_id].append(integration.id)
    return flows


def unmastered_in_flows(
    snapshot: Snapshot, flows: dict[int, list[int]]
) -> tuple[tuple[int, int], ...]:
    """(data object, number of flows) for data objects that move but have no master."""
    masters = masters_by_data_object(snapshot)
    return tuple(
        (data_object_id, len(flow_ids))
        for data_object_id, flow_ids in sorted(flows.items())
        if data_object_id not in masters
    )


def manual_only_data_objects(
    flows: dict[int, list[int]], figures: dict[int, IntegrationFigures]
) -> tuple[ManualOnly, ...]:
    found = []
    for data_object_id, flow_ids in sorted(flows.items()):
        if any(figures[flow_id].category is not MethodCategory.MANUAL for flow_id in flow_ids):
            continue
        ordered = sorted(flow_ids, key=lambda flow_id: -(figures[flow_id].total_hours or ZERO))
        hours = sum((figures[flow_id].total_hours or ZERO for flow_id in flow_ids), ZERO)
        found.append(ManualOnly(data_object_id, tuple(ordered), hours))
    return tuple(sorted(found, key=lambda item: (-item.hours, item.data_object_id)))
