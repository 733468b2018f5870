"""Snapshot load plus the whole analysis at 10,000 systems / 50,000 integrations, and the
integration map with 2,000 systems in a real browser (time to first render).

`python -m bench analysis`. Targets: analysis under 1 s; the query count the same at every size.
"""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.landscape import build_landscape
from bench.map_browser import map_first_render
from leitstand.analysis import analyze
from leitstand.findings.serialize import analysis_as_json
from leitstand.landscape.snapshot import landscape_snapshot

SIZES = [(1_000, 5_000), (10_000, 50_000)]
REPEAT = 5


def _seconds(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def measure_analysis(systems: int, flows: int) -> None:
    started = time.perf_counter()
    organisation = build_landscape(f"bench-{systems}", systems, flows)
    print(
        f"generated {systems:,} systems / {flows:,} flows in {time.perf_counter() - started:.1f} s"
    )
    with CaptureQueriesContext(connection) as queries:
        landscape_snapshot(organisation)
    loads, analyses, totals = [], [], []
    for _ in range(REPEAT):
        load, snapshot = _seconds(lambda: landscape_snapshot(organisation))
        run, analysis = _seconds(lambda snapshot=snapshot: analyze(snapshot))
        loads.append(load)
        analyses.append(run)
        totals.append(load + run)
    render, _ = _seconds(lambda: analysis_as_json(analysis))
    print(
        f"  snapshot load  median {statistics.median(loads) * 1000:7.0f} ms   "
        f"queries {len(queries)}\n"
        f"  analysis       median {statistics.median(analyses) * 1000:7.0f} ms   "
        f"findings {len(analysis.findings):,}, data gaps {len(analysis.data_gaps):,}\n"
        f"  load+analysis  median {statistics.median(totals) * 1000:7.0f} ms   "
        f"(min {min(totals) * 1000:.0f} ms, max {max(totals) * 1000:.0f} ms, {REPEAT} runs)\n"
        f"  JSON with every explanation rendered: {render * 1000:.0f} ms (not part of the target)"
    )


def main() -> None:
    for systems, flows in SIZES:
        measure_analysis(systems, flows)
    map_first_render(systems=2_000, flows=10_000)
