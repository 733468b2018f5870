"""Recommendations for every system on top of the analysis, at 1,000 and 10,000 systems.

`python -m bench assessment`. Target: the rule table over 10,000 systems (inputs gathered from
the analysis facts, the rule that fires, the TIME class) under 0.5 s once the analysis is done.
The landscape is bench/landscape.py's, with hosting, dates, assessments (some with history)
and overrides added so that every rule has systems to fire on.
"""

import random
import statistics
import time
from collections import Counter
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.landscape import build_landscape
from leitstand.analysis import analyze
from leitstand.analysis.portfolio import recommend_portfolio
from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.assessment.serialize import portfolio_as_json
from leitstand.inventory.models import System
from leitstand.landscape.snapshot import landscape_snapshot

SIZES = [(1_000, 5_000), (10_000, 50_000)]
REPEAT = 7
TARGET_SECONDS = 0.5
TODAY = date(2026, 11, 23)


def _facts(rng: random.Random, systems: list[System]) -> None:
    """Hosting, introduction and end-of-support dates, as an inventory would have them."""
    for system in systems:
        system.hosting = rng.choice(["on_premises", "on_premises", "saas", "public_cloud", ""])
        system.kind = rng.choice(["application"] * 4 + ["suite", "infrastructure", "device", ""])
        system.introduced_on = TODAY - timedelta(days=rng.randrange(100, 6000))
        if rng.random() < 0.3:
            system.end_of_support = TODAY + timedelta(days=rng.randrange(-900, 900))
    System.objects.bulk_update(
        systems, ["hosting", "kind", "introduced_on", "end_of_support"], batch_size=2000
    )


def _assessment(rng: random.Random, system: System, day: date) -> Assessment:
    ended = system.end_of_support is not None and system.end_of_support < day
    return Assessment(
        organisation_id=system.organisation_id,
        system=system,
        assessed_on=day,
        criticality=rng.randint(1, 4),
        health=1 if ended else rng.randint(1, 4),
        integration=rng.randint(1, 4),
    )


def _assess(organisation) -> int:
    rng = random.Random(11)
    systems = list(System.objects.for_org(organisation).order_by("pk"))
    _facts(rng, systems)
    rows, overrides = [], []
    for system in systems:
        if rng.random() < 0.8:
            rows.append(_assessment(rng, system, date(2026, 10, 1)))
            if rng.random() < 0.3:  # an earlier one: history to skip when loading
                rows.append(_assessment(rng, system, date(2025, 3, 1)))
        if rng.random() < 0.02:
            overrides.append(
                RecommendationOverride(
                    organisation=organisation, system=system, strategy="retain", reason="Bench."
                )
            )
    Assessment.objects.bulk_create(rows, batch_size=2000)
    RecommendationOverride.objects.bulk_create(overrides, batch_size=2000)
    return len(rows)


def _median_seconds(call, repeat: int = REPEAT) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def measure(systems: int, flows: int) -> None:
    started = time.perf_counter()
    organisation = build_landscape(f"bench-assess-{systems}", systems, flows)
    assessments = _assess(organisation)
    print(
        f"generated {systems:,} systems / {flows:,} flows / {assessments:,} assessments "
        f"in {time.perf_counter() - started:.1f} s"
    )
    with CaptureQueriesContext(connection) as queries:
        landscape_snapshot(organisation)
    load, snapshot = _median_seconds(lambda: landscape_snapshot(organisation), 3)
    run, analysis = _median_seconds(lambda: analyze(snapshot), 3)
    recommend, portfolio = _median_seconds(
        lambda: recommend_portfolio(snapshot, analysis.facts.overlaps)
    )
    render, _rows = _median_seconds(lambda: portfolio_as_json(analysis), 1)
    spread = Counter(r.computed_strategy or "assess first" for r in portfolio)
    verdict = "OK" if recommend < TARGET_SECONDS else "TOO SLOW"
    fired = len({r.rule.id for r in portfolio})
    print(
        f"  snapshot load   median {load * 1000:7.0f} ms   queries {len(queries)}\n"
        f"  analysis        median {run * 1000:7.0f} ms\n"
        f"  recommendations median {recommend * 1000:7.0f} ms   for {len(portfolio):,} systems, "
        f"{fired} rules fired   target < {TARGET_SECONDS * 1000:.0f} ms: "
        f"{verdict}\n"
        f"  portfolio JSON with every explanation rendered: {render * 1000:.0f} ms "
        f"(not part of the target)\n"
        f"  spread: {', '.join(f'{k} {v:,}' for k, v in spread.most_common())}"
    )


def main() -> None:
    for systems, flows in SIZES:
        measure(systems, flows)
