"""Shared measuring helpers for the benchmarks: timing percentiles and query counts."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Timing:
    label: str
    median_ms: float
    p95_ms: float
    queries: int
    #: CPU time of this process per call (the test client and SQLite run in it): what a quiet
    #: machine's wall clock would show when the others' load stretches ours.
    cpu_median_ms: float | None = None

    def line(self) -> str:
        cpu = "" if self.cpu_median_ms is None else f"   cpu {self.cpu_median_ms:6.1f} ms"
        return (
            f"{self.label:<45} median {self.median_ms:7.1f} ms   "
            f"p95 {self.p95_ms:7.1f} ms   queries {self.queries:>3}{cpu}"
        )


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def time_calls(
    label: str, call: Callable[[], object], repeat: int = 200, warmup: int = 5
) -> Timing:
    """Median and p95 of `repeat` calls, and the number of SQL queries of one call."""
    for _ in range(warmup):
        call()
    with CaptureQueriesContext(connection) as captured:
        call()
    queries = len(captured)  # read now: later requests clear the connection's query log
    samples, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return Timing(
        label,
        statistics.median(samples),
        percentile(samples, 0.95),
        queries,
        statistics.median(cpu),
    )
