"""Suggested answers from generated landscapes (pure, no database): each derivable item on,
off, and silent when the landscape says nothing."""

from datetime import date
from decimal import Decimal

import pytest

from leitstand.analysis.maturity.prefill import CompanyFacts, prefill
from leitstand.analysis.processes.model import Process, ProcessStep
from leitstand.analysis.snapshot import (
    Capability,
    CheckAnswer,
    CompanyCheck,
    DataObject,
    Integration,
    Master,
    OrganisationSettings,
    Snapshot,
    System,
    SystemResilienceFacts,
)
from leitstand.maturity.catalogue import load_signals

TODAY = date(2026, 12, 1)
CAPABILITIES = {
    key: Capability(number, key.title(), key=key)
    for number, key in enumerate(
        [
            "erp",
            "crm",
            "email",
            "office",
            "accounting",
            "web_shop",
            "social_media",
            "ai_assistant",
            "reporting",
            "file_storage",
            "e_invoicing",
        ],
        start=1,
    )
}


def system(number: int, name: str = "", *capabilities: str, **fields) -> System:
    return System(
        id=number,
        name=name or f"System {number}",
        capability_ids=tuple(CAPABILITIES[c].id for c in capabilities),
        **fields,
    )


def flow(number: int, source: int, target: int, method: str = "api") -> Integration:
    return Integration(number, source, target, method, "day", Decimal(1), Decimal(5))


def snapshot(systems=(), **fields) -> Snapshot:
    return Snapshot(
        settings=OrganisationSettings(name="Test GmbH", slug="test"),
        systems=tuple(systems),
        capabilities=tuple(CAPABILITIES.values()),
        data_objects=(DataObject(1, "Customers"), DataObject(2, "Orders")),
        as_of=TODAY,
        **fields,
    )


def suggest(landscape: Snapshot, employees: int | None = 50) -> dict:
    return prefill(landscape, load_signals(), CompanyFacts(employees=employees), TODAY)


def value(landscape: Snapshot, key: str, employees: int | None = 50):
    found = suggest(landscape, employees).get(key)
    return "silent" if found is None else found.value


def test_an_empty_landscape_suggests_nothing():
    assert suggest(snapshot()) == {}


@pytest.mark.parametrize(
    ("users", "employees", "expected"),
    [(30, 50, "yes"), (25, 50, "no"), (80, 50, "yes"), (30, None, "silent")],
)
def test_internet_for_more_than_half_the_staff(users, employees, expected):
    landscape = snapshot([system(1, "Microsoft 365", "email", "office", user_count=users)])
    assert value(landscape, "dii_internet_staff", employees) == expected


def test_internet_is_silent_without_a_user_count():
    assert value(snapshot([system(1, "Mail", "email")]), "dii_internet_staff") == "silent"


def test_web_sales_no_without_a_shop_and_open_with_one():
    assert value(snapshot([system(1, "ERP", "erp")]), "dii_web_sales_b2c") == "no"
    shop = snapshot([system(1, "Shopware 6")])  # recognised by its name
    found = suggest(shop)["dii_web_sales_b2c"]
    assert found.value is None and found.evidence[0].key == "web_shop_share_unknown"
    assert suggest(shop)["dii_ecommerce"].value is None


@pytest.mark.parametrize(
    ("hosting", "cost", "expected"),
    [
        ("saas", Decimal("600"), "yes"),
        ("public_cloud", Decimal("1"), "yes"),
        ("saas", Decimal("0"), "no"),
        ("on_premises", Decimal("600"), "no"),
        ("saas", None, None),
    ],
)
def test_paid_cloud(hosting, cost, expected):
    landscape = snapshot([system(1, "Tool", "file_storage", hosting=hosting, annual_cost=cost)])
    assert value(landscape, "dii_cloud") == expected


def test_business_software_from_the_cloud():
    paid = {"hosting": "saas", "annual_cost": Decimal("900")}
    assert value(snapshot([system(1, "CRM", "crm", **paid)]), "dii_cloud_advanced") == "yes"
    mail_only = snapshot([system(1, "Mail", "email", **paid)])
    assert value(mail_only, "dii_cloud_advanced") == "no"
    assert suggest(mail_only)["dii_cloud_advanced"].evidence[0].key == "cloud_basic_only"


