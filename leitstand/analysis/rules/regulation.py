"""Deadlines set by law (DOMAIN.md, "Regulation with dates"): e-invoices, GoBD archiving,
NIS2. Each finding names its date; where a fact it needs is missing, a data gap asks for it
instead of guessing.

- E-invoices: from the date for the organisation's size (turnover above the threshold in the
  previous year: 1 Jan 2027, otherwise 1 Jan 2028) every domestic B2B invoice is an
  e-invoice (XRechnung, ZUGFeRD). A finding when the systems that write invoices (capability
  "invoicing") include none that issues e-invoices (capability "e_invoicing").
- GoBD: invoices and booking vouchers are kept unchanged and findable (8 years, books 10);
  a finding when invoices are written but no system in operation archives documents
  (capability "document_management").
- NIS2: "may apply, check" when the size thresholds are met and the industry names a
  listed sector; never "applies".
"""

from datetime import date

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import DataGap, Finding, Kind, Subject, stated
from leitstand.analysis.messages import Count, Day, Eur, Label, Labels, Message
from leitstand.analysis.regulation.model import LegalDate, Regulation
from leitstand.analysis.resilience import figures as resilience
from leitstand.analysis.snapshot import System
from leitstand.analysis.vocabulary import Severity

INVOICING = "invoicing"
E_INVOICING = "e_invoicing"
ARCHIVE = "document_management"
ACCOUNTING = "accounting"
SPREADSHEET = "spreadsheet"
SOON_DAYS = 366


def _organisation(facts: Facts) -> Subject:
    return Subject("organisation", 0, facts.snapshot.settings.name)


def _systems_with(facts: Facts, regulation: Regulation, key: str) -> list[System]:
    ids = {capability.id for capability in facts.snapshot.capabilities if capability.key == key}
    return [
        system
        for system in facts.snapshot.systems_in_operation
        if any(capability_id in ids for capability_id in system.capability_ids)
    ]


def _issuing_date(regulation: Regulation):
    """The e-invoicing date that applies to the organisation, or None while turnover is unknown."""
    large = regulation.date_of("e_invoice_issue_large")
    everyone = regulation.date_of("e_invoice_issue_all")
    if regulation.annual_revenue is None or large is None or large.threshold_eur is None:
        return None
    if regulation.annual_revenue > large.threshold_eur:
        return large
    return everyone


def _system_line(system: System, today: date) -> Message:
    params = {"system": Label(system.name)}
    if system.end_of_support is not None and system.end_of_support < today:
        params["date"] = Day(system.end_of_support)
        if system.kind == SPREADSHEET:
            return Message("e_invoice.kind_spreadsheet_ended", params)
        return Message("e_invoice.from_system_ended", params)
    if system.kind == SPREADSHEET:
        return Message("e_invoice.kind_spreadsheet", params)
    return Message("e_invoice.from_system", params)


def _source_message(legal: LegalDate) -> Message:
    site = legal.source.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")
    params = {"basis": Label(legal.basis or legal.key), "source": Label(site)}
    if legal.verified_on is not None:
        params["checked"] = Day(legal.verified_on)
        return Message("e_invoice.source", params)
    return Message("e_invoice.source_unchecked", params)


def e_invoice_findings(facts: Facts) -> list[Finding]:
    regulation = facts.snapshot.regulation
    if regulation is None or _systems_with(facts, regulation, E_INVOICING):
        return []
    writers = _systems_with(facts, regulation, INVOICING)
    if not writers:
        return []  # a data gap asks which system writes the invoices
    today = resilience.today(facts.snapshot)
    applying = _issuing_date(regulation)
    everyone = regulation.date_of("e_invoice_issue_all")
    organisation = Label(facts.snapshot.settings.name)
    lines = [_system_line(system, today) for system in writers]
    if applying is not None and applying.threshold_eur is not None:
        head = Message(
            "e_invoice.issue_large",
            {
                "organisation": organisation,
                "date": Day(applying.starts_on),
                "threshold": Eur(applying.threshold_eur),
            },
        )
    elif applying is not None:
        head = Message(
            "e_invoice.issue_all", {"organisation": organisation, "date": Day(applying.starts_on)}
        )
    elif everyone is not None:
        large = regulation.date_of("e_invoice_issue_large")
        head = Message(
            "e_invoice.issue_all_unknown_turnover",
            {
                "organisation": organisation,
                "date": Day(everyone.starts_on),
                "early": Day(large.starts_on if large else everyone.starts_on),
                "threshold": Eur(large.threshold_eur if large and large.threshold_eur else 0),
            },
        )
        applying = everyone
    else:
        return []
    days_left = (applying.starts_on - today).days
    severity = Severity.HIGH if days_left <= SOON_DAYS else Severity.MEDIUM
    source = _source_message(applying)
    return [
        Finding(
            kind=Kind.E_INVOICING,
            severity=severity,
            subjects=tuple(facts.system_subjects[system.id] for system in writers),
            describe=stated(
                Message("action.e_invoice", {"date": Day(applying.starts_on)}),
                head,
                *lines,
                source,
            ),
        )
    ]


