"""What an outage of each system stops and costs, and the RTO and RPO it inherits.

A process needs a system when one of its steps uses it (directly), or when the system feeds a
system the process needs through an automated integration (API, event, shared database, a file
transfer nobody handles) that runs at least as often as the process's RTO (upstream; DOMAIN.md,
business impact). Manual transfers (typed, copied, mailed, paper, a file a person exports) pass
nothing on: people bridge them for a while. Requirements pass against the data flow, each
path once (loops stop). A process without an RTO uses its maximum tolerable downtime instead;
without either, only its own systems. A system inherits the strictest (smallest) RTO and RPO
of the processes that need it; its outage cost per hour is the sum over those processes of
revenue per hour x margin + people left idle x labour cost per hour + penalties per hour.
Systems that no process needs get no RTO and cost 0, and say so.
"""

from collections import deque
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.continuity.impact import DEFAULT_OPERATING_HOURS_PER_DAY, BusinessImpact
from leitstand.analysis.messages import Count, Eur, Hours, Label, Message, Percent
from leitstand.analysis.processes.model import Process
from leitstand.analysis.snapshot import Integration, Snapshot
from leitstand.analysis.vocabulary import Frequency, Method, MethodCategory, method_category

ZERO = Decimal(0)
CENT = Decimal("0.01")


class ProcessOutage(NamedTuple):
    """What one hour without a process costs; each part 0 when its input is not recorded."""

    process_id: int
    revenue_per_year: Decimal | None
    operating_hours_per_year: Decimal
    revenue_per_hour: Decimal | None
    margin_percent: Decimal | None
    margin_eur_per_hour: Decimal
    people_idle: int
    idle_eur_per_hour: Decimal
    penalty_per_hour: Decimal
    eur_per_hour: Decimal
    has_impact: bool


class Requirement(NamedTuple):
    """The strictest RTO or RPO a system inherits: its value, the process that sets it, and the
    path of systems from this one to the one the process uses (one system: used directly)."""

    hours: Decimal
    process_id: int
    path: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SystemContinuity:
    system_id: int
    paths: dict[int, tuple[int, ...]]  # process id -> systems from this one to the one it uses
    rto: Requirement | None
    rpo: Requirement | None
    eur_per_hour: Decimal

    @property
    def process_ids(self) -> tuple[int, ...]:
        return tuple(self.paths)

    @property
    def direct_process_ids(self) -> tuple[int, ...]:
        """The processes whose steps use this system themselves (not through integrations)."""
        return tuple(pid for pid, path in self.paths.items() if len(path) == 1)

    @property
    def rank_key(self) -> tuple:
        """Costliest first; at equal cost (systems in one loop of integrations stop the same
        processes) the system more processes use directly comes first."""
        return (-self.eur_per_hour, -len(self.direct_process_ids))


def revenue_per_year(process: Process, working_days_per_year: int) -> Decimal | None:
    if process.revenue_per_year is not None:
        return process.revenue_per_year
    if process.revenue_per_run is None:
        return None
    runs = formulas.runs_per_year(process.runs_per_period, process.frequency, working_days_per_year)
    return process.revenue_per_run * runs


def process_outage(
    process: Process, impact: BusinessImpact | None, labour_cost_per_hour: Decimal, days: int
) -> ProcessOutage:
    """Revenue per hour = revenue per year / (working days x operating hours per day)."""
    hours_per_day = impact.operating_hours_per_day if impact else DEFAULT_OPERATING_HOURS_PER_DAY
    operating_hours = Decimal(days) * hours_per_day
    revenue_year = revenue_per_year(process, days)
    revenue_hour = None
    if revenue_year is not None and operating_hours > 0:
        revenue_hour = revenue_year / operating_hours
    margin = impact.margin_percent if impact else None
    margin_eur = ZERO
    if revenue_hour is not None and margin is not None:
        margin_eur = revenue_hour * margin / 100
    people = (impact.people_idle or 0) if impact else 0
    idle_eur = Decimal(people) * labour_cost_per_hour
    penalty = (impact.penalty_per_hour or ZERO) if impact else ZERO
    return ProcessOutage(
        process_id=process.id,
        revenue_per_year=revenue_year,
        operating_hours_per_year=operating_hours,
        revenue_per_hour=revenue_hour,
        margin_percent=margin,
        margin_eur_per_hour=margin_eur,
        people_idle=people,
        idle_eur_per_hour=idle_eur,
        penalty_per_hour=penalty,
        eur_per_hour=margin_eur + idle_eur + penalty,
        has_impact=impact is not None,
    )


