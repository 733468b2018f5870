from decimal import Decimal

import pytest

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.analysis.messages import MESSAGE_KEYS, Message
from leitstand.analysis.snapshot import System
from leitstand.analysis.tests.builders import flow, landscape
from leitstand.analysis.vocabulary import Severity


def _kinds(analysis):
    return [finding.kind for finding in analysis.findings]


def test_manual_transfers_are_findings_with_hours_and_euros_largest_first():
    snapshot = landscape(
        [System(i, f"S{i}", annual_cost=Decimal(0), personal_data=False) for i in range(1, 5)],
        [
            flow(1, 1, 2, runs="40", minutes="17", error="3", fix="15"),
            flow(2, 2, 3, runs="1", minutes="5"),
            flow(3, 3, 4, method="api", minutes=None),
            flow(4, 1, 4, method="file", runs="1", minutes="20"),
        ],
    )
    analysis = analyze(snapshot)
    transfers = [f for f in analysis.findings if f.kind == Kind.MANUAL_TRANSFER]
    assert [f.subjects[0].id for f in transfers] == [1, 4, 2]
    biggest = transfers[0]
    assert biggest.severity is Severity.HIGH
    assert biggest.hours_per_year.quantize(Decimal("0.1")) == Decimal("2559.3")
    assert biggest.eur_per_year.quantize(Decimal(1)) == 115170
    keys = [message.key for message in biggest.explanation]
    assert keys == [
        "flow.summary",
        "runs.day",
        "effort.manual",
        "effort.errors",
        "effort.eur_with_errors",
    ]
    assert biggest.action.key == "action.automate_transfer"


def test_data_mastered_twice_and_moved_only_by_hand():
    snapshot = landscape(
        [System(i, f"S{i}") for i in range(1, 4)],
        [flow(1, 1, 2, data=(1,)), flow(2, 2, 3, method="api", data=(2,))],
        masters=[(1, 1), (1, 2), (2, 3)],
    )
    analysis = analyze(snapshot)
    multi = [f for f in analysis.findings if f.kind == Kind.MULTI_MASTER]
    assert [(f.subjects[0].id, [s.id for s in f.subjects[1:]]) for f in multi] == [(1, [1, 2])]
    manual_only = [f for f in analysis.findings if f.kind == Kind.MANUAL_ONLY_DATA]
    assert [f.subjects[0].id for f in manual_only] == [1]


def test_shadow_it_with_personal_data_outside_the_eu_is_high():
    snapshot = landscape(
        [
            System(
                1, "Private CRM", centrally_managed=False, personal_data=True, jurisdiction="non_eu"
            ),
            System(2, "Sheet", centrally_managed=False, personal_data=True, jurisdiction="eu"),
            System(3, "Photos", centrally_managed=False, personal_data=False),
        ]
    )
    found = {
        f.subjects[0].id: f.severity
        for f in analyze(snapshot).findings
        if f.kind == Kind.SHADOW_IT_PERSONAL_DATA
    }
    assert found == {1: Severity.HIGH, 2: Severity.MEDIUM}


def test_unknown_management_is_neither_shadow_it_nor_managed_and_is_one_gap():
    snapshot = landscape(
        [
            System(
                1, "Private CRM", centrally_managed=None, personal_data=True, capability_ids=(1,)
            ),
            System(2, "Shop", centrally_managed=None, personal_data=False, capability_ids=(1,)),
            System(3, "ERP", centrally_managed=True, personal_data=True, capability_ids=(1,)),
            System(4, "Old", centrally_managed=None, lifecycle="retired", capability_ids=(1,)),
        ]
    )
    analysis = analyze(snapshot)
    assert Kind.SHADOW_IT_PERSONAL_DATA not in _kinds(analysis)
    gaps = [gap for gap in analysis.data_gaps if gap.field == "management_unknown"]
    assert [[subject.id for subject in gap.subjects] for gap in gaps] == [[1, 2]]
    assert gaps[0].message.params["count"].value == 2


def test_hub_and_isolated_systems():
    snapshot = landscape(
        [System(i, f"S{i}") for i in range(1, 7)],
        [flow(1, 1, 2, method="api"), flow(2, 1, 3, method="api"), flow(3, 3, 4, method="api")],
    )
    analysis = analyze(snapshot)
    hubs = [f for f in analysis.findings if f.kind == Kind.DEPENDENCY_HUB]
    assert [f.subjects[0].id for f in hubs] == [1]
    isolated = [f for f in analysis.findings if f.kind == Kind.ISOLATED_SYSTEMS]
    assert [s.id for s in isolated[0].subjects] == [5, 6]
    assert analysis.blast_radius_sizes[1] == 3


def test_gaps_are_listed_never_counted_as_zero():
    snapshot = landscape(
        [System(1, "A", annual_cost=None, personal_data=None), System(2, "B")],
        [flow(1, 1, 2, runs=None), flow(2, 2, 1, data=(3,))],
    )
    analysis = analyze(snapshot)
    fields = sorted(gap.field for gap in analysis.data_gaps)
    assert fields == [
        "annual_cost",
        "annual_cost",
        "master",
        "personal_data",
        "personal_data",
        "runs_per_period",
    ]
    assert analysis.totals.left_out == 1
    assert analysis.totals.manual_hours == 220  # only flow 2: 10 x 220 x 6 / 60


def test_planned_and_retired_flows_do_not_count():
    snapshot = landscape(
        [System(1, "A"), System(2, "B")],
        [flow(1, 1, 2, status="planned"), flow(2, 1, 2, status="retired")],
    )
    analysis = analyze(snapshot)
    assert analysis.totals.manual_hours == 0
    assert Kind.MANUAL_TRANSFER not in _kinds(analysis)
    assert analysis.isolated_system_ids == (1, 2)


def test_findings_rank_by_severity_then_money():
    snapshot = landscape(
        [System(i, f"S{i}", personal_data=False, annual_cost=Decimal(1)) for i in range(1, 5)],
        [flow(1, 1, 2, runs="1", minutes="1"), flow(2, 3, 4, runs="40", minutes="30")],
    )
    findings = analyze(snapshot).findings
    ranks = [(-f.severity.rank, -(f.eur_per_year or 0)) for f in findings]
    assert ranks == sorted(ranks)


def test_unknown_message_keys_fail_early():
    with pytest.raises(ValueError):
        Message("no.such.key")
    assert "flow.summary" in MESSAGE_KEYS


def test_empty_landscape():
    analysis = analyze(landscape([]))
    assert analysis.findings == ()
    assert analysis.totals.manual_hours == 0
