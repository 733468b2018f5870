"""Everything the rules read, computed once per analysis from the snapshot."""

from dataclasses import dataclass
from functools import cached_property

from leitstand.analysis import graph, masters, names, overlaps
from leitstand.analysis.continuity.outage import Continuity, gather_continuity
from leitstand.analysis.costs import (
    IntegrationFigures,
    ManualTotals,
    figures_by_integration,
    manual_totals,
)
from leitstand.analysis.findings import Subject
from leitstand.analysis.processes.facts import ProcessFacts, gather_process_facts
from leitstand.analysis.resilience import figures as resilience
from leitstand.analysis.snapshot import Integration, Snapshot

#: Kinds that are not "isolated" without flows: infrastructure (a NAS, the backup software, the
#: firewall) protects or carries the others, a device class feeds through its application, a
#: suite is used by people. Never suggested for retirement on that ground (DOMAIN.md, kinds).
NOT_ISOLATED_KINDS = frozenset({"infrastructure", "device", "suite", "authority_portal"})


@dataclass(frozen=True)
class Facts:
    snapshot: Snapshot
    figures: dict[int, IntegrationFigures]  # every integration, planned and retired too
    totals: ManualTotals  # active integrations only
    flow_graph: graph.FlowGraph  # active integrations only
    blast_radius_sizes: dict[int, int]
    components: list[list[int]]  # systems in a loop of flows share one; sinks first
    isolated_system_ids: tuple[int, ...]  # applications, files in operation without active flows
    overlaps: tuple[overlaps.OverlapGroup, ...]
    similar_names: tuple[names.SimilarNames, ...]
    multi_mastered: tuple[masters.MultiMaster, ...]
    manual_only: tuple[masters.ManualOnly, ...]
    unmastered: tuple[tuple[int, int], ...]

    @cached_property
    def system_subjects(self) -> dict[int, Subject]:
        """One shared Subject per system, for the many findings that name systems."""
        return {
            system.id: Subject("system", system.id, system.name) for system in self.snapshot.systems
        }

    @cached_property
    def processes(self) -> ProcessFacts:
        """Process figures and automation candidates; integrations carry linked steps' work."""
        return gather_process_facts(self.snapshot, self.figures)

    @cached_property
    def continuity(self) -> Continuity:
        """Outage cost, RTO and RPO per system from the processes that need it (through
        automated flows often enough, leitstand.analysis.continuity)."""
        return gather_continuity(self.snapshot)

    @cached_property
    def critical_system_ids(self) -> frozenset[int]:
        """Critical systems in operation (analysis.resilience.figures explains the rule)."""
        return resilience.critical_system_ids(self.snapshot)

    def flow_subject(self, integration: Integration) -> Subject:
        source = self.system_subjects[integration.source_id].name
        target = self.system_subjects[integration.target_id].name
        return Subject("integration", integration.id, f"{source} → {target}")

    def active_figures(self) -> list[IntegrationFigures]:
        return [self.figures[integration.id] for integration in self.snapshot.active_integrations]


def gather_facts(snapshot: Snapshot) -> Facts:
    figures = figures_by_integration(snapshot.integrations, snapshot.settings)
    active = [figures[integration.id] for integration in snapshot.active_integrations]
    flow_graph = graph.build_graph(
        (system.id for system in snapshot.systems),
        ((flow.source_id, flow.target_id) for flow in snapshot.active_integrations),
    )
    components = graph.strongly_connected_components(flow_graph)
    carried = masters.flows_by_data_object(snapshot)
    isolated = tuple(
        system_id
        for system_id in graph.isolated_systems(flow_graph)
        if snapshot.system_by_id[system_id].in_operation
        and snapshot.system_by_id[system_id].kind not in NOT_ISOLATED_KINDS
    )
    return Facts(
        snapshot=snapshot,
        figures=figures,
        totals=manual_totals(active, snapshot.settings),
        flow_graph=flow_graph,
        blast_radius_sizes=graph.blast_radius_sizes(flow_graph, components),
        components=components,
        isolated_system_ids=isolated,
        overlaps=overlaps.overlap_groups(snapshot, figures),
        similar_names=names.similar_system_names(snapshot.systems),
        multi_mastered=masters.multi_mastered(snapshot),
        manual_only=masters.manual_only_data_objects(carried, figures),
        unmastered=masters.unmastered_in_flows(snapshot, carried),
    )
