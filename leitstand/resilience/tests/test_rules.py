"""The resilience findings and gaps over hand-made snapshots: no database."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.analysis.resilience import figures
from leitstand.analysis.snapshot import Assessment, Person, System, SystemResilienceFacts, Vendor
from leitstand.analysis.tests.builders import landscape
from leitstand.analysis.vocabulary import Severity
from leitstand.core.wording import render, render_all

AS_OF = date(2026, 11, 23)
RESILIENCE_KINDS = {
    Kind.NO_RESTORE_TEST,
    Kind.NO_EMERGENCY_PLAN,
    Kind.MISSING_TWO_FACTOR,
    Kind.END_OF_SUPPORT,
    Kind.SINGLE_PERSON_DEPENDENCY,
    Kind.VENDOR_CONCENTRATION,
    Kind.PERSONAL_DATA_OUTSIDE_EU,
}


def snapshot(systems, resilience=(), criticality=None, people=(), vendors=()):
    """`criticality`: system id -> 1..4 (an assessment)."""
    base = landscape(systems)
    assessments = tuple(
        Assessment(system_id, level, 3, 3, AS_OF)
        for system_id, level in (criticality or {}).items()
    )
    return replace(
        base,
        resilience=tuple(resilience),
        assessments=assessments,
        people=tuple(people),
        vendors=tuple(vendors),
        as_of=AS_OF,
    )


def findings_of(snap, kind):
    return [finding for finding in analyze(snap).findings if finding.kind == kind]


def sys(system_id, **fields):
    fields.setdefault("annual_cost", Decimal(0))
    fields.setdefault("personal_data", False)
    return System(system_id, f"S{system_id}", **fields)


def facts(system_id, **fields):
    return SystemResilienceFacts(system_id, **fields)


# --- critical systems --------------------------------------------------------------------------


def test_critical_from_assessment_or_data_when_not_assessed():
    snap = snapshot(
        [sys(1), sys(2), sys(3, personal_data=True), sys(4), sys(5, lifecycle="retired")],
        criticality={1: 3, 2: 2, 5: 4},
    )
    assert figures.critical_system_ids(snap) == {1, 3}


# --- no restore test ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "key"),
    [
        (facts(1, backup_exists=True), "restore.never"),
        (facts(1, backup_exists=False), "restore.no_backup"),
        (
            facts(1, restore_tested_on=AS_OF - timedelta(days=400), restore_test_ok=True),
            "restore.old",
        ),
        (
            facts(1, restore_tested_on=AS_OF - timedelta(days=3), restore_test_ok=False),
            "restore.failed",
        ),
    ],
)
def test_no_restore_test_explains_why(row, key):
    (finding,) = findings_of(snapshot([sys(1)], [row], {1: 4}), Kind.NO_RESTORE_TEST)
    assert finding.severity is Severity.HIGH
    assert [m.key for m in finding.explanation] == [key, "restore.critical"]
    assert finding.action.key == "action.test_restore"
    assert render_all(finding.explanation)


def test_recent_good_restore_test_is_no_finding():
    row = facts(1, restore_tested_on=AS_OF - timedelta(days=30), restore_test_ok=True)
    assert findings_of(snapshot([sys(1)], [row], {1: 4}), Kind.NO_RESTORE_TEST) == []


def test_restore_finding_only_for_critical_or_data_holding_systems():
    rows = [facts(1, backup_exists=True), facts(2, backup_exists=True)]
    snap = snapshot([sys(1), sys(2, personal_data=True)], rows, {1: 1, 2: 1})
    (finding,) = findings_of(snap, Kind.NO_RESTORE_TEST)
    assert finding.subjects[0].id == 2
    assert finding.severity is Severity.MEDIUM
    assert finding.explanation[1].key == "restore.holds_data"


def test_critical_system_without_facts_is_a_gap_not_a_finding():
    analysis = analyze(snapshot([sys(1)], [], {1: 4}))
    assert not [f for f in analysis.findings if f.kind in RESILIENCE_KINDS]
    assert [(gap.field, gap.subjects[0].id) for gap in analysis.data_gaps] == [
        ("resilience", 1),
        ("owner", 1),
    ]
    assert "Nothing is recorded" in render(analysis.data_gaps[0].message)


# --- emergency plan ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "severity", "key"),
    [
        (facts(1, emergency_plan=False), Severity.HIGH, "plan.missing"),
        (facts(1, emergency_plan=True), Severity.MEDIUM, "plan.untested"),
        (
            facts(1, emergency_plan=True, emergency_plan_tested_on=AS_OF - timedelta(days=500)),
            Severity.MEDIUM,
            "plan.old",
        ),
    ],
)
def test_emergency_plan_findings(row, severity, key):
    (finding,) = findings_of(snapshot([sys(1)], [row], {1: 3}), Kind.NO_EMERGENCY_PLAN)
    assert finding.severity is severity
    assert finding.explanation[0].key == key


def test_tested_plan_and_uncritical_systems_are_fine_unknown_is_a_gap():
    rows = [
        facts(1, emergency_plan=True, emergency_plan_tested_on=AS_OF - timedelta(days=10)),
        facts(2, emergency_plan=False),
        facts(3),
    ]
    analysis = analyze(snapshot([sys(1), sys(2), sys(3)], rows, {1: 4, 2: 1, 3: 4}))
    assert not [f for f in analysis.findings if f.kind == Kind.NO_EMERGENCY_PLAN]
    assert ("emergency_plan", 3) in {(g.field, g.subjects[0].id) for g in analysis.data_gaps}


# --- two-factor ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("two_factor", "internet", "expected"),
    [
        ("none", True, Severity.HIGH),
        ("offered", True, Severity.MEDIUM),
        ("enforced", True, None),
        ("none", False, None),
        ("none", None, None),
    ],
)
def test_missing_two_factor(two_factor, internet, expected):
    row = facts(1, two_factor=two_factor, internet_facing=internet)
    found = findings_of(snapshot([sys(1)], [row]), Kind.MISSING_TWO_FACTOR)
    assert [f.severity for f in found] == ([expected] if expected else [])


def test_internet_facing_with_unknown_two_factor_is_a_gap():
    analysis = analyze(snapshot([sys(1)], [facts(1, internet_facing=True)]))
    assert [(g.field, g.subjects[0].id) for g in analysis.data_gaps] == [("two_factor", 1)]


# --- end of support ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "critical", "expected", "key"),
    [
        (AS_OF - timedelta(days=1), 4, Severity.HIGH, "support.past"),
        (AS_OF - timedelta(days=1), 1, Severity.MEDIUM, "support.past"),
        (AS_OF + timedelta(days=200), 4, Severity.MEDIUM, "support.soon"),
        (AS_OF + timedelta(days=400), 4, None, None),
        (None, 4, None, None),
    ],
)
def test_end_of_support(end, critical, expected, key):
    snap = snapshot([sys(1, end_of_support=end)], [facts(1, emergency_plan=True)], {1: critical})
    found = findings_of(snap, Kind.END_OF_SUPPORT)
    assert [f.severity for f in found] == ([expected] if expected else [])
    if found:
        assert found[0].explanation[0].key == key


def test_retired_system_past_support_is_no_finding():
    snap = snapshot([sys(1, lifecycle="retired", end_of_support=AS_OF - timedelta(days=9))])
    assert findings_of(snap, Kind.END_OF_SUPPORT) == []


# --- single-person dependency --------------------------------------------------------------


def test_single_person_dependency_per_person():
    people = [Person(7, "Thomas"), Person(8, "Deputy")]
    systems = [
        sys(1, owner_id=7),
        sys(2, owner_id=7),
        sys(3, owner_id=7, deputy_id=8),
        sys(4, owner_id=8),  # not critical
    ]
    snap = snapshot(systems, criticality={1: 4, 2: 3, 3: 4, 4: 1}, people=people)
    (finding,) = findings_of(snap, Kind.SINGLE_PERSON_DEPENDENCY)
    assert finding.severity is Severity.HIGH
    assert [(s.type, s.id) for s in finding.subjects] == [
        ("person", 7),
        ("system", 1),
        ("system", 2),
    ]
    assert "Only Thomas can run the 2 critical systems S1, S2" in render_all(finding.explanation)


def test_one_system_alone_is_medium():
    snap = snapshot([sys(1, owner_id=7)], criticality={1: 4}, people=[Person(7, "Ann")])
    (finding,) = findings_of(snap, Kind.SINGLE_PERSON_DEPENDENCY)
    assert finding.severity is Severity.MEDIUM


# --- vendor concentration ------------------------------------------------------------------


def test_vendor_concentration_shows_shares_and_threshold():
    vendors = [Vendor(1, "BigSoft"), Vendor(2, "Small")]
    systems = [
        sys(1, vendor_id=1, annual_cost=Decimal(6000)),
        sys(2, vendor_id=1, annual_cost=Decimal(2000)),
        sys(3, vendor_id=2, annual_cost=Decimal(2000)),
        sys(4, annual_cost=Decimal(0)),
    ]
    snap = snapshot(systems, criticality={1: 4, 2: 4, 3: 4, 4: 4}, vendors=vendors)
    (finding,) = findings_of(snap, Kind.VENDOR_CONCENTRATION)
    assert finding.subjects[0].name == "BigSoft"
    assert finding.severity is Severity.HIGH  # 80 % of the cost
    assert finding.eur_per_year == Decimal(8000)
    text = render_all(finding.explanation)
    assert "2 of 4 critical systems = 50%" in text
    assert "80%" in text and "40%" in text


def test_one_system_is_no_concentration():
    snap = snapshot(
        [sys(1, vendor_id=1, annual_cost=Decimal(9000)), sys(2, annual_cost=Decimal(1000))],
        criticality={1: 4, 2: 4},
        vendors=[Vendor(1, "Solo")],
    )
    assert findings_of(snap, Kind.VENDOR_CONCENTRATION) == []


@given(
    costs=st.lists(st.integers(0, 100_000), min_size=1, max_size=12),
    vendor_of=st.lists(st.sampled_from([None, 1, 2, 3]), min_size=12, max_size=12),
    critical=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_vendor_shares_add_up(costs, vendor_of, critical):
    systems = [
        sys(i + 1, vendor_id=vendor_of[i], annual_cost=Decimal(cost))
        for i, cost in enumerate(costs)
    ]
    snap = snapshot(systems)
    critical_ids = frozenset(i + 1 for i in range(len(costs)) if critical[i])
    shares = figures.vendor_shares(snap, critical_ids)
    assert sum(share.cost_eur for share in shares) <= sum(Decimal(c) for c in costs)
    assert sum(len(share.critical_ids) for share in shares) <= len(critical_ids)
    for share in shares:
        assert share.cost_percent is None or 0 <= share.cost_percent <= 100
        assert share.critical_percent is None or 0 <= share.critical_percent <= 100
        assert share.concentrated == (
            len(share.system_ids) >= 2 and share.top_percent >= figures.CONCENTRATION_PERCENT
        )


# --- personal data outside the EU ----------------------------------------------------------


@pytest.mark.parametrize(
    ("system_jurisdiction", "vendor_jurisdiction", "personal", "expected"),
    [
        ("non_eu", "eu", True, True),
        ("", "non_eu", True, True),  # the vendor's, when the system's is not given
        ("eu", "non_eu", True, False),  # the system's own hosting wins
        ("non_eu", "", False, False),
        ("non_eu", "", None, False),
    ],
)
def test_personal_data_outside_eu(system_jurisdiction, vendor_jurisdiction, personal, expected):
    snap = snapshot(
        [sys(1, jurisdiction=system_jurisdiction, vendor_id=1, personal_data=personal)],
        vendors=[Vendor(1, "V", vendor_jurisdiction)],
    )
    found = findings_of(snap, Kind.PERSONAL_DATA_OUTSIDE_EU)
    assert bool(found) is expected
    if found:
        assert found[0].severity is Severity.MEDIUM
        assert "outside the EU" in render_all(found[0].explanation)


# --- traffic lights ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "aspect", "light"),
    [
        (None, "backup", "unknown"),
        (facts(1, backup_exists=False), "backup", "bad"),
        (facts(1, backup_exists=True), "backup", "ok"),
        (
            facts(
                1,
                backup_copies=3,
                backup_media=2,
                backup_offsite=True,
                backup_offline=False,
                restore_tested_on=AS_OF,
                restore_test_ok=True,
            ),
            "rule",
            "warn",
        ),
        (facts(1, backup_copies=1, backup_media=1, backup_offsite=False), "rule", "bad"),
        (facts(1, backup_exists=True), "restore", "bad"),
        (facts(1, two_factor="offered"), "two_factor", "warn"),
        (facts(1, two_factor="none", internet_facing=True), "two_factor", "bad"),
        (facts(1, updates_behind="weeks"), "updates", "warn"),
        (facts(1, updates_behind="years"), "updates", "bad"),
        (facts(1, emergency_plan=True), "emergency_plan", "warn"),
        (facts(1, emergency_plan=False), "emergency_plan", "bad"),
    ],
)
def test_lights(row, aspect, light):
    assert figures.system_lights(sys(1), row, AS_OF)[aspect] == light


def test_support_light():
    lights = figures.system_lights(sys(1, end_of_support=AS_OF - timedelta(days=1)), None, AS_OF)
    assert lights["support"] == "bad"
    assert set(lights) == set(figures.ASPECTS)


def test_many_critical_systems_without_facts_make_one_gap_not_thousands():
    systems = [sys(i, owner_id=None) for i in range(1, 21)]
    analysis = analyze(snapshot(systems, [], {i: 4 for i in range(1, 21)}))
    gaps = {gap.field: gap for gap in analysis.data_gaps}
    assert set(gaps) == {"resilience", "owner"}
    assert len(gaps["resilience"].subjects) == 20
    text = render(gaps["resilience"].message)
    assert text.startswith("Nothing is recorded about the backups and emergency plans of 20")
    assert text.endswith("S8, ….")
