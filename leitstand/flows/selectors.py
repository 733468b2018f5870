"""Reads for the flow pages: figures of listed flows, the map's graph, the capability map."""

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from leitstand.analysis import Analysis
from leitstand.analysis import snapshot as snap
from leitstand.analysis.costs import IntegrationFigures, integration_figures
from leitstand.analysis.explain import explain_effort
from leitstand.analysis.graph import blast_radius
from leitstand.analysis.messages import Message
from leitstand.analysis.vocabulary import IN_OPERATION
from leitstand.flows.models import DataObject, Integration
from leitstand.inventory.models import Capability, Department, System
from leitstand.landscape.cache import cached_for_landscape
from leitstand.landscape.snapshot import organisation_settings
from leitstand.tenancy.models import Organisation


def with_relations(queryset: QuerySet) -> QuerySet:
    """Integrations with their systems and data objects, for lists (three queries)."""
    return queryset.select_related(
        "organisation", "source__organisation", "target__organisation"
    ).prefetch_related(
        Prefetch(
            "data_objects",
            queryset=DataObject.objects.select_related("organisation").order_by("name_en"),
        )
    )


#: Flows a data object's page lists; the integration list, filtered by it, shows them all.
CARRIERS_SHOWN = 100


def carriers_of(data_object: DataObject) -> tuple[list[Integration], int]:
    """The first CARRIERS_SHOWN flows that carry the data object, with their figures, and how
    many there are (a large organisation has thousands per data object)."""
    flows = data_object.integrations.order_by("source__name", "target__name", "pk")
    shown = with_figures(data_object.organisation, with_relations(flows[:CARRIERS_SHOWN]))
    count = len(shown) if len(shown) < CARRIERS_SHOWN else flows.count()
    return shown, count


def with_figures(organisation: Organisation, integrations: Iterable[Integration]) -> list:
    """The integrations, each with `yearly`: its figures by the formulas."""
    integrations = list(integrations)
    figures = figures_for(organisation, integrations)
    for integration in integrations:
        integration.yearly = figures[integration.pk]
    return integrations


def as_snapshot_integration(integration: Integration) -> snap.Integration:
    """The analysis' view of one flow; `data_objects` should be prefetched."""
    return snap.Integration(
        id=integration.pk,
        source_id=integration.source_id,
        target_id=integration.target_id,
        method=integration.method,
        frequency=integration.frequency,
        runs_per_period=integration.runs_per_period,
        minutes_per_run=integration.minutes_per_run,
        error_rate_percent=integration.error_rate_percent,
        minutes_to_fix_error=integration.minutes_to_fix_error,
        status=integration.status,
        data_object_ids=tuple(d.pk for d in integration.data_objects.all()),
    )


def figures_for(
    organisation: Organisation, integrations: Iterable[Integration]
) -> dict[int, IntegrationFigures]:
    """Hours, euros and gaps of each flow, by the organisation's method settings."""
    settings = organisation_settings(organisation)
    return {
        integration.pk: integration_figures(as_snapshot_integration(integration), settings)
        for integration in integrations
    }


def effort_explanation(
    integration: Integration,
) -> tuple[IntegrationFigures, tuple[Message, ...] | None]:
    """A flow's figures and how they were computed (None while its effort is unknown)."""
    flow = as_snapshot_integration(integration)
    settings = organisation_settings(integration.organisation)
    figures = integration_figures(flow, settings)
    if figures.manual_hours is None:
        return figures, None
    snapshot = snap.Snapshot(
        settings=settings,
        systems=(
            snap.System(integration.source_id, integration.source.name),
            snap.System(integration.target_id, integration.target.name),
        ),
        data_objects=tuple(snap.DataObject(d.pk, d.name) for d in integration.data_objects.all()),
        integrations=(flow,),
    )
    return figures, explain_effort(snapshot, flow, figures)


#: A system's page names this many of the systems that depend on it, then says how many more.
DEPENDENTS_LISTED = 30


@dataclass
class Dependents:
    count: int
    systems: list[System] = field(default_factory=list)  # the first DEPENDENTS_LISTED by name

    @property
    def more(self) -> int:
        return self.count - len(self.systems)


def _first_dependents(analysis: Analysis, system_id: int) -> tuple[int, tuple[int, ...]]:
    """How many systems depend on the system, and the ids of the first DEPENDENTS_LISTED of
    them by name: a walk from the one system through the analysis' graph of active flows."""
    reached = blast_radius(analysis.facts.flow_graph, system_id)
    systems = analysis.snapshot.system_by_id
    first = heapq.nsmallest(
        DEPENDENTS_LISTED, reached, key=lambda pk: (systems[pk].name.casefold(), pk)
    )
    return len(reached), tuple(first)