#: Calendar hours of one period: a flow that runs N times in it runs every hours / N.
PERIOD_HOURS = {
    Frequency.DAY: Decimal(24),
    Frequency.WEEK: Decimal(168),
    Frequency.MONTH: Decimal(730),
    Frequency.YEAR: Decimal(8760),
    Frequency.EVENT: Decimal(8760),  # N events a year
}
#: A shared database passes data on the moment it changes, whatever the recorded frequency.
REAL_TIME = frozenset({Method.SHARED_DATABASE})

#: Per receiving system: (sending system, hours between two runs) of the flows that feed it
#: automatically.
Feeders = dict[int, list[tuple[int, Decimal]]]


def feeding_interval(flow: Integration) -> Decimal | None:
    """Hours between two runs of a flow that feeds its target automatically; None when a
    person carries the data (manual, or a file with minutes of work per run), which passes no
    requirement on. A shared database feeds at once (0); events come as often as they are
    expected (N a year). An automated flow whose number of runs is unknown counts as feeding at
    once: unknown is not "rarely"."""
    category = method_category(flow.method)
    if category is MethodCategory.MANUAL:
        return None
    if category is MethodCategory.FILE and flow.minutes_per_run != 0:
        return None
    if flow.method in REAL_TIME:
        return ZERO
    if flow.runs_per_period is None:
        return ZERO
    if flow.runs_per_period <= 0:
        return None
    return PERIOD_HOURS[flow.frequency] / flow.runs_per_period


def automated_feeders(snapshot: Snapshot) -> Feeders:
    """Every system's automated feeders with the most frequent flow per sender."""
    feeders: dict[int, dict[int, Decimal]] = {system.id: {} for system in snapshot.systems}
    for flow in snapshot.active_integrations:
        if flow.source_id == flow.target_id or flow.target_id not in feeders:
            continue
        if flow.source_id not in feeders:
            continue
        interval = feeding_interval(flow)
        if interval is None:
            continue
        known = feeders[flow.target_id].get(flow.source_id)
        if known is None or interval < known:
            feeders[flow.target_id][flow.source_id] = interval
    return {target: list(sources.items()) for target, sources in feeders.items()}


def upstream_paths(
    feeders: Feeders, used: tuple[int, ...], within: Decimal | None
) -> dict[int, tuple[int, ...]]:
    """Every system a process needs, with the shortest path of systems from it to one the
    process uses directly: breadth first against the direction of the automated flows that
    run at least every `within` hours (None: only the systems the process uses)."""
    paths = {system_id: (system_id,) for system_id in used if system_id in feeders}
    if within is None:
        return paths
    queue = deque(paths)
    while queue:
        current = queue.popleft()
        for source, interval in feeders[current]:
            if interval <= within and source not in paths:
                paths[source] = (source, *paths[current])
                queue.append(source)
    return paths


def inherited_within(impact: BusinessImpact) -> Decimal | None:
    """How often a feeding flow must run for the process to need its sender: the RTO, or the
    maximum tolerable downtime where no RTO is recorded."""
    if impact.rto_hours is not None:
        return impact.rto_hours
    mtpd = impact.mtpd_hours
    return None if mtpd is None else Decimal(mtpd)


def _stricter(current: Requirement | None, candidate: Requirement) -> Requirement:
    if current is None or candidate.hours < current.hours:
        return candidate
    if candidate.hours == current.hours and len(candidate.path) < len(current.path):
        return candidate
    return current


@dataclass(frozen=True)
class Continuity:
    outages: dict[int, ProcessOutage]  # process id ->
    systems: dict[int, SystemContinuity]  # every system, needed by a process or not
    impacts: dict[int, BusinessImpact]  # process id ->

    def outage_cost_by_system(self) -> dict[int, Decimal]:
        return {system_id: row.eur_per_hour for system_id, row in self.systems.items()}


