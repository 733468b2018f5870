"""The maturity suggestions and scores at 10,000 systems / 50,000 integrations: what a new
assessment costs on top of the kept analysis snapshot.

`python -m bench maturity`. The suggestions run once when an assessment is started, on the
snapshot already kept for the analysis; they must stay linear in systems and flows (one pass
per signal, one pass over the flows), far below the snapshot load itself.
"""

import statistics
import time

from django.utils import timezone

from bench.landscape import build_landscape
from leitstand.analysis.maturity.prefill import CompanyFacts, prefill
from leitstand.analysis.maturity.scoring import score_assessment
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.maturity.catalogue import load_catalogue, load_signals

SIZES = [(1_000, 5_000), (10_000, 50_000)]
REPEAT = 5


def _median_ms(call) -> tuple[float, object]:
    times, result = [], None
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, result


def measure(systems: int, flows: int) -> None:
    organisation = build_landscape(f"bench-maturity-{systems}", systems, flows)
    snapshot = landscape_snapshot(organisation)
    signals, catalogue, today = load_signals(), load_catalogue(), timezone.localdate()
    company = CompanyFacts(employees=250)
    suggest_ms, found = _median_ms(lambda: prefill(snapshot, signals, company, today))
    answers = {key: p.value for key, p in found.items() if p.value}
    score_ms, _ = _median_ms(lambda: score_assessment(catalogue, answers))
    print(
        f"{systems:,} systems / {flows:,} flows: suggestions median {suggest_ms:.1f} ms "
        f"({len(found)} items with a suggestion or hint), scoring median {score_ms:.2f} ms"
    )


def main() -> None:
    for systems, flows in SIZES:
        measure(systems, flows)
