from decimal import Decimal

from leitstand.analysis import analyze
from leitstand.analysis.costs import integration_figures
from leitstand.analysis.findings import Kind
from leitstand.analysis.names import similar_system_names
from leitstand.analysis.overlaps import overlap_groups, overlapping_system_ids
from leitstand.analysis.snapshot import System
from leitstand.analysis.tests.builders import SETTINGS, flow, landscape


def _figures(snapshot):
    return {i.id: integration_figures(i, SETTINGS) for i in snapshot.integrations}


def test_systems_sharing_a_capability_overlap_and_the_saving_adds_cost_and_transfers():
    official = System(
        1, "CRM", capability_ids=(1,), department_ids=(1,), user_count=8, annual_cost=Decimal(4800)
    )
    private = System(
        2,
        "Free CRM",
        capability_ids=(1,),
        department_ids=(1,),
        user_count=1,
        annual_cost=Decimal(300),
        centrally_managed=False,
    )
    other = System(3, "ERP", capability_ids=(2,), department_ids=(1,))
    snapshot = landscape([official, private, other], [flow(1, 2, 1, runs="2", minutes="15")])
    (group,) = overlap_groups(snapshot, _figures(snapshot))
    assert group.capability_id == 1
    assert group.keep_id == 1
    assert group.retire_ids == (2,)
    assert group.within_department
    assert group.licence_saving_eur == 300
    assert group.manual_saving_eur == Decimal(2) * 220 * 15 / 60 * 45
    assert group.saving_eur == group.licence_saving_eur + group.manual_saving_eur
    assert overlapping_system_ids((group,)) == {1, 2}


def test_overlap_across_departments_and_unknown_cost():
    a = System(1, "Trello", capability_ids=(1,), department_ids=(1,), user_count=5)
    b = System(2, "Airtable", capability_ids=(1,), department_ids=(2,), user_count=3)
    (group,) = overlap_groups(landscape([a, b]), {})
    assert not group.within_department
    assert group.department_ids == (1, 2)
    assert group.cost_unknown_ids == (2,)
    assert group.licence_saving_eur == 0


def test_retired_and_planned_systems_do_not_overlap():
    systems = [
        System(1, "Old", capability_ids=(1,), lifecycle="retired"),
        System(2, "New", capability_ids=(1,), lifecycle="planned"),
        System(3, "Now", capability_ids=(1,)),
    ]
    assert overlap_groups(landscape(systems), {}) == ()


def test_similar_names_are_a_second_signal():
    systems = [
        System(1, "HubSpot CRM (Free)"),
        System(2, "HubSpot CRM"),
        System(3, "DATEV Unternehmen online"),
        System(4, "DATEV Lohn und Gehalt"),
        System(5, "Kundenliste.xlsx"),
        System(6, "Kundenliste_alt.xlsx"),
    ]
    pairs = {pair.system_ids for pair in similar_system_names(tuple(systems))}
    assert pairs == {(1, 2), (5, 6)}


def test_common_words_alone_do_not_make_names_similar():
    systems = tuple(System(i, f"System {i}") for i in range(1, 60))
    assert similar_system_names(systems) == ()


def test_a_licensed_suite_is_the_first_home_and_infrastructure_is_never_retired_for_overlap():
    suite = System(1, "Microsoft 365", kind="suite", capability_ids=(1,), user_count=35)
    nas = System(2, "NAS", kind="infrastructure", capability_ids=(1,), user_count=40)
    dropbox = System(
        3,
        "Dropbox",
        capability_ids=(1,),
        user_count=4,
        annual_cost=Decimal(720),
        centrally_managed=False,
    )
    snapshot = landscape([suite, nas, dropbox], [flow(1, 3, 2, runs="1", minutes="6")])
    (group,) = overlap_groups(snapshot, _figures(snapshot))
    assert group.keep_id == 1  # not the NAS with more users: Dropbox goes to the suite
    assert group.retire_ids == (3,)
    assert group.licence_saving_eur == 720
    assert group.flow_ids == (1,)  # Dropbox -> NAS disappears with Dropbox


def test_an_authority_portal_is_never_the_home_of_the_company_s_own_program():
    """ELSTER shares "reports to authorities" with the payroll program, and more people use
    it: the payroll program is still the one kept (the portal is not the company's)."""
    elster = System(1, "ELSTER", kind="authority_portal", capability_ids=(1,), user_count=9)
    payroll = System(2, "DATEV Lohn", kind="application", capability_ids=(1,), user_count=1)
    (group,) = overlap_groups(landscape([elster, payroll]), {})
    assert group.keep_id == 2
    assert group.retire_ids == ()


def test_a_group_with_nothing_to_retire_is_no_consolidation_finding():
    """An antivirus and a firewall share "IT security", a payroll program and ELSTER share
    "reports to authorities": neither can be switched off for the other, so no finding says
    "check whether X can do the job of" nobody. A CRM and a spreadsheet of customers can."""
    systems = [
        System(1, "Antivirus", kind="infrastructure", capability_ids=(1,)),
        System(2, "Firewall", kind="infrastructure", capability_ids=(1,)),
        System(3, "ELSTER", kind="authority_portal", capability_ids=(2,)),
        System(4, "DATEV Lohn", kind="application", capability_ids=(2,)),
        System(5, "CRM", kind="application", capability_ids=(3,), user_count=5),
        System(6, "Kundenliste.xlsx", kind="spreadsheet", capability_ids=(3,)),
    ]
    analysis = analyze(landscape(systems))
    assert len(analysis.overlaps) == 3
    overlap = [f for f in analysis.findings if f.kind == Kind.OVERLAP]
    assert [{s.name for s in f.subjects[1:]} for f in overlap] == [{"CRM", "Kundenliste.xlsx"}]
