"""Deadlines set by law: e-invoices, GoBD archive, NIS2 "may apply"; missing facts are asked."""

from datetime import date
from decimal import Decimal

from leitstand.analysis import analyze
from leitstand.analysis.regulation.model import LegalDate, Regulation, Sector
from leitstand.analysis.snapshot import Capability, OrganisationSettings, Snapshot, System

TODAY = date(2026, 12, 7)
DATES = (
    LegalDate(
        "e_invoice_issue_large",
        date(2027, 1, 1),
        "https://example.org/a",
        threshold_eur=Decimal("800000"),
    ),
    LegalDate("e_invoice_issue_all", date(2028, 1, 1), "https://example.org/b"),
    LegalDate("gobd_retention", date(2025, 1, 1), "https://example.org/c", years=8, books_years=10),
    LegalDate(
        "nis2",
        date(2025, 12, 6),
        "https://example.org/d",
        employees=50,
        turnover_eur=Decimal("10000000"),
    ),
)
SECTORS = (Sector(("logistik", "transport", "spedition"), "transport", "Transport"),)
CAPABILITIES = (
    Capability(1, "Invoicing", key="invoicing"),
    Capability(2, "E-invoices", key="e_invoicing"),
    Capability(3, "Document management", key="document_management"),
    Capability(4, "Accounting", key="accounting"),
)
ACCESS = System(
    10,
    "Rechnungsdruck (Access)",
    kind="spreadsheet",
    capability_ids=(1,),
    end_of_support=date(2020, 10, 13),
)


def snapshot(*systems, revenue=Decimal("8500000"), employees=60, industry="Logistik / Spedition"):
    return Snapshot(
        settings=OrganisationSettings(name="Muster Logistik GmbH", slug="muster"),
        systems=systems,
        capabilities=CAPABILITIES,
        as_of=TODAY,
        regulation=Regulation(DATES, revenue, employees, industry, SECTORS),
    )


def findings(snap, kind):
    return [finding for finding in analyze(snap).findings if finding.kind == kind]


def gaps(snap):
    return {gap.field for gap in analyze(snap).data_gaps}


def test_large_company_must_issue_e_invoices_from_2027():
    [finding] = findings(snapshot(ACCESS), "e_invoicing")
    keys = [message.key for message in finding.explanation]
    assert keys[0] == "e_invoice.issue_large"
    assert finding.explanation[0].params["date"].value == date(2027, 1, 1)
    assert "e_invoice.kind_spreadsheet_ended" in keys
    assert finding.severity == "high"  # less than a year left
    assert finding.subjects[0].name == "Rechnungsdruck (Access)"


def test_small_company_from_2028_and_unknown_turnover_is_asked():
    [small] = findings(snapshot(ACCESS, revenue=Decimal("500000")), "e_invoicing")
    assert small.explanation[0].key == "e_invoice.issue_all"
    assert small.severity == "medium"
    unknown = snapshot(ACCESS, revenue=None)
    [finding] = findings(unknown, "e_invoicing")
    assert finding.explanation[0].key == "e_invoice.issue_all_unknown_turnover"
    assert "annual_revenue" in gaps(unknown)


def test_a_system_that_issues_e_invoices_ends_the_finding():
    erp = System(11, "Lexware Office", capability_ids=(1, 2))
    assert findings(snapshot(ACCESS, erp), "e_invoicing") == []


def test_no_invoicing_system_is_asked_not_guessed():
    other = System(12, "Trello")
    snap = snapshot(other)
    assert findings(snap, "e_invoicing") == []
    assert "invoicing_system" in gaps(snap)


def test_archive_missing_for_invoices():
    [finding] = findings(snapshot(ACCESS), "archiving")
    assert finding.explanation[0].params["years"].value == 8
    assert [m.key for m in finding.explanation][1] == "archive.in_spreadsheet"
    archive = System(13, "DocuWare", capability_ids=(3,))
    assert findings(snapshot(ACCESS, archive), "archiving") == []


def test_nis2_may_apply_and_is_never_stated_as_applying():
    [finding] = findings(snapshot(ACCESS), "nis2")
    assert finding.explanation[0].key == "nis2.summary"
    assert finding.action.key == "action.nis2_check"
    assert findings(snapshot(ACCESS, employees=12, revenue=Decimal("900000")), "nis2") == []
    assert findings(snapshot(ACCESS, industry="Bäckerei"), "nis2") == []
    unknown = snapshot(ACCESS, industry="", employees=None)
    assert findings(unknown, "nis2") == [] and "nis2_facts" in gaps(unknown)


def test_without_regulation_data_nothing_is_said():
    plain = Snapshot(settings=OrganisationSettings(name="X", slug="x"), systems=(ACCESS,))
    result = analyze(plain)
    assert not [f for f in result.findings if f.kind in ("e_invoicing", "archiving", "nis2")]
