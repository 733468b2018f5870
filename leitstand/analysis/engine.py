"""`analyze(snapshot) -> Analysis`: the one entry point pages, JSON and command line share."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from leitstand.analysis.costs import IntegrationFigures, ManualTotals
from leitstand.analysis.explain import explain_totals
from leitstand.analysis.facts import Facts, gather_facts
from leitstand.analysis.findings import DataGap, Finding, ranked
from leitstand.analysis.gaps import GAP_RULES
from leitstand.analysis.messages import Message
from leitstand.analysis.names import SimilarNames
from leitstand.analysis.overlaps import OverlapGroup, overlapping_system_ids
from leitstand.analysis.portfolio import Recommendation, recommend_portfolio
from leitstand.analysis.processes.facts import ProcessFacts
from leitstand.analysis.quick_win_list import QuickWinList, quick_win_list
from leitstand.analysis.quick_wins import QuickWins, quick_wins
from leitstand.analysis.rules import RULES
from leitstand.analysis.snapshot import Snapshot


@dataclass(frozen=True)
class Analysis:
    snapshot: Snapshot
    facts: Facts
    findings: tuple[Finding, ...]  # ranked: most severe, then most money, first
    data_gaps: tuple[DataGap, ...]

    @property
    def totals(self) -> ManualTotals:
        return self.facts.totals

    @property
    def totals_explanation(self) -> tuple[Message, ...]:
        return explain_totals(self.facts.totals)

    @property
    def figures(self) -> dict[int, IntegrationFigures]:
        return self.facts.figures

    @property
    def overlaps(self) -> tuple[OverlapGroup, ...]:
        return self.facts.overlaps

    @property
    def overlapping_system_ids(self) -> frozenset[int]:
        return overlapping_system_ids(self.facts.overlaps)

    @property
    def similar_names(self) -> tuple[SimilarNames, ...]:
        return self.facts.similar_names

    @property
    def blast_radius_sizes(self) -> dict[int, int]:
        return self.facts.blast_radius_sizes

    @property
    def isolated_system_ids(self) -> tuple[int, ...]:
        return self.facts.isolated_system_ids

    @cached_property
    def portfolio(self) -> tuple[Recommendation, ...]:
        """A modernisation recommendation per system, computed when first asked for."""
        return recommend_portfolio(self.snapshot, self.facts.overlaps, figures=self.facts.figures)

    @cached_property
    def recommendation_by_system(self) -> dict[int, Recommendation]:
        return {recommendation.system.id: recommendation for recommendation in self.portfolio}

    @cached_property
    def quick_wins(self) -> QuickWins:
        """Retiring overlapping tools: licences that end, transfers that disappear."""
        return quick_wins(self.snapshot, self.portfolio, self.facts.figures)

    @cached_property
    def quick_win_list(self) -> QuickWinList:
        """Every quick win without new technology: the retirements above, unneeded steps,
        licences still paid for unused systems, deputies to name."""
        return quick_win_list(
            self.snapshot, self.quick_wins, self.facts.processes, self.facts.critical_system_ids
        )

    @property
    def processes(self) -> ProcessFacts:
        return self.facts.processes

    @property
    def outage_cost_by_system(self) -> dict[int, Decimal]:
        """EUR per hour of outage per system id (0 where no process needs it)."""
        return self.facts.continuity.outage_cost_by_system()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build many small objects without the cyclic garbage collector rescanning them.

    They form no reference cycles and are freed by reference counting. With the collector
    running, its passes over the growing heap took about a third of the time at 50,000 flows;
    re-enabled plainly, it would scan all the new objects at once on the way out. Instead,
    freeze + unfreeze hands everything to the oldest generation unscanned, where an ordinary
    full collection looks at it later. When objects are frozen already (a worker's
    application, a kept large analysis: `landscape.cache`), they stay frozen and the new ones
    join them: unfreezing let every later full collection walk a kept analysis' millions of
    objects again (2.4 to 10 s at 50,000 systems / 250,000 flows, holding every thread). What
    that leaves frozen of cyclic garbage is a handful of objects (5 at 300 systems).
    """
    enabled = gc.isenabled()
    frozen_before = gc.get_freeze_count() > 0
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if not frozen_before:
            gc.unfreeze()
        if enabled:
            gc.enable()


def analyze(snapshot: Snapshot) -> Analysis:
    with collector_paused():
        facts = gather_facts(snapshot)
        findings = ranked(finding for rule in RULES for finding in rule(facts))
        gaps = tuple(gap for rule in GAP_RULES for gap in rule(facts))
    return Analysis(snapshot=snapshot, facts=facts, findings=findings, data_gaps=gaps)
