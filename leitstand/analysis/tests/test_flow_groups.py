"""The integration map of a large landscape: systems and flows added up by group."""

from decimal import Decimal

from leitstand.analysis.costs import figures_by_integration
from leitstand.analysis.flow_groups import group_flows
from leitstand.analysis.snapshot import Integration, OrganisationSettings

SETTINGS = OrganisationSettings(name="Acme", slug="acme")
SALES, STORE = 1, 2


def _flow(pk, source, target, method="manual", status="active", minutes="6"):
    """10 runs a working day (220 days), `minutes` each, no errors: 220 h a year at 6 min."""
    return Integration(
        id=pk,
        source_id=source,
        target_id=target,
        method=method,
        frequency="day",
        runs_per_period=Decimal(10),
        minutes_per_run=None if minutes is None else Decimal(minutes),
        error_rate_percent=Decimal(0),
        status=status,
    )


def _grouped(members, flows):
    return group_flows(members, flows, figures_by_integration(flows, SETTINGS))


def _links(grouped):
    return {(link.source, link.target, link.category.value): link.figures for link in grouped.links}


def test_groups_are_sized_by_their_systems_and_unassigned_ones_form_a_group():
    grouped = _grouped({10: (SALES,), 11: (SALES, STORE), 12: ()}, [])
    sizes = {group.id: group.systems for group in grouped.groups}
    assert sizes == {SALES: 2, STORE: 1, None: 1}
    assert grouped.groups[0].id == SALES  # most systems first
    assert grouped.systems == 3  # each system once, though one is in two groups


def test_flows_between_groups_add_up_per_method_category_with_their_hours():
    flows = [
        _flow(1, 10, 20),
        _flow(2, 11, 20, method="email"),
        _flow(3, 10, 20, method="api", minutes=None),
        _flow(4, 20, 10),
    ]
    links = _links(_grouped({10: (SALES,), 11: (SALES,), 20: (STORE,)}, flows))
    manual = links[SALES, STORE, "manual"]
    assert (manual.flows, manual.hours, manual.unknown) == (2, Decimal(440), 0)
    automated = links[SALES, STORE, "automated"]
    assert (automated.flows, automated.hours) == (1, Decimal(0))
    assert links[STORE, SALES, "manual"].flows == 1  # the direction is kept
    assert len(links) == 3


def test_a_system_in_two_groups_counts_its_flows_in_each():
    links = _links(_grouped({10: (SALES, STORE), 20: ()}, [_flow(1, 10, 20)]))
    assert links[SALES, None, "manual"].flows == 1
    assert links[STORE, None, "manual"].flows == 1


def test_flows_inside_a_group_are_the_groups_own_not_an_arrow():
    grouped = _grouped({10: (SALES,), 11: (SALES,)}, [_flow(1, 10, 11)])
    assert grouped.links == ()
    (sales,) = grouped.groups
    assert (sales.within.flows, sales.within.hours) == (1, Decimal(220))


def test_planned_flows_are_counted_apart_and_unknown_hours_left_out():
    flows = [
        _flow(1, 10, 20, status="planned"),
        _flow(2, 10, 20, minutes=None),
        _flow(3, 10, 20),
    ]
    link = _links(_grouped({10: (SALES,), 20: (STORE,)}, flows))[SALES, STORE, "manual"]
    assert (link.flows, link.planned, link.unknown, link.hours) == (2, 1, 1, Decimal(220))


def test_flows_of_systems_not_on_the_map_are_left_out():
    grouped = _grouped({10: (SALES,)}, [_flow(1, 10, 99), _flow(2, 99, 10)])
    assert grouped.links == ()
    assert grouped.groups[0].within.flows == 0


def test_links_carrying_most_flows_come_first():
    flows = [_flow(1, 10, 20), _flow(2, 20, 10), _flow(3, 20, 10)]
    grouped = _grouped({10: (SALES,), 20: (STORE,)}, flows)
    assert [(link.source, link.target) for link in grouped.links] == [
        (STORE, SALES),
        (SALES, STORE),
    ]
