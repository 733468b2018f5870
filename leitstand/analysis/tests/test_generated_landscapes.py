"""Generated landscapes with known answers: the engine finds what it was not told about.

Each landscape is drawn at random; the expected overlaps, manual hours and double masters are
computed here the naive way and compared with the analysis.
"""

from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.analysis.snapshot import System
from leitstand.analysis.tests.builders import flow, landscape

METHODS = ["api", "event", "shared_database", "file", "manual", "spreadsheet", "email", "paper"]
MANUAL = {"manual", "spreadsheet", "email", "paper"}
PERIODS = {"day": 220, "week": 48, "month": 12, "year": 1, "event": 1}


@st.composite
def landscapes(draw):
    count = draw(st.integers(2, 25))
    systems = [
        System(
            id=i,
            name=f"Tool {i}",
            capability_ids=tuple(draw(st.sets(st.integers(1, 6), max_size=2))),
            department_ids=tuple(draw(st.sets(st.integers(1, 3), max_size=2))),
            lifecycle=draw(st.sampled_from(["active", "active", "phase_out", "retired"])),
            annual_cost=Decimal(draw(st.integers(0, 5000))),
            user_count=draw(st.integers(1, 50)),
            personal_data=False,
        )
        for i in range(1, count + 1)
    ]
    flows = []
    for number in range(1, draw(st.integers(0, 40)) + 1):
        source, target = draw(st.tuples(st.integers(1, count), st.integers(1, count)))
        if source == target:
            continue
        flows.append(
            flow(
                number,
                source,
                target,
                method=draw(st.sampled_from(METHODS)),
                runs=str(draw(st.integers(0, 50))),
                minutes=str(draw(st.integers(0, 30))),
                frequency=draw(st.sampled_from(list(PERIODS))),
                status=draw(st.sampled_from(["active", "active", "planned"])),
                data=tuple(draw(st.sets(st.integers(1, 3), max_size=2))),
            )
        )
    masters = draw(st.lists(st.tuples(st.integers(1, 3), st.integers(1, count)), max_size=6))
    return landscape(systems, flows, capabilities=6, masters=list(set(masters)))


def expected_overlaps(snapshot) -> dict[int, set[int]]:
    members = defaultdict(set)
    for system in snapshot.systems:
        if system.lifecycle in ("active", "phase_out"):
            for capability in system.capability_ids:
                members[capability].add(system.id)
    return {capability: ids for capability, ids in members.items() if len(ids) > 1}


def expected_manual_hours(snapshot) -> float:
    total = 0.0
    for f in snapshot.integrations:
        if f.status == "active":
            total += float(f.runs_per_period) * PERIODS[f.frequency] * float(f.minutes_per_run) / 60
    return total


@settings(max_examples=120, deadline=None)
@given(landscapes())
def test_engine_finds_every_overlap(snapshot):
    analysis = analyze(snapshot)
    found = {group.capability_id: set(group.system_ids) for group in analysis.overlaps}
    assert found == expected_overlaps(snapshot)
    overlapping = set().union(*expected_overlaps(snapshot).values()) if found else set()
    assert analysis.overlapping_system_ids == overlapping


@settings(max_examples=120, deadline=None)
@given(landscapes())
def test_engine_adds_up_the_manual_hours(snapshot):
    analysis = analyze(snapshot)
    assert float(analysis.totals.manual_hours) == pytest.approx(expected_manual_hours(snapshot))
    expected = {
        f.id
        for f in snapshot.integrations
        if f.status == "active"
        and f.method in MANUAL | {"file"}
        and f.runs_per_period * f.minutes_per_run > 0
    }
    found = {f.subjects[0].id for f in analysis.findings if f.kind == Kind.MANUAL_TRANSFER}
    assert found == expected


@settings(max_examples=120, deadline=None)
@given(landscapes())
def test_engine_finds_double_masters(snapshot):
    masters = defaultdict(set)
    for master in snapshot.masters:
        masters[master.data_object_id].add(master.system_id)
    expected = {d for d, systems in masters.items() if len(systems) > 1}
    found = {f.subjects[0].id for f in analyze(snapshot).findings if f.kind == Kind.MULTI_MASTER}
    assert found == expected
