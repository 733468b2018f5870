"""Every quick win without new technology (issue 16, point 8): unneeded steps as capacity,
licences of unused systems as cash, deputies as a risk removed, and the first 12 months."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from leitstand.analysis import analyze
from leitstand.analysis.messages import MESSAGE_KEYS
from leitstand.analysis.processes.model import Process, ProcessStep
from leitstand.analysis.quick_win_list import QuickWinKind, licence_start, months_counted
from leitstand.analysis.snapshot import Capability, Person, Snapshot, System, Vendor
from leitstand.analysis.tests.builders import SETTINGS, flow

D = Decimal
TODAY = date(2026, 12, 7)


def _snapshot(**fields) -> Snapshot:
    return Snapshot(settings=SETTINGS, as_of=TODAY, **fields)


def _kinds(snapshot: Snapshot) -> dict:
    return {item.kind: item for item in analyze(snapshot).quick_win_list.items}


def test_an_unneeded_step_is_capacity_its_hours_times_the_labour_cost():
    """30 runs a day x 220 days x 2 min / 60 = 220 h; x 45 EUR = 9,900 EUR a year, from next
    month: 11 of the first 12 months = 9,075 EUR. No cash."""
    steps = (
        ProcessStep(1, "Type it in", 1, minutes_per_run=D(10)),
        ProcessStep(2, "File a paper copy", 2, minutes_per_run=D(2), needed="no"),
    )
    snapshot = _snapshot(processes=(Process(1, "Invoicing", "day", D(30), steps=steps),))
    (item,) = analyze(snapshot).quick_win_list.items
    assert item.kind is QuickWinKind.REMOVE_STEP
    assert item.subject.name == "File a paper copy"
    assert item.action.key == "quick_win.remove_step"
    assert item.hours_per_year == 220
    assert item.capacity_eur_per_year == 9900
    assert item.cash_eur_per_year == 0 and item.cash_from is None
    assert item.capacity_from == date(2027, 1, 1)
    assert item.capacity_first_12_months_eur == 9075
    assert [m.key for m in item.when] == ["quick_win.when.hours"]


def test_a_retired_or_unused_system_that_still_costs_is_cash_a_planned_one_is_not():
    snapshot = _snapshot(
        systems=(
            System(1, "Old fax server", lifecycle="retired", annual_cost=D(1200)),
            System(2, "Seat nobody uses", annual_cost=D(600), user_count=0),
            System(3, "Coming next year", lifecycle="planned", annual_cost=D(5000)),
            System(4, "Retired and free", lifecycle="retired", annual_cost=D(0)),
            System(5, "In use", annual_cost=D(900), user_count=4),
        )
    )
    items = analyze(snapshot).quick_win_list.items
    assert [(i.subject.name, i.action.key) for i in items] == [
        ("Old fax server", "quick_win.end_licence_retired"),
        ("Seat nobody uses", "quick_win.end_licence_unused"),
    ]
    fax = items[0]
    assert fax.cash_eur_per_year == 1200 and fax.hours_per_year == 0
    assert fax.capacity_from is None
    assert fax.cash_first_12_months_eur == 1100  # from next month: 11 x 100


def test_a_licence_ends_with_the_contract_when_notice_is_still_possible():
    vendor = Vendor(1, "Fax AG", contract_end=date(2027, 3, 31), notice_period_months=1)
    start = licence_start(vendor, TODAY)
    assert start.on == date(2027, 4, 1)
    assert start.how.key == "quick_win.when.contract_end"
    assert months_counted(date(2026, 12, 1), start.on) == 8  # Apr to Nov 2027
    snapshot = _snapshot(
        vendors=(vendor,),
        systems=(System(1, "Fax", lifecycle="retired", annual_cost=D(1200), vendor_id=1),),
    )
    (item,) = analyze(snapshot).quick_win_list.items
    assert item.cash_first_12_months_eur == 800


def test_a_missed_notice_deadline_renews_the_contract_for_a_year():
    vendor = Vendor(1, "Fax AG", contract_end=date(2026, 12, 31), notice_period_months=3)
    start = licence_start(vendor, TODAY)
    assert start.how.key == "quick_win.when.renews"
    assert start.on == date(2028, 1, 1)
    assert months_counted(date(2026, 12, 1), start.on) == 0


def test_without_a_contract_end_the_notice_period_counts_from_today():
    start = licence_start(Vendor(1, "Fax AG", notice_period_months=3), TODAY)
    assert start.how.key == "quick_win.when.notice_period"
    assert start.on == date(2027, 4, 1)  # notice today ends it on 7 Mar 2027
    assert licence_start(None, TODAY).on == date(2027, 1, 1)
    assert licence_start(None, TODAY).how.key == "quick_win.when.next_month"
    # A contract end in the past says nothing about the current term.
    assert licence_start(Vendor(1, "V", contract_end=date(2025, 6, 30)), TODAY).on == date(
        2027, 1, 1
    )


def test_a_person_who_alone_runs_critical_systems_gets_a_deputy_without_money():
    snapshot = _snapshot(
        people=(Person(1, "Anna"), Person(2, "Ben")),
        systems=(
            System(1, "ERP", owner_id=1, personal_data=True),
            System(2, "Payroll", owner_id=1, personal_data=True),
            System(3, "Shop", owner_id=2, deputy_id=1, personal_data=True),
        ),
    )
    (item,) = analyze(snapshot).quick_win_list.items
    assert item.kind is QuickWinKind.NAME_DEPUTY
    assert [s.name for s in item.subjects] == ["Anna", "ERP", "Payroll"]
    assert item.eur_per_year == 0 and item.first_12_months_eur == 0
    assert item.cash_from is None and item.capacity_from is None
    assert analyze(snapshot).quick_win_list.risks_removed == 1


def test_cash_and_capacity_are_summed_apart():
    steps = (ProcessStep(1, "Print", 1, minutes_per_run=D(6), needed="no"),)
    snapshot = _snapshot(
        processes=(Process(1, "P", "day", D(10), steps=steps),),
        systems=(System(1, "Old", lifecycle="retired", annual_cost=D(240)),),
    )
    found = analyze(snapshot).quick_win_list
    assert found.cash_eur_per_year == 240
    assert found.hours_per_year == 220  # 10 x 220 x 6 / 60
    assert found.capacity_eur_per_year == 9900
    assert found.eur_per_year == 240 + 9900
    assert found.cash_first_12_months_eur == 220
    assert found.capacity_first_12_months_eur == 9075


def test_a_step_that_is_a_transfer_ending_with_a_retirement_is_not_counted_twice():
    snapshot = _snapshot(
        systems=(
            System(1, "CRM", capability_ids=(1,), annual_cost=D(1000), user_count=10),
            System(2, "Free CRM", capability_ids=(1,), annual_cost=D(0), user_count=2),
        ),
        integrations=(flow(1, 2, 1, runs="10", minutes="6"),),
    )
    snapshot = replace(snapshot, capabilities=(Capability(1, "CRM"),))
    steps = (ProcessStep(1, "Copy to CRM", 1, minutes_per_run=D(6), needed="no", integration_id=1),)
    snapshot = replace(snapshot, processes=(Process(1, "Sales", "day", D(10), steps=steps),))
    found = analyze(snapshot).quick_win_list
    by_kind = {item.kind: item for item in found.items}
    assert by_kind[QuickWinKind.RETIRE_OVERLAP].subject.name == "Free CRM"
    assert by_kind[QuickWinKind.RETIRE_OVERLAP].hours_per_year == 220
    assert by_kind[QuickWinKind.REMOVE_STEP].hours_per_year == 0
    assert by_kind[QuickWinKind.REMOVE_STEP].when[0].key == ("quick_win.when.counted_in_retirement")


def test_every_quick_win_message_has_a_key_the_wording_knows():
    steps = (ProcessStep(1, "Print", 1, minutes_per_run=D(6), needed="no"),)
    snapshot = _snapshot(
        processes=(Process(1, "P", "day", D(10), steps=steps),),
        people=(Person(1, "Anna"),),
        systems=(
            System(1, "Old", lifecycle="retired", annual_cost=D(240)),
            System(2, "ERP", owner_id=1, personal_data=True),
        ),
    )
    for item in analyze(snapshot).quick_win_list.items:
        assert {item.action.key, *(m.key for m in item.when)} <= MESSAGE_KEYS
