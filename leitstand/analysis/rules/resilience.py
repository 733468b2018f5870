"""Findings about resilience: untested backups and emergency plans, two-factor login, end of
support, single-person dependency, vendor concentration and personal data outside the EU.

Only facts someone recorded raise a finding; a critical system nobody has described yet is a
data gap (see `resilience_gaps`), so a large landscape without resilience facts is not flooded
with findings but is not reported as fine either.
"""

from functools import partial

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import DataGap, Description, Finding, Kind, Subject, stated
from leitstand.analysis.messages import Count, Day, Eur, Label, Labels, Message, Percent
from leitstand.analysis.portfolio import Support, support_status
from leitstand.analysis.resilience import backup_yardstick as yardstick
from leitstand.analysis.resilience import figures as resilience
from leitstand.analysis.rules.common import LISTED_NAMES, more_names, names_of
from leitstand.analysis.snapshot import SystemResilienceFacts
from leitstand.analysis.vocabulary import Severity

#: Software as a service: the provider runs the backups; the company's part is its own copy.
SAAS = "saas"


def _why_it_matters(facts: Facts, system_id: int) -> Message:
    critical = system_id in facts.critical_system_ids
    return Message("restore.critical" if critical else "restore.holds_data")


def _restore_problem(row: SystemResilienceFacts, name: Label, as_of) -> Message:
    if row.backup_exists is False:
        return Message("restore.no_backup", {"system": name})
    if row.restore_tested_on is None:
        return Message("restore.never", {"system": name})
    if row.restore_test_ok is False:
        return Message("restore.failed", {"system": name, "date": Day(row.restore_tested_on)})
    return Message("restore.old", {"system": name, "date": Day(row.restore_tested_on)})


def no_restore_test_findings(facts: Facts) -> list[Finding]:
    """Critical or data-holding systems whose backup was not restored successfully in 12 months."""
    snapshot = facts.snapshot
    as_of = resilience.today(snapshot)
    relevant = facts.critical_system_ids | resilience.data_holding_ids(snapshot)
    found = []
    for row in snapshot.resilience:
        system = snapshot.system_by_id[row.system_id]
        if row.system_id not in relevant or not system.in_operation:
            continue
        if yardstick.restore_tested(row, as_of):
            continue
        name = Label(system.name)
        critical = row.system_id in facts.critical_system_ids
        found.append(
            Finding(
                kind=Kind.NO_RESTORE_TEST,
                severity=Severity.HIGH if critical else Severity.MEDIUM,
                subjects=(facts.system_subjects[row.system_id],),
                describe=stated(
                    Message(
                        "action.test_saas_export"
                        if system.hosting == SAAS
                        else "action.test_restore",
                        {"system": name},
                    ),
                    _restore_problem(row, name, as_of),
                    _why_it_matters(facts, row.system_id),
                ),
            )
        )
    return found


def no_emergency_plan_findings(facts: Facts) -> list[Finding]:
    """Critical systems without an emergency plan tested in the last 12 months."""
    snapshot = facts.snapshot
    as_of = resilience.today(snapshot)
    found = []
    for row in snapshot.resilience:
        if row.system_id not in facts.critical_system_ids or row.emergency_plan is None:
            continue
        if yardstick.emergency_plan_tested(row, as_of):
            continue
        name = Label(snapshot.system_by_id[row.system_id].name)
        if row.emergency_plan is False:
            problem = Message("plan.missing", {"system": name})
            action = Message("action.write_plan", {"system": name})
        elif row.emergency_plan_tested_on is None:
            problem = Message("plan.untested", {"system": name})
            action = Message("action.test_plan", {"system": name})
        else:
            problem = Message(
                "plan.old", {"system": name, "date": Day(row.emergency_plan_tested_on)}
            )
            action = Message("action.test_plan", {"system": name})
        found.append(
            Finding(
                kind=Kind.NO_EMERGENCY_PLAN,
                severity=Severity.HIGH if row.emergency_plan is False else Severity.MEDIUM,
                subjects=(facts.system_subjects[row.system_id],),
                describe=stated(action, problem),
            )
        )
    return found