def archive_findings(facts: Facts) -> list[Finding]:
    regulation = facts.snapshot.regulation
    retention = regulation.date_of("gobd_retention") if regulation else None
    if regulation is None or retention is None or _systems_with(facts, regulation, ARCHIVE):
        return []
    writers = _systems_with(facts, regulation, INVOICING) + [
        system
        for system in _systems_with(facts, regulation, ACCOUNTING)
        if system not in _systems_with(facts, regulation, INVOICING)
    ]
    if not writers:
        return []
    explanation = [
        Message(
            "archive.summary",
            {
                "years": Count(retention.years or 8),
                "books": Count(retention.books_years or 10),
                "systems": Labels(tuple(system.name for system in writers)),
            },
        )
    ]
    spreadsheets = [system for system in writers if system.kind == SPREADSHEET]
    if spreadsheets:
        explanation.append(
            Message(
                "archive.in_spreadsheet",
                {"systems": Labels(tuple(system.name for system in spreadsheets))},
            )
        )
    return [
        Finding(
            kind=Kind.ARCHIVING,
            severity=Severity.MEDIUM,
            subjects=tuple(facts.system_subjects[system.id] for system in writers),
            describe=stated(Message("action.archive"), *explanation),
        )
    ]


def _sector(regulation: Regulation):
    words = set(regulation.industry.casefold().replace("-", " ").replace("/", " ").split())
    folded = {word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue") for word in words}
    for sector in regulation.sectors:
        if any(
            word == listed or (len(listed) > 4 and listed in word)
            for word in folded
            for listed in sector.words
        ):
            return sector
    return None


def _nis2_size(regulation: Regulation, nis2) -> bool | None:
    """True when a size threshold is met, False when both are below, None when unknown."""
    by_people = (
        None if regulation.employees is None else regulation.employees >= (nis2.employees or 50)
    )
    by_turnover = (
        None
        if regulation.annual_revenue is None or nis2.turnover_eur is None
        else regulation.annual_revenue > nis2.turnover_eur
    )
    if by_people or by_turnover:
        return True
    if by_people is None or by_turnover is None:
        return None
    return False


def nis2_findings(facts: Facts) -> list[Finding]:
    regulation = facts.snapshot.regulation
    nis2 = regulation.date_of("nis2") if regulation else None
    if regulation is None or nis2 is None or not regulation.industry.strip():
        return []
    sector = _sector(regulation)
    if sector is None or _nis2_size(regulation, nis2) is not True:
        return []
    params = {
        "organisation": Label(facts.snapshot.settings.name),
        "sector_en": Label(sector.name_en),
        "sector_de": Label(sector.name_de),
        "employees": Count(nis2.employees or 50),
        "turnover": Eur(nis2.turnover_eur or 0),
        "date": Day(nis2.starts_on),
    }
    explanation = [Message("nis2.summary", params)]
    if "logistik" in sector.words or "transport" in sector.words:
        explanation.append(Message("nis2.transport"))
    return [
        Finding(
            kind=Kind.NIS2,
            severity=Severity.MEDIUM,
            subjects=(_organisation(facts),),
            describe=stated(Message("action.nis2_check", params), *explanation),
        )
    ]


def regulation_gaps(facts: Facts) -> list[DataGap]:
    """What the deadline rules need to know and nobody recorded."""
    regulation = facts.snapshot.regulation
    if regulation is None:
        return []
    gaps = []
    organisation = (_organisation(facts),)
    large = regulation.date_of("e_invoice_issue_large")
    if regulation.annual_revenue is None and large is not None:
        message = Message(
            "gap.annual_revenue",
            {"date": Day(large.starts_on), "threshold": Eur(large.threshold_eur or 0)},
        )
        gaps.append(DataGap("annual_revenue", organisation, lambda m=message: m))
    if (
        not _systems_with(facts, regulation, INVOICING)
        and not _systems_with(facts, regulation, E_INVOICING)
        and facts.snapshot.systems_in_operation
    ):
        everyone = regulation.date_of("e_invoice_issue_all")
        message = Message(
            "gap.invoicing_system",
            {"date": Day(everyone.starts_on if everyone else date(2028, 1, 1))},
        )
        gaps.append(DataGap("invoicing_system", organisation, lambda m=message: m))
    nis2 = regulation.date_of("nis2")
    if nis2 is not None and (
        not regulation.industry.strip() or _nis2_size(regulation, nis2) is None
    ):
        message = Message("gap.nis2_facts", {"employees": Count(nis2.employees or 50)})
        gaps.append(DataGap("nis2_facts", organisation, lambda m=message: m))
    return gaps


REGULATION_RULES = (e_invoice_findings, archive_findings, nis2_findings)
