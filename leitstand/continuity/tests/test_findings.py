"""The continuity findings (rendered in English): RTO gap, RPO gap, high outage cost without a
recovery plan."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.analysis.snapshot import SystemResilienceFacts
from leitstand.analysis.tests.test_continuity import FLOWS, impact, process, snapshot
from leitstand.core.wording import render, render_all

D = Decimal
AS_OF = date(2026, 11, 23)
RECENT = date(2026, 6, 1)
LONG_AGO = date(2025, 6, 1)  # more than 12 months before AS_OF


def facts(system_id: int = 1, **fields) -> SystemResilienceFacts:
    return SystemResilienceFacts(system_id=system_id, **fields)


def facts_with_restore_test(
    duration: str = "2", system_id: int = 1, **fields
) -> SystemResilienceFacts:
    defaults = {
        "backup_exists": True,
        "backup_interval_hours": 1,
        "restore_tested_on": RECENT,
        "restore_test_ok": True,
        "restore_duration_hours": D(duration),
        "emergency_plan": True,
        "emergency_plan_tested_on": RECENT,
    }
    return facts(system_id, **{**defaults, **fields})


def findings(kind, resilience=(), impacts=None, processes=None):
    snap = snapshot(
        processes or [process(1, 1, name="Order intake")],
        impacts if impacts is not None else [impact(1, rto_hours=D(4), rpo_hours=D(4))],
        FLOWS,
    )
    snap = replace(snap, resilience=tuple(resilience), as_of=AS_OF)
    return [f for f in analyze(snap).findings if f.kind == kind]


@pytest.mark.parametrize(
    ("resilience", "expected"),
    [
        ([facts_with_restore_test("10")], "took 10.0 h"),  # the restore is slower than the RTO
        ([facts_with_restore_test("4")], None),  # exactly the RTO: no gap
        ([facts_with_restore_test("2")], None),
        ([facts_with_restore_test("2", restore_tested_on=LONG_AGO)], "no successful restore test"),
        ([facts_with_restore_test("2", restore_test_ok=False)], "no successful restore test"),
        ([], "no successful restore test"),  # nothing recorded
    ],
)
def test_rto_gap(resilience, expected):
    found = [f for f in findings(Kind.RTO_GAP, resilience) if f.subjects[0].id == 1]
    if expected is None:
        assert found == []
        return
    (finding,) = found
    assert finding.severity == "high"
    assert [s.type for s in finding.subjects] == ["system", "process"]
    text = render_all(finding.explanation)
    assert expected in text
    assert "within 4.0 h" in text
    assert "set by Order intake (S1)" in text
    assert "S1" in render(finding.action)


def test_an_upstream_system_without_restore_test_is_a_medium_rto_gap():
    found = [
        f for f in findings(Kind.RTO_GAP, [facts_with_restore_test()]) if f.subjects[0].id == 3
    ]
    assert len(found) == 1
    assert found[0].severity == "medium"
    assert "S3 → S2 → S1" in render_all(found[0].explanation)


def test_no_rto_no_rto_gap():
    assert findings(Kind.RTO_GAP, [], impacts=[impact(1, rpo_hours=D(4))]) == []


@pytest.mark.parametrize(
    ("resilience", "expected", "severity"),
    [
        (
            [facts_with_restore_test(backup_interval_hours=24)],
            "backed up only every 24.0 h",
            "medium",
        ),
        ([facts_with_restore_test(backup_interval_hours=4)], None, None),
        (
            [facts_with_restore_test(backup_exists=False, backup_interval_hours=None)],
            "has no backup",
            "high",
        ),
        (
            [facts_with_restore_test(backup_interval_hours=None)],
            None,
            None,
        ),  # not known: no finding
        ([], None, None),
    ],
)
def test_rpo_gap(resilience, expected, severity):
    found = [f for f in findings(Kind.RPO_GAP, resilience) if f.subjects[0].id == 1]
    if expected is None:
        assert found == []
        return
    (finding,) = found
    assert finding.severity == severity
    assert expected in render_all(finding.explanation)


BIG = [impact(1, people_idle=30)]  # 30 x 45 = 1,350 EUR an hour


@pytest.mark.parametrize(
    ("resilience", "impacts", "messages"),
    [
        ([], BIG, ["No successful restore test", "No emergency plan tested"]),
        ([facts_with_restore_test()], BIG, []),
        (
            [facts_with_restore_test(emergency_plan_tested_on=LONG_AGO)],
            BIG,
            ["No emergency plan tested"],
        ),
        ([facts_with_restore_test(restore_test_ok=False)], BIG, ["No successful restore test"]),
        ([], [impact(1, people_idle=20)], []),  # 900 EUR an hour: below the threshold
    ],
)
def test_high_outage_cost_without_recovery_plan(resilience, impacts, messages):
    found = [
        f
        for f in findings(Kind.OUTAGE_WITHOUT_RECOVERY_PLAN, resilience, impacts)
        if f.subjects[0].id == 1
    ]
    if not messages:
        assert found == []
        return
    (finding,) = found
    text = render_all(finding.explanation)
    assert "costs €1,350, above the threshold of €1,000" in text
    for message in messages:
        assert message in text
    assert finding.severity == "high"