def missing_two_factor_findings(facts: Facts) -> list[Finding]:
    """Internet-facing systems whose login does not enforce a second factor."""
    found = []
    for row in facts.snapshot.resilience:
        system = facts.snapshot.system_by_id[row.system_id]
        if not row.internet_facing or not system.in_operation:
            continue
        if row.two_factor not in (yardstick.TWO_FACTOR_NONE, yardstick.TWO_FACTOR_OFFERED):
            continue
        name = Label(system.name)
        offered = row.two_factor == yardstick.TWO_FACTOR_OFFERED
        found.append(
            Finding(
                kind=Kind.MISSING_TWO_FACTOR,
                severity=Severity.MEDIUM if offered else Severity.HIGH,
                subjects=(facts.system_subjects[row.system_id],),
                describe=stated(
                    Message("action.enforce_two_factor", {"system": name}),
                    Message(
                        "two_factor.offered" if offered else "two_factor.none", {"system": name}
                    ),
                ),
            )
        )
    return found


def end_of_support_findings(facts: Facts) -> list[Finding]:
    """Systems in operation whose support ended or ends within 12 months."""
    as_of = resilience.today(facts.snapshot)
    found = []
    for system in facts.snapshot.systems_in_operation:
        if system.end_of_support is None:
            continue
        status = support_status(system.end_of_support, as_of)
        if status not in (Support.PAST, Support.SOON):
            continue
        past = status == Support.PAST
        params = {"system": Label(system.name), "date": Day(system.end_of_support)}
        critical = system.id in facts.critical_system_ids
        found.append(
            Finding(
                kind=Kind.END_OF_SUPPORT,
                severity=Severity.HIGH if past and critical else Severity.MEDIUM,
                subjects=(facts.system_subjects[system.id],),
                describe=stated(
                    Message(
                        "action.replace_unsupported" if past else "action.plan_replacement", params
                    ),
                    Message("support.past" if past else "support.soon", params),
                ),
            )
        )
    return found


def single_person_dependency_findings(facts: Facts) -> list[Finding]:
    """One finding per person who alone can run critical systems (owner, no deputy)."""
    people = {person.id: person for person in facts.snapshot.people}
    found = []
    carried = resilience.single_person_systems(facts.snapshot, facts.critical_system_ids)
    for person_id, system_ids in carried.items():
        person = people[person_id]
        names = names_of(facts, system_ids)
        found.append(
            Finding(
                kind=Kind.SINGLE_PERSON_DEPENDENCY,
                severity=Severity.HIGH if len(system_ids) > 1 else Severity.MEDIUM,
                subjects=(
                    Subject("person", person_id, person.name),
                    *(facts.system_subjects[s] for s in system_ids),
                ),
                describe=stated(
                    Message("action.name_deputy", {"person": Label(person.name)}),
                    Message(
                        "single_person.summary",
                        {
                            "person": Label(person.name),
                            "count": Count(len(system_ids)),
                            "systems": Labels(names[:LISTED_NAMES]),
                        },
                    ),
                    *more_names(names),
                ),
            )
        )
    return found


def _vendor_explanation(share: resilience.VendorShare, vendor: Label) -> list[Message]:
    explanation = []
    if share.critical_percent is not None:
        explanation.append(
            Message(
                "vendor.critical_share",
                {
                    "vendor": vendor,
                    "count": Count(len(share.critical_ids)),
                    "total": Count(share.critical_total),
                    "percent": Percent(share.critical_percent.quantize(1)),
                },
            )
        )
    if share.cost_percent is not None:
        explanation.append(
            Message(
                "vendor.cost_share",
                {
                    "vendor": vendor,
                    "cost": Eur(share.cost_eur),
                    "cost_total": Eur(share.cost_total_eur),
                    "percent": Percent(share.cost_percent.quantize(1)),
                },
            )
        )
    explanation.append(
        Message("vendor.threshold", {"percent": Percent(resilience.CONCENTRATION_PERCENT)})
    )
    return explanation


def vendor_concentration_findings(facts: Facts) -> list[Finding]:
    """Vendors carrying at least 40 % of the critical systems or of the annual system cost."""
    vendors = {vendor.id: vendor for vendor in facts.snapshot.vendors}
    found = []
    for share in resilience.vendor_shares(facts.snapshot, facts.critical_system_ids):
        if not share.concentrated:
            continue
        vendor = vendors[share.vendor_id]
        high = share.top_percent >= resilience.CONCENTRATION_HIGH_PERCENT
        found.append(
            Finding(
                kind=Kind.VENDOR_CONCENTRATION,
                severity=Severity.HIGH if high else Severity.MEDIUM,
                subjects=(
                    Subject("vendor", vendor.id, vendor.name),
                    *(facts.system_subjects[s] for s in share.system_ids),
                ),
                describe=partial(_vendor_description, share, Label(vendor.name)),
                eur_per_year=share.cost_eur,
            )
        )
    return found


