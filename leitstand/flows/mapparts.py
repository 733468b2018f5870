"""Parts of the integration map read from where they start, never from the whole landscape:
one system's neighbourhood, one department's (or capability's) systems. A fixed number of
queries whatever the size of the organisation; each reads only the rows of the part.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from leitstand.analysis import snapshot as snap
from leitstand.analysis.vocabulary import FlowStatus, Lifecycle
from leitstand.core.queries import raw_rows
from leitstand.flows.mapgroups import BY_DEPARTMENT, systems_on_map
from leitstand.flows.models import Integration
from leitstand.flows.records import carried_data_objects, records_of
from leitstand.inventory.models import System
from leitstand.inventory.records import system_records
from leitstand.tenancy.models import Organisation

#: The second ring (systems two flows away) is drawn while the whole stays this small...
SECOND_RING_UP_TO = 100
#: ... and is looked for in at most this many flows of the direct neighbours.
SECOND_RING_ROWS = 5000


def flows_on_map(organisation: Organisation) -> QuerySet:
    """The flows the map shows (not retired, between systems not retired), to be narrowed to
    a few systems. The organisation is compared as an expression (`+ 0`) that no index
    serves: SQLite keeps no statistics and would read every flow of the organisation through
    its index instead of the few of the systems asked for (150 ms instead of 0.5 ms for one
    system's flows at 250,000 flows); PostgreSQL plans the same from its statistics."""
    return (
        Integration.objects.alias(owner=F("organisation_id") + 0)
        .filter(owner=organisation.pk)
        .exclude(status=FlowStatus.RETIRED)
        .exclude(source__lifecycle=Lifecycle.RETIRED)
        .exclude(target__lifecycle=Lifecycle.RETIRED)
        .order_by()
    )


@dataclass(frozen=True)
class MapPart:
    systems: tuple[snap.System, ...]
    integrations: tuple[snap.Integration, ...]


@dataclass(frozen=True)
class Neighbourhood(MapPart):
    neighbours: int  # direct neighbours on the map
    drawn_neighbours: int  # of them drawn: those with the most flows, up to the map's limit
    second_ring: int  # systems two flows away drawn (0: none, or too many to draw)


def neighbourhood(organisation: Organisation, centre: System, limit: int) -> Neighbourhood:
    """`centre`, its direct neighbours and, if the whole stays small, the systems two flows
    away, with every flow between them."""
    flows = flows_on_map(organisation)
    touching = raw_rows(
        flows.filter(Q(source_id=centre.pk) | Q(target_id=centre.pk)).values_list(
            "source_id", "target_id"
        )
    )
    counts = Counter(end for row in touching for end in row if end != centre.pk)
    ranked = sorted(counts, key=lambda pk: (-counts[pk], pk))
    direct = ranked[: max(limit - 1, 0)]
    shown = {centre.pk, *direct}
    second = _second_ring(flows, direct, shown, min(limit, SECOND_RING_UP_TO))
    shown |= second
    part = _part(organisation, shown, flows)
    return Neighbourhood(
        systems=part.systems,
        integrations=part.integrations,
        neighbours=len(counts),
        drawn_neighbours=len(direct),
        second_ring=len(second),
    )


def _second_ring(flows: QuerySet, direct: list[int], shown: set[int], up_to: int) -> set[int]:
    if not direct or len(shown) >= up_to:
        return set()
    rows = raw_rows(
        flows.filter(Q(source_id__in=direct) | Q(target_id__in=direct)).values_list(
            "source_id", "target_id"
        )[: SECOND_RING_ROWS + 1]
    )
    if len(rows) > SECOND_RING_ROWS:
        return set()
    second = {end for row in rows for end in row} - shown
    return second if len(shown) + len(second) <= up_to else set()


def group_systems(organisation: Organisation, by: str, group_id: int | None) -> QuerySet:
    """The systems on the map of one department (capability); of none when `group_id` is None."""
    field = "departments" if by == BY_DEPARTMENT else "capabilities"
    systems = systems_on_map(organisation)
    if group_id is None:
        return systems.filter(**{f"{field}__isnull": True})
    return systems.filter(**{field: group_id})


def group_part(organisation: Organisation, system_ids: list[int]) -> MapPart:
    """A group's systems (a few hundred at most) and the flows between them."""
    return _part(organisation, set(system_ids), flows_on_map(organisation))


def _part(organisation: Organisation, shown: set[int], flows: QuerySet) -> MapPart:
    between = flows.filter(source_id__in=shown, target_id__in=shown)
    carried = carried_data_objects(organisation, between.values("pk"))
    return MapPart(
        systems=system_records(organisation, ids=shown),
        integrations=records_of(between, carried),
    )
