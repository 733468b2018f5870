"""Dependencies through data flows.

Direction: if A sends data to B (an integration with source A and target B), then B depends
on A. The blast radius of A is every system that depends on A, directly or through others:
all systems reachable from A along the flows, A itself excluded. Cycles are allowed.

For many systems, the sizes of all blast radii come from one pass: strongly connected
components (systems in a cycle share their reach) are condensed, then reachability is
propagated from the sinks upwards as Python integers used as bitsets, one bit per system.
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class FlowGraph:
    nodes: tuple[int, ...]
    successors: dict[int, list[int]]  # systems that receive data from the key

    @cached_property
    def predecessors(self) -> dict[int, list[int]]:
        """Systems that send data to the key."""
        sources: dict[int, list[int]] = {node: [] for node in self.nodes}
        for node, targets in self.successors.items():
            for target in targets:
                sources[target].append(node)
        return sources


def build_graph(system_ids: Iterable[int], flows: Iterable[tuple[int, int]]) -> FlowGraph:
    """Nodes are systems; an edge (source, target) per distinct flow direction."""
    nodes = tuple(dict.fromkeys(system_ids))
    targets: dict[int, set[int]] = {node: set() for node in nodes}
    for source, target in flows:
        if source != target and source in targets and target in targets:
            targets[source].add(target)
    return FlowGraph(nodes=nodes, successors={node: list(t) for node, t in targets.items()})


def _reachable(start: int, neighbours: dict[int, list[int]]) -> frozenset[int]:
    seen = {start}
    queue = deque([start])
    while queue:
        for following in neighbours[queue.popleft()]:
            if following not in seen:
                seen.add(following)
                queue.append(following)
    seen.discard(start)
    return frozenset(seen)


def blast_radius(graph: FlowGraph, system_id: int) -> frozenset[int]:
    """Every system that depends on `system_id`, directly or indirectly."""
    return _reachable(system_id, graph.successors)


def depends_on(graph: FlowGraph, system_id: int) -> frozenset[int]:
    """Every system whose data reaches `system_id`, directly or indirectly."""
    return _reachable(system_id, graph.predecessors)


def isolated_systems(graph: FlowGraph) -> tuple[int, ...]:
    """Systems that neither send nor receive data."""
    connected = {target for targets in graph.successors.values() for target in targets}
    connected.update(node for node, targets in graph.successors.items() if targets)
    return tuple(node for node in graph.nodes if node not in connected)


def strongly_connected_components(graph: FlowGraph) -> list[list[int]]:
    """Tarjan's algorithm without recursion; components come sinks first (reverse topological).

    Works on positions 0..n-1 in lists rather than on ids in dicts: a third faster at 10,000
    systems and 50,000 flows.
    """
    nodes = graph.nodes
    position = {node: number for number, node in enumerate(nodes)}
    adjacency = [[position[target] for target in graph.successors[node]] for node in nodes]
    count = len(nodes)
    index, low, on_stack = [-1] * count, [0] * count, [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(adjacency[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if index[child] < 0:  # not visited: descend, come back to `children` later
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, iter(adjacency[child])))
                    break
                if on_stack[child] and index[child] < low[node]:
                    low[node] = index[child]
            else:  # every child done
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[node] < low[parent]:
                        low[parent] = low[node]
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component.append(nodes[member])
                        if member == node:
                            break
                    components.append(component)
    return components


def component_numbers(components: list[list[int]]) -> dict[int, int]:
    """Which component (index into `components`) each system belongs to."""
    return {member: number for number, members in enumerate(components) for member in members}


def blast_radius_sizes(
    graph: FlowGraph, components: list[list[int]] | None = None
) -> dict[int, int]:
    """For every system, how many systems depend on it (the size of its blast radius)."""
    if components is None:
        components = strongly_connected_components(graph)
    bit = {node: 1 << position for position, node in enumerate(graph.nodes)}
    component_of = component_numbers(components)
    successors = graph.successors
    reach: list[int] = [0] * len(components)
    for number, members in enumerate(components):  # sinks first: successors are done
        bits = 0
        for member in members:
            bits |= bit[member]
        downstream = {component_of[s] for member in members for s in successors[member]}
        downstream.discard(number)
        for other in downstream:
            bits |= reach[other]
        reach[number] = bits
    return {node: reach[component_of[node]].bit_count() - 1 for node in graph.nodes}