def gather_continuity(snapshot: Snapshot) -> Continuity:
    """Per process its outage cost; per system the processes it stops, RTO, RPO and cost."""
    feeders = automated_feeders(snapshot)
    settings = snapshot.settings
    impacts = {impact.process_id: impact for impact in snapshot.business_impacts}
    outages: dict[int, ProcessOutage] = {}
    paths: dict[int, dict[int, tuple[int, ...]]] = {system.id: {} for system in snapshot.systems}
    rto: dict[int, Requirement] = {}
    rpo: dict[int, Requirement] = {}
    for process in sorted(snapshot.processes, key=lambda p: (p.name.lower(), p.id)):
        impact = impacts.get(process.id)
        outages[process.id] = process_outage(
            process, impact, settings.labour_cost_per_hour, settings.working_days_per_year
        )
        # Upstream systems are followed only for processes with a business impact: without
        # one a process adds no cost, RTO or RPO, and following the flows of thousands of such
        # processes through a looped landscape costs minutes. Its own systems still list it.
        if impact is None:
            needed = {system_id: (system_id,) for system_id in process.system_ids}
        else:
            needed = upstream_paths(feeders, process.system_ids, inherited_within(impact))
        for system_id, path in needed.items():
            paths[system_id][process.id] = path
            if impact and impact.rto_hours is not None:
                rto[system_id] = _stricter(
                    rto.get(system_id), Requirement(impact.rto_hours, process.id, path)
                )
            if impact and impact.rpo_hours is not None:
                rpo[system_id] = _stricter(
                    rpo.get(system_id), Requirement(impact.rpo_hours, process.id, path)
                )
    nothing = ZERO.quantize(CENT)  # most systems of a large landscape: no process needs them
    systems = {
        system_id: SystemContinuity(
            system_id,
            needed_by,
            rto.get(system_id),
            rpo.get(system_id),
            sum((outages[process_id].eur_per_hour for process_id in needed_by), ZERO).quantize(CENT)
            if needed_by
            else nothing,
        )
        for system_id, needed_by in paths.items()
    }
    return Continuity(outages=outages, systems=systems, impacts=impacts)


def path_label(snapshot: Snapshot, path: tuple[int, ...]) -> Label:
    return Label(" → ".join(snapshot.system_by_id[system_id].name for system_id in path))


def explain_process_outage(snapshot: Snapshot, outage: ProcessOutage) -> list[Message]:
    """How one process's part of an outage hour is computed, with the numbers."""
    process = Label(snapshot.process_by_id[outage.process_id].name)
    settings = snapshot.settings
    if not outage.has_impact:
        return [Message("outage.no_impact", {"process": process})]
    explanation = []
    if outage.revenue_per_hour is None:
        explanation.append(Message("outage.no_revenue", {"process": process}))
    else:
        explanation.append(
            Message(
                "outage.revenue_per_hour",
                {
                    "process": process,
                    "revenue_year": Eur(outage.revenue_per_year),
                    "days": Count(settings.working_days_per_year),
                    "operating": Hours(
                        outage.operating_hours_per_year / max(settings.working_days_per_year, 1)
                    ),
                    "revenue": Eur(outage.revenue_per_hour),
                },
            )
        )
        if outage.margin_percent is None:
            explanation.append(Message("outage.no_margin", {"process": process}))
    params = {
        "process": process,
        "people": Count(outage.people_idle),
        "rate": Eur(settings.labour_cost_per_hour),
        "penalty": Eur(outage.penalty_per_hour),
        "eur": Eur(outage.eur_per_hour),
    }
    if outage.revenue_per_hour is None or outage.margin_percent is None:
        explanation.append(Message("outage.labour_only", params))
        return explanation
    params["revenue"] = Eur(outage.revenue_per_hour)
    params["margin"] = Percent(outage.margin_percent)
    explanation.append(Message("outage.process", params))
    return explanation


def explain_system_outage(
    snapshot: Snapshot, continuity: Continuity, system_id: int
) -> list[Message]:
    """The sum over the processes a system stops, each process's part and path."""
    row = continuity.systems[system_id]
    system = Label(snapshot.system_by_id[system_id].name)
    if not row.paths:
        return [Message("outage.none", {"system": system})]
    explanation = [
        Message(
            "outage.total",
            {"system": system, "eur": Eur(row.eur_per_hour), "count": Count(len(row.paths))},
        )
    ]
    for process_id, path in row.paths.items():
        if len(path) > 1:
            process = Label(snapshot.process_by_id[process_id].name)
            within = inherited_within(continuity.impacts[process_id])
            explanation.append(
                Message(
                    "outage.via",
                    {
                        "process": process,
                        "system": system,
                        "rto": Hours(within or ZERO),
                        "path": path_label(snapshot, path),
                    },
                )
            )
        explanation.extend(explain_process_outage(snapshot, continuity.outages[process_id]))
    return explanation
