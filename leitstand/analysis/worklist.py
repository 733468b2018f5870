"""Findings as a working list: a stable identity, groups of the same kind and remedy, and the
status a finding has once people have worked on it.

A finding's identity is its kind and its first subject ("no_emergency_plan:system:12"): the
same problem found again in a later analysis is the same finding, whatever its figures now.
Findings of the same kind whose suggested action is the same remedy form one group ("13
systems have no tested emergency plan": one group, one action).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from leitstand.analysis.findings import NOBODY, Finding, Subject
from leitstand.analysis.vocabulary import SEVERITY_RANK, Severity


class Status(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"  # accepted as a risk, with a reason and a review date
    PLANNED = "planned"
    DONE = "done"


def finding_identity(finding: Finding) -> str:
    """kind:subject type:subject id of the first subject (the kind alone without one)."""
    first = finding.subjects[0] if finding.subjects else NOBODY
    if not first.type:
        return finding.kind
    return f"{finding.kind}:{first.type}:{first.id}"


@dataclass(frozen=True, slots=True)
class FindingGroup:
    kind: str
    remedy: str  # the key of the suggested action's message
    findings: tuple[Finding, ...]  # in rank order
    #: the highest of its members' severities (computed once: pages ask for it on every visit)
    severity: Severity

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.remedy}"

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def subjects(self) -> tuple[Subject, ...]:
        """The first subject of each member, once each, in rank order."""
        seen: dict[tuple[str, int], Subject] = {}
        for finding in self.findings:
            if finding.subjects:
                first = finding.subjects[0]
                seen.setdefault((first.type, first.id), first)
        return tuple(seen.values())

    @property
    def eur_per_year(self) -> Decimal | None:
        values = [f.eur_per_year for f in self.findings if f.eur_per_year is not None]
        return sum(values, Decimal(0)) if values else None

    @property
    def hours_per_year(self) -> Decimal | None:
        values = [f.hours_per_year for f in self.findings if f.hours_per_year is not None]
        return sum(values, Decimal(0)) if values else None


def group_findings(findings: Iterable[Finding]) -> tuple[FindingGroup, ...]:
    """Groups of the same kind and remedy, ordered by their highest-ranked member (the input
    is ranked). Every finding is in exactly one group."""
    members: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        members.setdefault((finding.kind, finding.action.key), []).append(finding)
    return tuple(
        FindingGroup(kind, remedy, tuple(found), _highest(found))
        for (kind, remedy), found in members.items()
    )


def _highest(findings: list[Finding]) -> Severity:
    return max((f.severity for f in findings), key=SEVERITY_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class WorkStatus:
    status: Status
    reopened: bool  # marked done, but the data still shows the problem


def work_status(stored: str | None, present: bool) -> WorkStatus:
    """The status a reader sees: what people recorded, except that a finding marked done which
    the current data still shows is open again (and says so)."""
    if stored is None:
        return WorkStatus(Status.OPEN, False)
    status = Status(stored)
    if status == Status.DONE and present:
        return WorkStatus(Status.OPEN, True)
    return WorkStatus(status, False)
