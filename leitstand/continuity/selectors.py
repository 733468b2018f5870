"""What the continuity pages show, read from the one analysis (so pages, JSON and findings
agree): per system the processes it stops, inherited RTO/RPO, restore facts and gaps."""

from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis import Analysis
from leitstand.analysis.continuity import (
    ProcessOutage,
    Requirement,
    SystemContinuity,
    explain_process_outage,
    explain_system_outage,
)
from leitstand.analysis.rules.continuity import (
    lacks_recovery_plan,
    resilience_by_system,
    rpo_gap,
    rto_gap,
)
from leitstand.analysis.snapshot import System
from leitstand.reports.explanations import render

TOP_SYSTEMS = 5


@dataclass(frozen=True)
class RequirementView:
    hours: Decimal
    process_id: int
    process: str
    path: tuple[str, ...]  # system names from this system to the one the process uses

    @property
    def direct(self) -> bool:
        return len(self.path) == 1


@dataclass(frozen=True)
class SystemView:
    system: System
    eur_per_hour: Decimal
    processes: list[tuple[int, str, tuple[str, ...]]]  # id, name, path
    rto: RequirementView | None
    rpo: RequirementView | None
    resilience: object | None  # the snapshot's SystemResilienceFacts row, if recorded
    rto_gap: str | None
    rpo_gap: str | None
    no_restore_test: bool
    no_emergency_plan: bool
    explanation: list[str]

    @property
    def restore_hours(self) -> Decimal | None:
        return getattr(self.resilience, "restore_duration_hours", None)

    @property
    def backup_interval_hours(self) -> int | None:
        return getattr(self.resilience, "backup_interval_hours", None)


def _names(analysis: Analysis) -> dict[int, str]:
    return {process.id: process.name for process in analysis.snapshot.processes}


def _requirement(analysis: Analysis, requirement: Requirement | None) -> RequirementView | None:
    if requirement is None:
        return None
    systems = analysis.snapshot.system_by_id
    return RequirementView(
        hours=requirement.hours,
        process_id=requirement.process_id,
        process=_names(analysis)[requirement.process_id],
        path=tuple(systems[s].name for s in requirement.path),
    )


def system_view(analysis: Analysis, system_id: int) -> SystemView:
    snapshot = analysis.snapshot
    row: SystemContinuity = analysis.facts.continuity.systems[system_id]
    resilience = resilience_by_system(analysis.facts).get(system_id)
    no_restore, no_plan = lacks_recovery_plan(resilience, snapshot.as_of)
    names = _names(analysis)
    systems = snapshot.system_by_id
    return SystemView(
        system=systems[system_id],
        eur_per_hour=row.eur_per_hour,
        processes=[
            (pid, names[pid], tuple(systems[s].name for s in path))
            for pid, path in row.paths.items()
        ],
        rto=_requirement(analysis, row.rto),
        rpo=_requirement(analysis, row.rpo),
        resilience=resilience,
        rto_gap=rto_gap(row, resilience, snapshot.as_of),
        rpo_gap=rpo_gap(row, resilience),
        no_restore_test=no_restore,
        no_emergency_plan=no_plan,
        explanation=[
            render(m) for m in explain_system_outage(snapshot, analysis.facts.continuity, system_id)
        ],
    )


def needed_systems(analysis: Analysis) -> list[SystemView]:
    """Systems some process needs, the costliest outage first."""
    systems = analysis.snapshot.system_by_id
    rows = sorted(
        (row for row in analysis.facts.continuity.systems.values() if row.paths),
        key=lambda row: (*row.rank_key, systems[row.system_id].name.lower()),
    )
    return [system_view(analysis, row.system_id) for row in rows]


def what_could_stop_us(analysis: Analysis) -> list[SystemView]:
    """The costliest outages among systems without a tested restore or emergency plan."""
    rows = [
        row
        for row in needed_systems(analysis)
        if row.system.in_operation
        and row.eur_per_hour > 0
        and (row.no_restore_test or row.no_emergency_plan)
    ]
    return rows[:TOP_SYSTEMS]


def process_outage(analysis: Analysis, process_id: int) -> tuple[ProcessOutage | None, list[str]]:
    outage = analysis.facts.continuity.outages.get(process_id)
    if outage is None:
        return None, []
    return outage, [render(m) for m in explain_process_outage(analysis.snapshot, outage)]


def systems_of_process(analysis: Analysis, process_id: int) -> list[SystemView]:
    """The systems a process needs (directly or upstream), costliest outage first."""
    continuity = analysis.facts.continuity
    return [
        system_view(analysis, system_id)
        for system_id, row in continuity.systems.items()
        if process_id in row.paths
    ]