def _vendor_description(share: resilience.VendorShare, vendor: Label):
    return Description(
        tuple(_vendor_explanation(share, vendor)),
        Message("action.reduce_vendor_dependency", {"vendor": vendor}),
    )


def personal_data_outside_eu_findings(facts: Facts) -> list[Finding]:
    found = []
    for system_id in resilience.personal_data_outside_eu_ids(facts.snapshot):
        name = Label(facts.snapshot.system_by_id[system_id].name)
        found.append(
            Finding(
                kind=Kind.PERSONAL_DATA_OUTSIDE_EU,
                severity=Severity.MEDIUM,
                subjects=(facts.system_subjects[system_id],),
                describe=stated(
                    Message("action.check_transfer", {"system": name}),
                    Message("outside_eu.summary", {"system": name}),
                ),
            )
        )
    return found


def _gap(field: str, subject: Subject, message: Message) -> DataGap:
    return DataGap(field, (subject,), lambda: message)


def _summed_gap(facts: Facts, field: str, system_ids: list[int]) -> list[DataGap]:
    """One gap naming all the systems: a large landscape without facts is one line, not 5,000."""
    if not system_ids:
        return []
    names = names_of(facts, system_ids)
    shown = names[:LISTED_NAMES] + (("…",) if len(names) > LISTED_NAMES else ())
    message = Message(f"gap.{field}", {"count": Count(len(names)), "systems": Labels(shown)})
    subjects = tuple(facts.system_subjects[s] for s in system_ids)
    return [DataGap(field, subjects, lambda: message)]


def resilience_gaps(facts: Facts) -> list[DataGap]:
    """Critical systems without resilience facts or owner (one gap each, naming them all);
    per system: an unanswered emergency plan, an internet-facing login of unknown factors."""
    snapshot = facts.snapshot
    rows = snapshot.resilience_by_system
    critical = sorted(facts.critical_system_ids)
    gaps = _summed_gap(facts, "resilience", [s for s in critical if s not in rows])
    gaps += _summed_gap(
        facts, "owner", [s for s in critical if snapshot.system_by_id[s].owner_id is None]
    )
    for system_id in critical:
        row = rows.get(system_id)
        if row is not None and row.emergency_plan is None:
            subject = facts.system_subjects[system_id]
            message = Message("gap.emergency_plan", {"system": Label(subject.name)})
            gaps.append(_gap("emergency_plan", subject, message))
    for row in snapshot.resilience:
        if row.internet_facing and not row.two_factor:
            subject = facts.system_subjects[row.system_id]
            message = Message("gap.two_factor", {"system": Label(subject.name)})
            gaps.append(_gap("two_factor", subject, message))
    return gaps


#: The five TOP requirements of the company check (DIN SPEC 27076 style) with their own text.
CHECK_TOP_NUMBERS = frozenset({"01", "05", "11", "15", "20"})


def company_check_top_findings(facts: Facts) -> list[Finding]:
    """Each TOP requirement the latest company check found unmet: a high finding (DOMAIN.md:
    unmet TOP requirements are findings of the analysis and stand on the cockpit)."""
    check = facts.snapshot.company_check
    if check is None:
        return []
    organisation = Subject("organisation", 0, facts.snapshot.settings.name)
    found = []
    for number in check.top_unmet:
        params = {"number": Label(number), "date": Day(check.checked_on)}
        what = f"check_top.{number}" if number in CHECK_TOP_NUMBERS else "check_top.other"
        found.append(
            Finding(
                kind=Kind.CHECK_TOP_UNMET,
                severity=Severity.HIGH,
                subjects=(Subject("check_requirement", int(number), f"TOP {number}"), organisation),
                describe=stated(
                    Message("action.meet_check_top", params),
                    Message("check_top.summary", params),
                    Message(what, params),
                ),
            )
        )
    return found


RESILIENCE_RULES = (
    company_check_top_findings,
    no_restore_test_findings,
    no_emergency_plan_findings,
    missing_two_factor_findings,
    end_of_support_findings,
    single_person_dependency_findings,
    vendor_concentration_findings,
    personal_data_outside_eu_findings,
)
