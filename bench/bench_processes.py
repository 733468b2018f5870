"""The whole analysis with 2,000 processes of 10 steps (and two scenarios each) on top of the
10,000-system / 50,000-flow landscape of bench/landscape.py.

`python -m bench processes`. Target: snapshot load + analysis under 1 s; the query count the
same at every size.
"""

import random
import statistics
import time
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.landscape import build_landscape
from leitstand.analysis import analyze
from leitstand.findings.serialize import analysis_as_json
from leitstand.flows.models import Integration
from leitstand.inventory.models import Department, System
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Organisation

SYSTEMS, FLOWS = 10_000, 50_000
SIZES = [(200, 10), (2_000, 10)]
SCENARIOS_PER_PROCESS = 2
REPEAT = 5
TARGET_SECONDS = 1.0


def _steps(rng, organisation, process, systems, departments, manual_flows) -> list[ProcessStep]:
    return [
        ProcessStep(
            organisation=organisation,
            process=process,
            position=position,
            name=f"Step {position} of {process.name}",
            department=rng.choice(departments),
            system=rng.choice(systems) if rng.random() < 0.8 else None,
            automated=rng.random() < 0.3,
            minutes_per_run=Decimal(rng.randrange(0, 30)),
            error_rate_percent=Decimal(rng.randrange(0, 5)),
            minutes_to_fix_error=Decimal(rng.randrange(0, 20)),
            needed=rng.choice(["yes"] * 8 + ["no", "unclear"]),
            integration=rng.choice(manual_flows) if rng.random() < 0.2 else None,
        )
        for position in range(1, 11)
    ]


def add_processes(organisation: Organisation, processes: int, seed: int = 11) -> None:
    """`processes` processes of 10 steps, a fifth of the steps performing a manual flow."""
    rng = random.Random(seed)
    Process.objects.filter(organisation=organisation).delete()
    systems = list(System.objects.for_org(organisation).only("pk")[:2_000])
    departments = list(Department.objects.for_org(organisation).only("pk"))
    manual_flows = list(
        Integration.objects.for_org(organisation).filter(method="manual").only("pk")[:5_000]
    )
    rows = Process.objects.bulk_create(
        Process(
            organisation=organisation,
            name=f"Process {n}",
            frequency=rng.choice(["day", "week", "month", "year"]),
            runs_per_period=Decimal(rng.randrange(1, 60)),
        )
        for n in range(processes)
    )
    steps = ProcessStep.objects.bulk_create(
        (
            step
            for process in rows
            for step in _steps(rng, organisation, process, systems, departments, manual_flows)
        ),
        batch_size=5_000,
    )
    _scenarios(rng, organisation, rows, steps)


def _scenarios(rng, organisation, processes, steps) -> None:
    by_process: dict[int, list[ProcessStep]] = {}
    for step in steps:
        by_process.setdefault(step.process_id, []).append(step)
    scenarios = AutomationScenario.objects.bulk_create(
        AutomationScenario(
            organisation=organisation,
            process=process,
            name=f"Scenario {n}",
            minutes_after=Decimal(rng.randrange(0, 10)),
            error_rate_after_percent=Decimal(rng.randrange(0, 2)),
            investment=Decimal(rng.randrange(0, 50_000)),
            running_cost_per_year=Decimal(rng.randrange(0, 10_000)),
        )
        for process in processes
        for n in range(SCENARIOS_PER_PROCESS)
    )
    AutomationScenario.steps.through.objects.bulk_create(
        (
            AutomationScenario.steps.through(automationscenario=scenario, processstep=step)
            for scenario in scenarios
            for step in rng.sample(by_process[scenario.process_id], 3)
        ),
        batch_size=5_000,
    )


def _seconds(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def _runs(organisation: Organisation, processes: bool) -> tuple[list, list, object]:
    totals, analyses = [], []
    for _ in range(REPEAT):
        load, snapshot = _seconds(lambda: landscape_snapshot(organisation, processes=processes))
        run, analysis = _seconds(lambda snapshot=snapshot: analyze(snapshot))
        totals.append(load + run)
        analyses.append(run)
    return totals, analyses, analysis


def measure_landscape_only(organisation: Organisation) -> float:
    """The same analysis without the processes: what they add is the difference."""
    totals, analyses, _analysis = _runs(organisation, processes=False)
    median = statistics.median(totals)
    print(
        f"landscape only (no processes loaded)\n"
        f"  load+analysis  median {median * 1000:7.0f} ms   (min {min(totals) * 1000:.0f} ms)   "
        f"analysis alone median {statistics.median(analyses) * 1000:.0f} ms"
    )
    return median


def measure(organisation: Organisation, processes: int) -> float:
    started = time.perf_counter()
    add_processes(organisation, processes)
    print(f"added {processes:,} processes of 10 steps in {time.perf_counter() - started:.1f} s")
    with CaptureQueriesContext(connection) as queries:
        landscape_snapshot(organisation)
    totals, analyses, analysis = _runs(organisation, processes=True)
    render, data = _seconds(lambda: analysis_as_json(analysis))
    median = statistics.median(totals)
    print(
        f"  load+analysis  median {median * 1000:7.0f} ms   "
        f"(min {min(totals) * 1000:.0f}, max {max(totals) * 1000:.0f}, {REPEAT} runs)   "
        f"queries {len(queries)}\n"
        f"  analysis alone median {statistics.median(analyses) * 1000:7.0f} ms   "
        f"findings {len(analysis.findings):,}, "
        f"automation candidates {len(data['automation_candidates']):,}\n"
        f"  JSON with every explanation rendered: {render * 1000:.0f} ms (not part of the target)"
    )
    return median


def main() -> None:
    started = time.perf_counter()
    organisation = build_landscape(f"bench-processes-{SYSTEMS}", SYSTEMS, FLOWS)
    print(
        f"generated {SYSTEMS:,} systems / {FLOWS:,} flows in {time.perf_counter() - started:.1f} s"
    )
    for processes, _steps_each in SIZES:
        median = measure(organisation, processes)
    baseline = measure_landscape_only(organisation)
    verdict = "within" if median < TARGET_SECONDS else "OVER"
    print(
        f"2,000 processes: {median * 1000:.0f} ms, {verdict} the {TARGET_SECONDS:.0f} s target; "
        f"the processes add {(median - baseline) * 1000:.0f} ms to the landscape's "
        f"{baseline * 1000:.0f} ms"
    )
