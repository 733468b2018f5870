"""Findings of business continuity: restore slower than the RTO (or never tested), backups
rarer than the RPO, and a costly outage without a recovery plan."""

from decimal import Decimal

from leitstand.analysis.continuity.outage import Requirement, SystemContinuity, path_label
from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import Finding, Kind, Subject, stated
from leitstand.analysis.messages import Day, Eur, Hours, Label, Message
from leitstand.analysis.resilience.backup_yardstick import emergency_plan_tested, restore_tested
from leitstand.analysis.vocabulary import Severity

#: Outage cost per hour from which a system without a tested restore or emergency plan is a
#: finding: a day of it costs about as much as a small recovery project.
OUTAGE_THRESHOLD_EUR_PER_HOUR = Decimal(1000)

NO_TEST, TOO_SLOW, NO_BACKUP, TOO_RARE = "no_test", "too_slow", "no_backup", "too_rare"


def resilience_by_system(facts: Facts) -> dict:
    return facts.snapshot.resilience_by_system


def rto_gap(row: SystemContinuity, resilience, as_of) -> str | None:
    """NO_TEST: an RTO is required but no good restore test within 12 months shows it can be
    met; TOO_SLOW: the last restore took longer than the RTO; None: no gap (or not known)."""
    if row.rto is None:
        return None
    if not restore_tested(resilience, as_of):
        return NO_TEST
    duration = resilience.restore_duration_hours
    return TOO_SLOW if duration is not None and duration > row.rto.hours else None


def rpo_gap(row: SystemContinuity, resilience) -> str | None:
    """NO_BACKUP: an RPO is required and there is no backup; TOO_RARE: backups run less often
    than the RPO allows; None: no gap, or the backup facts are not recorded."""
    if row.rpo is None or resilience is None:
        return None
    if resilience.backup_exists is False:
        return NO_BACKUP
    interval = resilience.backup_interval_hours
    return TOO_RARE if interval is not None and interval > row.rpo.hours else None


def _process(facts: Facts, requirement: Requirement) -> Subject:
    process = facts.snapshot.process_by_id[requirement.process_id]
    return Subject("process", process.id, process.name)


def _set_by(facts: Facts, key: str, requirement: Requirement) -> Message:
    return Message(
        "rto_gap.set_by",
        {
            "process": Label(_process(facts, requirement).name),
            "path": path_label(facts.snapshot, requirement.path),
            "hours": Hours(requirement.hours),
            "what": Label(key),
        },
    )


def _severity(row: SystemContinuity) -> Severity:
    """High when a process uses the system itself; medium when it only feeds one it uses."""
    return Severity.HIGH if row.direct_process_ids else Severity.MEDIUM


def _operating(facts: Facts):
    systems = facts.snapshot.system_by_id
    for system_id, row in facts.continuity.systems.items():
        if row.paths and systems[system_id].in_operation:
            yield system_id, row


def rto_gap_findings(facts: Facts) -> list[Finding]:
    found = []
    resilience = resilience_by_system(facts)
    as_of = facts.snapshot.as_of
    for system_id, row in _operating(facts):
        facts_row = resilience.get(system_id)
        gap = rto_gap(row, facts_row, as_of)
        if gap is None:
            continue
        system = facts.system_subjects[system_id]
        params = {"system": Label(system.name), "rto": Hours(row.rto.hours)}
        if gap == NO_TEST:
            summary = Message("rto_gap.no_test", params)
            action = Message("action.test_restore_against_rto", params)
        else:
            params["duration"] = Hours(facts_row.restore_duration_hours)
            params["date"] = Day(facts_row.restore_tested_on)
            summary = Message("rto_gap.summary", params)
            action = Message("action.speed_up_restore", params)
        found.append(
            Finding(
                kind=Kind.RTO_GAP,
                severity=_severity(row),
                subjects=(system, _process(facts, row.rto)),
                describe=stated(action, summary, _set_by(facts, "RTO", row.rto)),
            )
        )
    return found


def rpo_gap_findings(facts: Facts) -> list[Finding]:
    found = []
    resilience = resilience_by_system(facts)
    for system_id, row in _operating(facts):
        facts_row = resilience.get(system_id)
        gap = rpo_gap(row, facts_row)
        if gap is None:
            continue
        system = facts.system_subjects[system_id]
        params = {"system": Label(system.name), "rpo": Hours(row.rpo.hours)}
        if gap == NO_BACKUP:
            summary = Message("rpo_gap.no_backup", params)
        else:
            params["interval"] = Hours(Decimal(facts_row.backup_interval_hours))
            summary = Message("rpo_gap.summary", params)
        found.append(
            Finding(
                kind=Kind.RPO_GAP,
                severity=_severity(row) if gap == NO_BACKUP else Severity.MEDIUM,
                subjects=(system, _process(facts, row.rpo)),
                describe=stated(
                    Message("action.back_up_more_often", params),
                    summary,
                    _set_by(facts, "RPO", row.rpo),
                ),
            )
        )
    return found


def lacks_recovery_plan(resilience, as_of) -> tuple[bool, bool]:
    """(no tested restore, no tested emergency plan) within the last 12 months."""
    return not restore_tested(resilience, as_of), not emergency_plan_tested(resilience, as_of)


def outage_without_recovery_plan_findings(facts: Facts) -> list[Finding]:
    found = []
    resilience = resilience_by_system(facts)
    as_of = facts.snapshot.as_of
    for system_id, row in _operating(facts):
        if row.eur_per_hour < OUTAGE_THRESHOLD_EUR_PER_HOUR:
            continue
        no_restore, no_plan = lacks_recovery_plan(resilience.get(system_id), as_of)
        if not (no_restore or no_plan):
            continue
        system = facts.system_subjects[system_id]
        params = {
            "system": Label(system.name),
            "eur": Eur(row.eur_per_hour),
            "threshold": Eur(OUTAGE_THRESHOLD_EUR_PER_HOUR),
        }
        explanation = [Message("outage_plan.summary", params)]
        if no_restore:
            explanation.append(Message("outage_plan.no_restore_test", params))
        if no_plan:
            explanation.append(Message("outage_plan.no_emergency_plan", params))
        found.append(
            Finding(
                kind=Kind.OUTAGE_WITHOUT_RECOVERY_PLAN,
                severity=_severity(row),
                subjects=(system,),
                describe=stated(Message("action.recovery_plan", params), *explanation),
            )
        )
    return found
