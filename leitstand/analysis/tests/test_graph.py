"""Direction: if A sends data to B, B depends on A; A's blast radius contains B."""

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis import graph

edges_strategy = st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=80)


def test_receiver_depends_on_sender():
    flows = graph.build_graph([1, 2, 3], [(1, 2), (2, 3)])
    assert graph.blast_radius(flows, 1) == {2, 3}
    assert graph.blast_radius(flows, 3) == set()
    assert graph.depends_on(flows, 3) == {1, 2}
    assert graph.blast_radius_sizes(flows) == {1: 2, 2: 1, 3: 0}


def test_cycles_terminate_and_share_their_reach():
    flows = graph.build_graph([1, 2, 3, 4], [(1, 2), (2, 3), (3, 1), (3, 4)])
    assert graph.blast_radius(flows, 2) == {1, 3, 4}
    assert graph.blast_radius_sizes(flows) == {1: 3, 2: 3, 3: 3, 4: 0}
    components = graph.strongly_connected_components(flows)
    assert sorted(map(sorted, components)) == [[1, 2, 3], [4]]
    assert components.index([4]) < [sorted(c) for c in components].index([1, 2, 3])


def test_isolated_systems_have_no_flows():
    flows = graph.build_graph([1, 2, 3, 4], [(1, 2), (2, 1)])
    assert graph.isolated_systems(flows) == (3, 4)


def test_self_loops_and_unknown_systems_are_ignored():
    flows = graph.build_graph([1, 2], [(1, 1), (1, 9)])
    assert graph.isolated_systems(flows) == (1, 2)


def test_a_long_chain_needs_no_recursion():
    nodes = list(range(5000))
    flows = graph.build_graph(nodes, [(i, i + 1) for i in range(4999)] + [(4999, 0)])
    sizes = graph.blast_radius_sizes(flows)
    assert set(sizes.values()) == {4999}


def _nodes(edges):
    return sorted({n for edge in edges for n in edge} | {0})


@settings(max_examples=150)
@given(edges_strategy)
def test_blast_radius_contains_every_receiver(edges):
    flows = graph.build_graph(_nodes(edges), edges)
    for source, target in edges:
        if source != target:
            assert target in graph.blast_radius(flows, source)
            assert source in graph.depends_on(flows, target)


@settings(max_examples=150)
@given(edges_strategy)
def test_bitset_sizes_match_a_search_from_each_system(edges):
    flows = graph.build_graph(_nodes(edges), edges)
    sizes = graph.blast_radius_sizes(flows)
    for node in flows.nodes:
        assert sizes[node] == len(graph.blast_radius(flows, node))


@given(edges_strategy)
def test_blast_radius_is_transitive(edges):
    flows = graph.build_graph(_nodes(edges), edges)
    for node in flows.nodes:
        reached = graph.blast_radius(flows, node)
        for other in reached:
            assert graph.blast_radius(flows, other) - {node} <= reached
