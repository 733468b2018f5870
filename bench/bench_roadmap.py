"""The roadmap page, the initiative list and page, the proposals and the findings list with
their statuses, at 10,000 systems / 50,000 flows with 500 initiatives, against 100 systems /
500 flows with 5 initiatives.

`python -m bench roadmap`. Median and p95 over 100 requests each through Django's test client,
once the analysis is kept (the first request of each page computes it), and the median CPU time
of this process per request (what a quiet machine's wall clock would show). Targets: p95 <
100 ms per page at the large size; the query count the same at both sizes.
"""

import gc
import random
from datetime import date, timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from bench.landscape import build_landscape
from bench.measure import time_calls
from leitstand.accounts.models import User
from leitstand.analysis import analyze
from leitstand.analysis.worklist import finding_identity
from leitstand.inventory.models import Person, System
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.roadmap.models import (
    FindingState,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
    Milestone,
    Phase,
)
from leitstand.tenancy.models import Membership, Role

SIZES = ((100, 500, 5), (10_000, 50_000, 500))
KINDS = ["simplify", "pilot", "evaluate", "rollout", "handover"]
STATUSES = ["idea", "assessed", "approved", "in_pilot", "rolling_out", "done", "stopped"]


def build_plan(organisation, count: int, seed: int = 11) -> list[Initiative]:
    """`count` initiatives with 2 options, 3 phases, 2 milestones and 3 systems each, a
    dependency on the one before for every fifth, and statuses for 2,000 findings."""
    rng = random.Random(seed)
    people = Person.objects.bulk_create(
        Person(organisation=organisation, name=f"Person {n}") for n in range(20)
    )
    system_ids = list(System.objects.for_org(organisation).values_list("pk", flat=True))
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            organisation=organisation,
            name=f"Initiative {n:04d}",
            problem=f"Problem number {n}",
            status=rng.choice(STATUSES),
            priority=rng.choice([1, 2, 3]),
            owner=rng.choice(people),
        )
        for n in range(count)
    )
    InitiativeOption.objects.bulk_create(
        InitiativeOption(
            organisation=organisation,
            initiative=initiative,
            name=f"Option {letter}",
            implementation_eur=Decimal(rng.randrange(1000, 50000)),
            running_cost_eur_per_year=Decimal(rng.randrange(0, 5000)),
            hours_freed_per_year=Decimal(rng.randrange(0, 2000)),
            cash_saved_eur_per_year=Decimal(rng.randrange(0, 3000)),
            chosen=letter == "A",
        )
        for initiative in initiatives
        for letter in "AB"
    )
    phases, milestones = [], []
    for initiative in initiatives:
        start = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 900))
        for kind in rng.sample(KINDS, 3):
            end = start + timedelta(days=rng.randrange(20, 120))
            phases.append(
                Phase(
                    organisation=organisation,
                    initiative=initiative,
                    kind=kind,
                    start_on=start,
                    end_on=end,
                )
            )
            start = end + timedelta(days=1)
        for n in range(2):
            milestones.append(
                Milestone(
                    organisation=organisation,
                    initiative=initiative,
                    name=f"Milestone {n}",
                    due_on=start - timedelta(days=30 * n),
                    owner=rng.choice(people),
                    done=rng.random() < 0.3,
                )
            )
    Phase.objects.bulk_create(phases)
    Milestone.objects.bulk_create(milestones)
    Initiative.systems.through.objects.bulk_create(
        Initiative.systems.through(initiative=initiative, system_id=system_id)
        for initiative in initiatives
        for system_id in rng.sample(system_ids, min(3, len(system_ids)))
    )
    InitiativeDependency.objects.bulk_create(
        InitiativeDependency(organisation=organisation, initiative=later, requires=earlier)
        for earlier, later in zip(initiatives[::5], initiatives[1::5], strict=False)
    )
    findings = analyze(landscape_snapshot(organisation)).findings[:2000]
    FindingState.objects.bulk_create(
        FindingState(
            organisation=organisation,
            key=finding_identity(finding),
            kind=finding.kind,
            subject_name=finding.subjects[0].name[:300] if finding.subjects else "",
            status=rng.choice(["open", "planned", "done", "accepted"]),
            reason="Accepted for the benchmark",
            review_on=date(2027, 6, 30),
            owner=rng.choice(people),
        )
        for finding in {finding_identity(f): f for f in findings}.values()
    )
    return initiatives


def pages(organisation, initiatives) -> dict[str, str]:
    slug = organisation.slug
    middle = initiatives[len(initiatives) // 2]
    return {
        "roadmap": reverse("roadmap:roadmap", kwargs={"org": slug}),
        "roadmap, one status": reverse("roadmap:roadmap", kwargs={"org": slug})
        + "?status=approved",
        "initiative list": reverse("roadmap:initiative_list", kwargs={"org": slug}),
        "initiative page": reverse(
            "roadmap:initiative_detail", kwargs={"org": slug, "pk": middle.pk}
        ),
        "proposals": reverse("roadmap:proposals", kwargs={"org": slug}),
        "findings": reverse("findings:findings", kwargs={"org": slug}),
    }


def main() -> None:
    user = User.objects.create_user("roadmap-bench@example.com", "bench")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    results: dict[int, dict] = {}
    for systems, flows, count in SIZES:
        organisation = build_landscape(f"roadmap-{systems}", systems, flows)
        Membership.objects.create(user=user, organisation=organisation, role=Role.OWNER)
        initiatives = build_plan(organisation, count)
        paths = pages(organisation, initiatives)
        gc.collect()
        gc.freeze()  # as every worker does after loading the application
        results[systems] = {}
        for label, path in paths.items():

            def fetch(path=path):
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)

            name = f"{label} ({systems:,} systems, {count} initiatives)"
            results[systems][label] = time_calls(name, fetch, repeat=100)
    print(f"{'page':<60} {'median':>14} {'p95':>14} {'queries':>10} {'cpu median':>14}")
    for size in results.values():
        for timing in size.values():
            print(timing.line())
    print()
    small, large = results[SIZES[0][0]], results[SIZES[-1][0]]
    for label in small:
        same = "same" if small[label].queries == large[label].queries else "DIFFERENT"
        verdict = "ok" if large[label].p95_ms < 100 else "over the 100 ms target"
        queries = f"queries {small[label].queries} vs {large[label].queries} ({same})"
        p95, cpu = large[label].p95_ms, large[label].cpu_median_ms
        print(f"{label:<30} {queries}; p95 {p95:.1f} ms {verdict} (cpu median {cpu:.1f} ms)")
