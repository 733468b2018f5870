"""What the process rules and pages read, computed once per analysis: figures of every
process and scenario, the ranking of automation candidates and the totals."""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from leitstand.analysis.costs import IntegrationFigures
from leitstand.analysis.processes.costs import (
    Candidate,
    ProcessFigures,
    ProcessTotals,
    ScenarioFigures,
    process_figures,
    process_totals,
    ranked_candidates,
    scenario_figures,
)
from leitstand.analysis.snapshot import Snapshot


@dataclass(frozen=True)
class ProcessFacts:
    figures: dict[int, ProcessFigures]
    scenarios: dict[int, ScenarioFigures]
    candidates: tuple[Candidate, ...]  # every scenario, by payback, then hours freed
    totals: ProcessTotals

    @cached_property
    def best_candidates(self) -> dict[int, Candidate]:
        """Per process, its first-ranked scenario that saves money at all."""
        best: dict[int, Candidate] = {}
        for candidate in self.candidates:
            if candidate.figures.payback_months is not None:
                best.setdefault(candidate.process.id, candidate)
        return best


def gather_process_facts(
    snapshot: Snapshot, integration_figures: Mapping[int, IntegrationFigures]
) -> ProcessFacts:
    settings = snapshot.settings
    figures = {
        process.id: process_figures(
            process, settings, snapshot.integration_by_id, integration_figures
        )
        for process in snapshot.processes
    }
    candidates = [
        Candidate(
            process,
            scenario,
            scenario_figures(process, scenario, figures[process.id], settings),
        )
        for process in snapshot.processes
        for scenario in process.scenarios
    ]
    return ProcessFacts(
        figures=figures,
        scenarios={c.scenario.id: c.figures for c in candidates},
        candidates=ranked_candidates(candidates),
        totals=process_totals(figures.values(), settings),
    )
