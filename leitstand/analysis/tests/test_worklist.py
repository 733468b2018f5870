"""Findings as a working list: identity, groups of the same kind and remedy, reopening."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.analysis.findings import Finding, Subject, stated
from leitstand.analysis.messages import Label, Message
from leitstand.analysis.vocabulary import Severity
from leitstand.analysis.worklist import (
    Status,
    WorkStatus,
    finding_identity,
    group_findings,
    work_status,
)


def plan_finding(system_id: int, action: str = "action.write_plan", eur=None) -> Finding:
    return Finding(
        kind="no_emergency_plan",
        severity=Severity.HIGH,
        subjects=(Subject("system", system_id, f"System {system_id}"),),
        describe=stated(Message(action, {"system": Label(f"System {system_id}")})),
        eur_per_year=eur,
    )


def test_identity_is_kind_and_first_subject_whatever_the_figures():
    before = plan_finding(12, eur=Decimal(100))
    after = plan_finding(12, eur=Decimal(900))
    assert finding_identity(before) == finding_identity(after) == "no_emergency_plan:system:12"


def test_thirteen_systems_without_a_plan_are_one_group_with_one_action():
    findings = [plan_finding(n) for n in range(1, 14)] + [plan_finding(20, "action.test_plan")]
    groups = group_findings(findings)
    assert [(g.kind, g.remedy, g.count) for g in groups] == [
        ("no_emergency_plan", "action.write_plan", 13),
        ("no_emergency_plan", "action.test_plan", 1),
    ]
    assert [s.id for s in groups[0].subjects] == list(range(1, 14))


def test_group_sums_known_figures_and_keeps_unknown_unknown():
    groups = group_findings([plan_finding(1, eur=Decimal(10)), plan_finding(2)])
    assert groups[0].eur_per_year == 10
    assert groups[0].hours_per_year is None
    assert group_findings([plan_finding(1)])[0].eur_per_year is None


@settings(deadline=None)  # timing varies on a shared machine
@given(
    st.lists(
        st.tuples(st.integers(1, 30), st.sampled_from(["action.write_plan", "action.test_plan"]))
    )
)
def test_every_finding_is_in_exactly_one_group(pairs):
    findings = [plan_finding(system, action) for system, action in pairs]
    groups = group_findings(findings)
    assert sum(group.count for group in groups) == len(findings)
    assert len({group.key for group in groups}) == len(groups)


def test_a_done_finding_that_the_data_still_shows_reopens_and_says_so():
    assert work_status("done", present=True) == WorkStatus(Status.OPEN, reopened=True)
    assert work_status("done", present=False) == WorkStatus(Status.DONE, reopened=False)
    assert work_status(None, present=True) == WorkStatus(Status.OPEN, reopened=False)
    assert work_status("accepted", present=True) == WorkStatus(Status.ACCEPTED, reopened=False)
    assert work_status("planned", present=True) == WorkStatus(Status.PLANNED, reopened=False)