def test_crm_software_yes_a_spreadsheet_no():
    assert value(snapshot([system(1, "CAS", "crm")]), "dii_crm") == "yes"
    sheet = snapshot([system(1, "Kunden.xlsx", "crm", kind="spreadsheet")])
    assert value(sheet, "dii_crm") == "no"
    assert suggest(sheet)["dii_crm"].evidence[0].key == "crm_spreadsheet_only"
    assert value(snapshot([system(1, "Mail", "email")]), "dii_crm") == "no"


def test_erp_shares_information_when_used_across_departments_or_connected():
    across = snapshot([system(1, "ProLog", "erp", department_ids=(1, 2))])
    assert value(across, "dii_erp") == "yes"
    connected = snapshot(
        [system(1, "ProLog", "erp"), system(2, "Shop"), system(3, "DATEV")],
        integrations=(flow(1, 2, 1), flow(2, 1, 3, "manual")),
    )
    found = suggest(connected)["dii_erp"]
    assert found.value == "yes"
    assert found.evidence[0].key == "erp_connected"
    assert int(found.evidence[0].params["count"].value) == 2
    assert int(found.evidence[0].params["automated"].value) == 1
    alone = snapshot([system(1, "ProLog", "erp", department_ids=(1,)), system(2, "Mail")])
    assert value(alone, "dii_erp") == "no"
    assert value(snapshot([system(1, "Mail", "email")]), "dii_erp") == "no"


def test_retired_systems_do_not_count():
    retired = snapshot([system(1, "ProLog", "erp", department_ids=(1, 2), lifecycle="retired")])
    assert value(retired, "dii_erp") == "silent"  # nothing in operation: nothing known


def test_social_media_by_capability_or_name():
    one = snapshot([system(1, "LinkedIn Unternehmensseite")])
    assert value(one, "dii_social_any") == "yes"
    assert value(one, "dii_social_two") is None  # a hint, still asked
    two = snapshot([system(1, "LinkedIn"), system(2, "Kanal", "social_media")])
    assert value(two, "dii_social_two") == "yes"
    none = snapshot([system(1, "Mail", "email")])
    assert value(none, "dii_social_any") is None
    assert value(none, "dii_social_two") == "silent"


def test_names_match_whole_words_only():
    assert value(snapshot([system(1, "Microsoft Copilot")]), "dii_ai") == "yes"
    assert value(snapshot([system(1, "Copilotenschein-Verwaltung")]), "dii_ai") is None
    assert value(snapshot([system(1, "Auswertung", "ai_assistant")]), "dii_ai") == "yes"


def test_data_analytics_from_a_reporting_tool():
    assert value(snapshot([system(1, "Power BI")]), "dii_data_analytics") == "yes"
    assert value(snapshot([system(1, "Berichte", "reporting")]), "dii_data_analytics") == "yes"
    assert value(snapshot([system(1, "Mail")]), "dii_data_analytics") is None


def test_vendor_support():
    current = snapshot([system(1, "A", end_of_support=date(2028, 1, 1))])
    assert value(current, "readiness_supported") == "yes"
    unknown = snapshot([system(1, "A", end_of_support=date(2028, 1, 1)), system(2, "B")])
    assert value(unknown, "readiness_supported") is None
    one_of_ten = snapshot(
        [system(1, "Old", end_of_support=date(2025, 1, 1))]
        + [system(n, f"S{n}", end_of_support=date(2030, 1, 1)) for n in range(2, 11)]
    )
    assert value(one_of_ten, "readiness_supported") == "partly"
    many = snapshot([system(1, "Old", end_of_support=date(2025, 1, 1)), system(2, "B")])
    assert value(many, "readiness_supported") == "no"


def _check(**answers: str) -> CompanyCheck:
    rows = []
    for key, answer in answers.items():
        number, item = key[1:3], key[3:]
        rows.append(CheckAnswer(number, item, answer))
    return CompanyCheck(id=1, checked_on=date(2026, 10, 1), answers=tuple(rows))


def test_management_and_training_from_the_company_check():
    systems = [system(1, "A")]
    met = snapshot(systems, company_check=_check(r01a="yes", r01b="yes", r05a="no", r05b="yes"))
    assert value(met, "strategy_risks") == "yes"
    assert value(met, "people_training") == "no"
    open_check = snapshot(systems, company_check=_check(r01a="unknown"))
    assert value(open_check, "strategy_risks") == "silent"
    assert value(snapshot(systems), "strategy_risks") == "silent"


