"""What the continuity pages show, computed by the same pure functions as the analysis (so
pages, JSON and findings agree): per system the processes it stops, inherited RTO/RPO, restore
facts and gaps, all read from the organisation's analysis."""

from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpRequest

from leitstand.analysis import snapshot as snap
from leitstand.analysis.continuity.outage import (
    Continuity,
    ProcessOutage,
    Requirement,
    SystemContinuity,
    explain_process_outage,
    explain_system_outage,
)
from leitstand.analysis.rules.continuity import lacks_recovery_plan, rpo_gap, rto_gap
from leitstand.analysis.snapshot import System
from leitstand.core.wording import render
from leitstand.landscape.cache import request_analysis

TOP_SYSTEMS = 5


@dataclass(frozen=True)
class Figures:
    """A snapshot with what continuity reads, and the continuity computed from it."""

    snapshot: snap.Snapshot
    continuity: Continuity


def request_figures(request: HttpRequest) -> Figures:
    """Once per request, from the organisation's analysis (kept between requests by
    `leitstand.landscape.cache` until the landscape changes)."""
    cached = getattr(request, "_leitstand_continuity", None)
    if cached is None:
        analysis = request_analysis(request)
        cached = request._leitstand_continuity = Figures(
            analysis.snapshot, analysis.facts.continuity
        )
    return cached


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


def _names(figures: Figures) -> dict[int, str]:
    return {pid: process.name for pid, process in figures.snapshot.process_by_id.items()}


def _requirement(figures: Figures, requirement: Requirement | None) -> RequirementView | None:
    if requirement is None:
        return None
    systems = figures.snapshot.system_by_id
    return RequirementView(
        hours=requirement.hours,
        process_id=requirement.process_id,
        process=_names(figures)[requirement.process_id],
        path=tuple(systems[s].name for s in requirement.path),
    )


def system_view(figures: Figures, system_id: int) -> SystemView:
    snapshot = figures.snapshot
    row: SystemContinuity = figures.continuity.systems[system_id]
    resilience = figures.snapshot.resilience_by_system.get(system_id)
    no_restore, no_plan = lacks_recovery_plan(resilience, snapshot.as_of)
    names = _names(figures)
    systems = snapshot.system_by_id
    return SystemView(
        system=systems[system_id],
        eur_per_hour=row.eur_per_hour,
        processes=[
            (pid, names[pid], tuple(systems[s].name for s in path))
            for pid, path in row.paths.items()
        ],
        rto=_requirement(figures, row.rto),
        rpo=_requirement(figures, row.rpo),
        resilience=resilience,
        rto_gap=rto_gap(row, resilience, snapshot.as_of),
        rpo_gap=rpo_gap(row, resilience),
        no_restore_test=no_restore,
        no_emergency_plan=no_plan,
        explanation=[
            render(m)
            for m in explain_system_outage(snapshot, figures.continuity, system_id)
            # "costs €0" beside "no data yet": the lines per process say what is missing
            if row.eur_per_hour or m.key != "outage.total"
        ],
    )


def needed_system_ids(figures: Figures) -> list[int]:
    """Systems some process needs, the costliest outage first (cheap: no explanation)."""
    systems = figures.snapshot.system_by_id
    rows = sorted(
        (row for row in figures.continuity.systems.values() if row.paths),
        key=lambda row: (*row.rank_key, systems[row.system_id].name.lower()),
    )
    return [row.system_id for row in rows]


def needed_systems(figures: Figures) -> list[SystemView]:
    """Systems some process needs, the costliest outage first, each explained."""
    return [system_view(figures, system_id) for system_id in needed_system_ids(figures)]


def what_could_stop_us(figures: Figures) -> list[SystemView]:
    """The costliest outages among systems without a tested restore or emergency plan.

    Chooses the TOP_SYSTEMS from the figures first and explains only those: explaining all
    of a thousand needed systems took seconds on every visit of the cockpit."""
    snapshot = figures.snapshot
    systems = snapshot.system_by_id
    rows = sorted(
        (row for row in figures.continuity.systems.values() if row.paths),
        key=lambda row: (*row.rank_key, systems[row.system_id].name.lower()),
    )
    chosen = []
    for row in rows:
        if not systems[row.system_id].in_operation or row.eur_per_hour <= 0:
            continue
        resilience = snapshot.resilience_by_system.get(row.system_id)
        if any(lacks_recovery_plan(resilience, snapshot.as_of)):
            chosen.append(row.system_id)
            if len(chosen) == TOP_SYSTEMS:
                break
    return [system_view(figures, system_id) for system_id in chosen]


def process_outage(figures: Figures, process_id: int) -> tuple[ProcessOutage | None, list[str]]:
    outage = figures.continuity.outages.get(process_id)
    if outage is None:
        return None, []
    return outage, [render(m) for m in explain_process_outage(figures.snapshot, outage)]


def systems_of_process(figures: Figures, process_id: int) -> list[SystemView]:
    """The systems a process needs with the path to the one it uses: those it uses first."""
    systems = figures.snapshot.system_by_id
    rows = sorted(
        (row for row in figures.continuity.systems.values() if process_id in row.paths),
        key=lambda row: (len(row.paths[process_id]), systems[row.system_id].name.lower()),
    )
    return [
        (
            system_view(figures, row.system_id),
            tuple(systems[s].name for s in row.paths[process_id]),
        )
        for row in rows
    ]
