"""Business impact and outage cost as pure functions: MTPD from the damage table, RTO/RPO
inheritance through processes and integrations, and the outage-cost formula."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis.continuity.impact import BusinessImpact, damage_field, mtpd_hours
from leitstand.analysis.continuity.outage import (
    automated_feeders,
    feeding_interval,
    gather_continuity,
    process_outage,
    upstream_paths,
)
from leitstand.analysis.processes.model import Process, ProcessStep
from leitstand.analysis.snapshot import Snapshot, System
from leitstand.analysis.tests.builders import SETTINGS, flow

D = Decimal


def process(pid: int, *system_ids: int, name: str = "", **fields) -> Process:
    steps = tuple(
        ProcessStep(id=pid * 100 + n, name=f"step {n}", position=n, system_id=s)
        for n, s in enumerate(system_ids, start=1)
    )
    defaults = {"frequency": "day", "runs_per_period": D(40)}
    return Process(id=pid, name=name or f"P{pid}", steps=steps, **{**defaults, **fields})


def impact(pid: int, **fields) -> BusinessImpact:
    return BusinessImpact(process_id=pid, damage=fields.pop("damage", {}), **fields)


def snapshot(processes=(), impacts=(), flows=(), systems=5) -> Snapshot:
    return Snapshot(
        settings=SETTINGS,
        systems=tuple(System(id=n, name=f"S{n}") for n in range(1, systems + 1)),
        integrations=tuple(flows),
        processes=tuple(processes),
        business_impacts=tuple(impacts),
    )


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, None),
        ({damage_field("money", 1): "normal", damage_field("money", 168): "normal"}, None),
        ({damage_field("money", 4): "high"}, 4),
        ({damage_field("contracts", 24): "very_high", damage_field("money", 72): "high"}, 24),
        ({damage_field("reputation", 1): "high"}, 1),
        ({damage_field("reputation", 168): "very_high"}, 168),
        ({damage_field("money", 1): "low", damage_field("reputation", 72): "high"}, 72),
    ],
)
def test_mtpd_is_the_first_point_any_damage_is_high(cells, expected):
    assert mtpd_hours(cells) == expected


# Systems 1..5; flows 3 -> 2 -> 1 (active, by API ten times a day), 4 -> 1 planned, 5 isolated.
FLOWS = (
    flow(1, 3, 2, method="api"),
    flow(2, 2, 1, method="api"),
    flow(3, 4, 1, method="api", status="planned"),
)


@pytest.mark.parametrize(
    ("processes", "impacts", "system", "rto", "rpo", "set_by", "path"),
    [
        # directly used: the process's own RTO/RPO
        ([process(1, 1)], [impact(1, rto_hours=D(4), rpo_hours=D(8))], 1, D(4), D(8), 1, (1,)),
        # upstream through two active integrations: 3 feeds 2 feeds 1
        ([process(1, 1)], [impact(1, rto_hours=D(4), rpo_hours=D(8))], 3, D(4), D(8), 1, (3, 2, 1)),
        # a planned integration passes nothing on
        ([process(1, 1)], [impact(1, rto_hours=D(4))], 4, None, None, None, None),
        # downstream of the used system inherits nothing
        ([process(1, 3)], [impact(1, rto_hours=D(4))], 1, None, None, None, None),
        # the strictest of two processes wins, each figure on its own
        (
            [process(1, 1), process(2, 2)],
            [impact(1, rto_hours=D(4), rpo_hours=D(24)), impact(2, rto_hours=D(8), rpo_hours=D(1))],
            2,
            D(4),
            D(1),
            None,
            None,
        ),
        # a process without business impact sets nothing
        ([process(1, 1)], [], 1, None, None, None, None),
        # no process uses the isolated system
        ([process(1, 1)], [impact(1, rto_hours=D(4))], 5, None, None, None, None),
    ],
)
def test_systems_inherit_the_strictest_rto_and_rpo(
    processes, impacts, system, rto, rpo, set_by, path
):
    row = gather_continuity(snapshot(processes, impacts, FLOWS)).systems[system]
    assert (row.rto.hours if row.rto else None) == rto
    assert (row.rpo.hours if row.rpo else None) == rpo
    if set_by is not None:
        assert row.rto.process_id == set_by
        assert row.rto.path == path


def feeders_of(*pairs, systems=5):
    flows = [flow(n, s, t, method="api") for n, (s, t) in enumerate(pairs, start=1)]
    return automated_feeders(snapshot(flows=flows, systems=systems))


def test_the_shortest_integration_path_is_reported():
    feeders = feeders_of((3, 2), (2, 1), (3, 1), (4, 3))
    assert upstream_paths(feeders, (1,), D(4)) == {1: (1,), 2: (2, 1), 3: (3, 1), 4: (4, 3, 1)}


def test_loops_of_integrations_end():
    feeders = feeders_of((1, 2), (2, 1), (3, 1), systems=3)
    assert upstream_paths(feeders, (1,), D(4)) == {1: (1,), 2: (2, 1), 3: (3, 1)}


@pytest.mark.parametrize(
    ("fields", "interval"),
    [
        ({"method": "api", "runs": "12"}, D(2)),  # 12 a day: every 2 hours
        ({"method": "api", "runs": "1"}, D(24)),
        ({"method": "api", "runs": "1", "frequency": "week"}, D(168)),
        ({"method": "api", "runs": None}, D(0)),  # unknown is not "rarely"
        ({"method": "event", "runs": "3"}, D(8)),  # a contact form mails 3 times a day
        ({"method": "api", "runs": "365", "frequency": "event"}, D(24)),  # 365 events a year
        ({"method": "shared_database", "runs": "1"}, D(0)),
        ({"method": "file", "runs": "4", "minutes": "0"}, D(6)),  # picked up automatically
        ({"method": "file", "runs": "4", "minutes": "10"}, None),  # a person exports it
        ({"method": "spreadsheet", "runs": "40"}, None),
        ({"method": "manual", "runs": "40"}, None),
        ({"method": "email", "runs": "40"}, None),
        ({"method": "paper", "runs": "40"}, None),
    ],
)
def test_only_automated_flows_feed_a_requirement_on(fields, interval):
    assert feeding_interval(flow(1, 1, 2, **fields)) == interval


def test_manual_transfers_and_rare_flows_pass_no_requirement_on():
    flows = (
        flow(1, 2, 1, method="manual", runs="40"),  # typed in many times a day
        flow(2, 3, 1, method="api", runs="1", frequency="week"),  # once a week
        flow(3, 4, 1, method="api", runs="12"),  # every 2 hours
    )
    snap = snapshot([process(1, 1)], [impact(1, rto_hours=D(4), people_idle=2)], flows)
    continuity = gather_continuity(snap)
    assert continuity.systems[4].rto.path == (4, 1)
    assert continuity.systems[4].eur_per_hour == D(90)
    for system in (2, 3):  # no RTO, no outage cost, and they say so
        assert continuity.systems[system].rto is None
        assert continuity.systems[system].eur_per_hour == 0


def test_a_longer_rto_lets_a_daily_flow_pass_the_requirement():
    flows = (flow(1, 2, 1, method="api", runs="1"),)
    strict = gather_continuity(snapshot([process(1, 1)], [impact(1, rto_hours=D(4))], flows))
    relaxed = gather_continuity(snapshot([process(1, 1)], [impact(1, rto_hours=D(24))], flows))
    assert strict.systems[2].rto is None
    assert relaxed.systems[2].rto.path == (2, 1)


def test_without_an_rto_the_mtpd_decides_and_without_both_only_own_systems():
    flows = (flow(1, 2, 1, method="api", runs="1"),)
    by_mtpd = impact(1, damage={"damage_money_24h": "high"}, people_idle=1)
    mtpd = gather_continuity(snapshot([process(1, 1)], [by_mtpd], flows))
    assert mtpd.systems[2].process_ids == (1,)
    neither = gather_continuity(snapshot([process(1, 1)], [impact(1, people_idle=1)], flows))
    assert neither.systems[2].process_ids == ()


@pytest.mark.parametrize(
    ("fields", "impact_fields", "expected"),
    [
        # 40 runs x 220 days x 350 = 3,080,000 a year / (220 x 10 h) = 1,400 per hour;
        # x 25 % = 350; + 8 people x 45 = 360; + 0 penalties = 710
        (
            {"revenue_per_run": D(350)},
            {"margin_percent": D(25), "people_idle": 8, "operating_hours_per_day": D(10)},
            D(710),
        ),
        # revenue per year given: 1,760,000 / (220 x 8) = 1,000 per hour x 10 % = 100 + 50 penalty
        (
            {"revenue_per_year": D(1760000)},
            {"margin_percent": D(10), "penalty_per_hour": D(50)},
            D(150),
        ),
        # no margin: revenue not counted, idle labour is
        ({"revenue_per_year": D(1760000)}, {"people_idle": 2}, D(90)),
        # no revenue at all: only people and penalties
        ({}, {"margin_percent": D(30), "people_idle": 1, "penalty_per_hour": D(5)}, D(50)),
        # no business impact recorded: nothing is counted
        ({"revenue_per_run": D(350)}, None, D(0)),
    ],
)
def test_outage_cost_per_hour_of_a_process(fields, impact_fields, expected):
    record = impact(1, **impact_fields) if impact_fields is not None else None
    outage = process_outage(process(1, 1, **fields), record, D(45), 220)
    assert outage.eur_per_hour == expected


def test_a_system_costs_the_sum_of_the_processes_it_stops():
    processes = [process(1, 1), process(2, 2)]
    impacts = [impact(1, people_idle=2, rto_hours=D(8)), impact(2, people_idle=3, rto_hours=D(8))]
    continuity = gather_continuity(snapshot(processes, impacts, FLOWS))
    assert continuity.systems[1].eur_per_hour == D(90)  # only P1 uses 1; nothing flows up to 2
    assert continuity.systems[2].eur_per_hour == D(225)  # P2 directly, P1 through 2 -> 1
    assert continuity.systems[3].eur_per_hour == D(225)  # feeds both
    assert set(continuity.systems[3].process_ids) == {1, 2}


def test_a_system_no_process_needs_costs_nothing_and_says_why():
    from leitstand.analysis.continuity.outage import explain_system_outage

    snap = snapshot([process(1, 1)], [impact(1, people_idle=5)], FLOWS)
    continuity = gather_continuity(snap)
    assert continuity.systems[5].eur_per_hour == 0
    assert continuity.systems[5].process_ids == ()
    assert [m.key for m in explain_system_outage(snap, continuity, 5)] == ["outage.none"]


money = st.decimals(min_value=0, max_value=10**7, places=2)
people = st.integers(min_value=0, max_value=500)
margins = st.decimals(min_value=0, max_value=100, places=2)


@given(revenue=money, more=money, margin=margins, idle=people)
def test_outage_cost_grows_with_revenue(revenue, more, margin, idle):
    record = impact(1, margin_percent=margin, people_idle=idle)
    low = process_outage(process(1, 1, revenue_per_year=revenue), record, D(45), 220)
    high = process_outage(process(1, 1, revenue_per_year=revenue + more), record, D(45), 220)
    assert high.eur_per_hour >= low.eur_per_hour >= 0


@given(revenue=money, margin=margins, idle=people, extra=people, penalty=money)
def test_outage_cost_grows_with_people_and_is_never_negative(revenue, margin, idle, extra, penalty):
    def cost(n):
        record = impact(1, margin_percent=margin, people_idle=n, penalty_per_hour=penalty)
        return process_outage(process(1, 1, revenue_per_year=revenue), record, D(45), 220)

    assert cost(idle + extra).eur_per_hour >= cost(idle).eur_per_hour >= 0


@given(st.lists(st.tuples(people, st.integers(1, 5)), max_size=6))
def test_system_cost_is_the_sum_over_processes_and_never_negative(rows):
    processes = [process(n, used) for n, (_, used) in enumerate(rows, start=1)]
    impacts = [impact(n, people_idle=idle) for n, (idle, _) in enumerate(rows, start=1)]
    continuity = gather_continuity(snapshot(processes, impacts, FLOWS))
    for row in continuity.systems.values():
        expected = sum((continuity.outages[p].eur_per_hour for p in row.process_ids), D(0))
        assert row.eur_per_hour == expected >= 0
        if not row.process_ids:
            assert row.eur_per_hour == 0