def test_data_protection_from_the_check_or_the_backup_facts():
    systems = [system(1, "A"), system(2, "B")]
    all_met = _check(r11a="yes", r12a="yes", r12b="yes", r13a="yes", r13b="yes")
    assert value(snapshot(systems, company_check=all_met), "data_protection") == "yes"
    one_met = _check(r11a="yes", r12a="no", r13a="no")
    assert value(snapshot(systems, company_check=one_met), "data_protection") == "partly"
    facts = (
        SystemResilienceFacts(
            1, backup_exists=True, backup_offsite=True, restore_tested_on=date(2026, 6, 1)
        ),
        SystemResilienceFacts(2, backup_exists=False),
    )
    assert value(snapshot(systems, resilience=facts), "data_protection") == "partly"
    assert value(snapshot(systems, resilience=facts[:1]), "data_protection") == "yes"
    assert value(snapshot(systems), "data_protection") == "silent"


def test_owners_and_deputies():
    both = [system(1, "A", owner_id=1, deputy_id=2), system(2, "B", owner_id=1, deputy_id=2)]
    assert value(snapshot(both), "people_responsibility") == "yes"
    owners = [system(1, "A", owner_id=1, deputy_id=2), system(2, "B", owner_id=1)]
    assert value(snapshot(owners), "people_responsibility") == "partly"
    nobody = [system(1, "A"), system(2, "B"), system(3, "C", owner_id=1)]
    assert value(snapshot(nobody), "people_responsibility") == "no"


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (("api", "api", "event", "file"), "yes"),
        (("api", "manual", "manual", "email"), "partly"),
        (("manual", "paper", "email", "spreadsheet", "api"), "no"),
    ],
)
def test_automated_data_flows(methods, expected):
    systems = [system(n, f"S{n}") for n in range(1, 4)]
    flows = tuple(flow(n, 1, 2, method) for n, method in enumerate(methods, start=1))
    assert value(snapshot(systems, integrations=flows), "data_integration") == expected
    assert value(snapshot(systems), "data_integration") == "silent"


def test_one_leading_system_per_data_object():
    systems = [system(1, "ERP"), system(2, "CRM")]
    one_each = (Master(1, 1), Master(2, 1))
    assert value(snapshot(systems, masters=one_each), "data_single_source") == "yes"
    shared = (Master(1, 1), Master(1, 2), Master(2, 1))
    found = suggest(snapshot(systems, masters=shared))["data_single_source"]
    assert found.value == "partly"
    assert found.evidence[0].params["several"].values == ("Customers",)


def test_process_automation_from_the_steps():
    steps = tuple(ProcessStep(n, f"Step {n}", n, automated=n <= 2) for n in range(1, 5))
    process = Process(1, "Order intake", "day", Decimal(40), steps=steps)
    assert value(snapshot([system(1, "A")], processes=(process,)), "automation_processes") == "yes"
    manual = Process(1, "Order intake", "day", Decimal(40), steps=steps[2:])
    assert value(snapshot([system(1, "A")], processes=(manual,)), "automation_processes") == "no"


def test_an_office_suite_counts_by_its_kind():
    suite = snapshot([system(1, "Google Workspace", kind="suite", user_count=40)])
    assert value(suite, "dii_internet_staff") == "yes"


def test_e_invoice_software_is_a_hint_not_an_answer():
    found = suggest(snapshot([system(1, "sevdesk", "e_invoicing")]))["automation_einvoicing"]
    assert found.value is None
    assert found.evidence[0].key == "einvoicing_capable"
    assert value(snapshot([system(1, "Mail", "email")]), "automation_einvoicing") == "silent"


def test_paper_flows_are_a_hint_not_an_answer():
    systems = [system(1, "Werkstatt"), system(2, "ERP")]
    found = suggest(snapshot(systems, integrations=(flow(1, 1, 2, "paper"),)))["green_paperless"]
    assert found.value is None
    assert found.evidence[0].params["routes"].values == ("Werkstatt → ERP",)


def test_items_that_cannot_be_derived_are_never_suggested():
    rich = snapshot(
        [system(1, "ERP", "erp", department_ids=(1, 2), owner_id=1, deputy_id=1)],
        company_check=_check(r01a="yes"),
    )
    found = suggest(rich)
    for key in (
        "strategy_plan",
        "strategy_budget",
        "dii_broadband",
        "people_involvement",
        "green_energy",
    ):
        assert key not in found
