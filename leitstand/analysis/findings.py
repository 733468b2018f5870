"""What a finding is, what a data gap is, and how findings are ranked."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from leitstand.analysis.messages import Message
from leitstand.analysis.snapshot import Snapshot
from leitstand.analysis.vocabulary import SEVERITY_RANK, Severity


class Kind(StrEnum):
    MANUAL_TRANSFER = "manual_transfer"
    OVERLAP = "overlap"
    SIMILAR_NAMES = "similar_names"
    MULTI_MASTER = "multi_master"
    MANUAL_ONLY_DATA = "manual_only_data"
    SHADOW_IT_PERSONAL_DATA = "shadow_it_personal_data"
    DEPENDENCY_HUB = "dependency_hub"
    ISOLATED_SYSTEMS = "isolated_systems"
    UNNEEDED_STEP = "unneeded_step"
    AUTOMATION_CANDIDATE = "automation_candidate"
    RTO_GAP = "rto_gap"
    RPO_GAP = "rpo_gap"
    OUTAGE_WITHOUT_RECOVERY_PLAN = "outage_without_recovery_plan"
    NO_RESTORE_TEST = "no_restore_test"
    NO_EMERGENCY_PLAN = "no_emergency_plan"
    MISSING_TWO_FACTOR = "missing_two_factor"
    END_OF_SUPPORT = "end_of_support"
    SINGLE_PERSON_DEPENDENCY = "single_person_dependency"
    VENDOR_CONCENTRATION = "vendor_concentration"
    PERSONAL_DATA_OUTSIDE_EU = "personal_data_outside_eu"
    E_INVOICING = "e_invoicing"
    ARCHIVING = "archiving"
    NIS2 = "nis2"
    CHECK_TOP_UNMET = "check_top_unmet"


class Subject(NamedTuple):
    """What a finding is about: type is system, integration, data_object, capability, process,
    process_step or automation_scenario. A named tuple: tens of thousands per analysis."""

    type: str
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Description:
    """How a finding's figure came about, and what to do about it."""

    explanation: tuple[Message, ...]
    action: Message


Describe = Callable[[], Description]


class _FindingFields(NamedTuple):
    kind: str
    severity: Severity
    subjects: tuple[Subject, ...]
    describe: Describe
    eur_per_year: Decimal | None = None
    hours_per_year: Decimal | None = None


class Finding(_FindingFields):
    """`describe` builds the texts when someone reads them: large landscapes have tens of
    thousands of findings, of which a page shows a few. A named tuple (built three times
    faster than a frozen dataclass); equality leaves `describe` out."""

    __slots__ = ()

    def _compared(self) -> tuple:
        return (self.kind, self.severity, self.subjects, self.eur_per_year, self.hours_per_year)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        return (
            f"Finding(kind={self.kind!r}, severity={self.severity!r}, "
            f"subjects={self.subjects!r}, eur_per_year={self.eur_per_year!r}, "
            f"hours_per_year={self.hours_per_year!r})"
        )

    @property
    def explanation(self) -> tuple[Message, ...]:
        return self.describe().explanation

    @property
    def action(self) -> Message:
        return self.describe().action

    @property
    def key(self) -> str:
        """Stable identity, e.g. 'manual_transfer:integration:12'."""
        parts = [f"{subject.type}:{subject.id}" for subject in self.subjects[:3]]
        return ":".join([self.kind, *parts])


def stated(action: Message, *explanation: Message) -> Describe:
    """A description that is already known."""
    description = Description(explanation, action)
    return lambda: description


@dataclass(frozen=True, slots=True)
class DataGap:
    """A number the method needs but nobody recorded: listed, never counted as zero."""

    field: str
    subjects: tuple[Subject, ...]
    describe: Callable[[], Message] = field(compare=False, repr=False)

    @property
    def message(self) -> Message:
        return self.describe()


def rank_key(finding: Finding) -> tuple:
    """Most severe first; within a severity, the most money, then the most hours."""
    first = finding.subjects[0] if finding.subjects else NOBODY
    return (
        -SEVERITY_RANK[finding.severity],
        -float(finding.eur_per_year or 0),
        -float(finding.hours_per_year or 0),
        finding.kind,
        first.type,
        first.id,
    )


NOBODY = Subject("", 0, "")


def ranked(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=rank_key))


def integration_subject(snapshot: Snapshot, integration_id: int) -> Subject:
    integration = snapshot.integration_by_id[integration_id]
    source = snapshot.system_by_id[integration.source_id].name
    target = snapshot.system_by_id[integration.target_id].name
    return Subject("integration", integration_id, f"{source} → {target}")


def data_object_subject(snapshot: Snapshot, data_object_id: int) -> Subject:
    return Subject("data_object", data_object_id, snapshot.data_object_by_id[data_object_id].name)


def capability_subject(snapshot: Snapshot, capability_id: int) -> Subject:
    return Subject("capability", capability_id, snapshot.capability_by_id[capability_id].name)