def dependents_of(system: System, analysis: Analysis) -> Dependents:
    """The systems that depend on `system` through active flows (its blast radius).

    Taken from the organisation's analysis, which already holds the graph of active flows and
    is kept between requests (`leitstand.landscape.cache`); the walk from this system is kept
    with it, so the page never reads every flow of the organisation. One query: the listed
    systems.
    """
    if system.pk not in analysis.snapshot.system_by_id:
        return Dependents(count=0)
    count, first = cached_for_landscape(
        system.organisation,
        f"dependents {system.pk}",
        lambda: _first_dependents(analysis, system.pk),
    )
    systems = sorted(
        System.objects.for_org(system.organisation)
        .filter(pk__in=first)
        .select_related("organisation"),
        key=lambda other: (other.name.casefold(), other.pk),
    )
    return Dependents(count=count, systems=systems)


#: Systems a cell of the capability map names; the others are a link to the system list.
CELL_SHOWN = 8


@dataclass
class CapabilityCell:
    """The systems in operation of one capability in one department: the first CELL_SHOWN by
    name (a large organisation has hundreds in a cell), how many there are, and the system
    list's filter that shows them all. Iterating gives the systems shown."""

    systems: list[System]
    count: int
    filter: str

    def __iter__(self):
        return iter(self.systems)

    def __len__(self) -> int:
        return self.count

    @property
    def more(self) -> int:
        return self.count - len(self.systems)


@dataclass
class CapabilityRow:
    capability: Capability
    cells: list[CapabilityCell]  # one per department column, then "no department"
    systems: int

    @property
    def overlap(self) -> bool:
        return self.systems > 1


def _links_in_operation(through, organisation: Organisation) -> list[tuple[int, int]]:
    other = "department_id" if through is System.departments.through else "capability_id"
    return list(
        through.objects.filter(
            system__organisation=organisation, system__lifecycle__in=IN_OPERATION
        ).values_list("system_id", other)
    )


def capability_map(organisation: Organisation) -> tuple[list[Department], list[CapabilityRow]]:
    """Capabilities x departments with the systems in operation in each cell (5 queries)."""
    departments = list(Department.objects.for_org(organisation).select_related("organisation"))
    column = {department.pk: index for index, department in enumerate(departments)}
    names = dict(
        System.objects.for_org(organisation)
        .filter(lifecycle__in=IN_OPERATION)
        .values_list("pk", "name")
    )
    used_in: dict[int, list[int]] = defaultdict(list)
    for system_id, department_id in _links_in_operation(System.departments.through, organisation):
        used_in[system_id].append(department_id)
    by_capability: dict[int, list[int]] = defaultdict(list)
    for system_id, capability_id in _links_in_operation(System.capabilities.through, organisation):
        by_capability[capability_id].append(system_id)
    grid = []  # (capability, [system ids per column, by name])
    capabilities = Capability.objects.for_org(organisation).select_related("organisation")
    for capability in capabilities.filter(pk__in=by_capability):
        cells: list[list[int]] = [[] for _ in range(len(departments) + 1)]
        for system_id in by_capability[capability.pk]:
            for department_id in used_in.get(system_id) or [None]:
                cells[column.get(department_id, len(departments))].append(system_id)
        for cell in cells:
            cell.sort(key=lambda system_id: names[system_id].casefold())
        grid.append((capability, cells))
    shown = {pk for _capability, cells in grid for cell in cells for pk in cell[:CELL_SHOWN]}
    systems = (
        System.objects.for_org(organisation)
        .filter(pk__in=shown)
        .select_related("organisation")
        .in_bulk()
    )
    filters = [f"department={department.pk}" for department in departments]
    filters.append("no_department=true")
    rows = [
        CapabilityRow(
            capability,
            [
                CapabilityCell(
                    [systems[pk] for pk in cell[:CELL_SHOWN]],
                    len(cell),
                    f"in_use=true&capability={capability.pk}&{where}",
                )
                for cell, where in zip(cells, filters, strict=True)
            ],
            len(by_capability[capability.pk]),
        )
        for capability, cells in grid
    ]
    rows.sort(key=lambda row: (-row.systems, row.capability.name.casefold()))
    return departments, rows
