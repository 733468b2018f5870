"""What the process page shows: one process with its steps, scenarios, figures, their
explanations and the findings about it, assembled from the selectors' reads."""

from dataclasses import dataclass, field
from decimal import Decimal

from leitstand.analysis.processes.costs import ProcessFigures, ScenarioFigures, StepFigures
from leitstand.analysis.processes.explain import explain_process, explain_scenario
from leitstand.analysis.processes.model import Process as ProcessRecord
from leitstand.analysis.rules.processes import (
    automation_candidate_findings,
    unneeded_step_findings,
)
from leitstand.core.presenters import FindingView, present_finding
from leitstand.core.wording import render_all
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.processes.selectors import process_facts, steps_of


@dataclass
class StepRow:
    step: ProcessStep
    figures: StepFigures


@dataclass
class ScenarioColumn:
    scenario: AutomationScenario
    figures: ScenarioFigures
    explanation: str
    after_error_hours: Decimal  # the whole process's, afterwards
    changed: list[ProcessStep] = field(default_factory=list)


@dataclass
class ProcessPage:
    record: ProcessRecord
    figures: ProcessFigures
    explanations: dict[str, str]
    steps: list[StepRow]
    scenarios: list[ScenarioColumn]
    findings: list[FindingView]  # steps nobody needs first, then the best scenario

    @property
    def manual_steps(self) -> int:
        return sum(1 for row in self.steps if not row.step.automated)

    @property
    def fastest_scenario_id(self) -> int | None:
        """The scenario that pays back first, when more than one is compared."""
        paying = [c for c in self.scenarios if c.figures.payback_months is not None]
        if len(self.scenarios) < 2 or not paying:
            return None
        fastest = min(paying, key=lambda c: (c.figures.payback_months, -c.figures.hours_freed))
        return fastest.scenario.pk


def process_page(process: Process) -> ProcessPage:
    facts = process_facts(process)
    record = facts.snapshot.processes[0]
    figures = facts.processes.figures[record.id]
    by_step = {figures.step_id: figures for figures in figures.steps}
    steps = list(steps_of(process))
    step_by_id = {step.pk: step for step in steps}
    scenarios = []
    for scenario in process.scenarios.order_by("pk"):
        scenario_record = next(s for s in record.scenarios if s.id == scenario.pk)
        scenario_figures = facts.processes.scenarios[scenario.pk]
        messages = explain_scenario(
            record, scenario_record, scenario_figures, facts.snapshot.settings
        )
        changed = [step_by_id[i] for i in scenario_record.step_ids if i in step_by_id]
        scenarios.append(
            ScenarioColumn(
                scenario,
                scenario_figures,
                render_all(messages),
                figures.error_hours - scenario_figures.error_hours_avoided,
                changed,
            )
        )
    findings = [*unneeded_step_findings(facts), *automation_candidate_findings(facts)]
    explanations = explain_process(facts.snapshot, record, figures)
    return ProcessPage(
        record=record,
        figures=figures,
        explanations={key: render_all(messages) for key, messages in explanations.items()},
        steps=[StepRow(step, by_step[step.pk]) for step in steps],
        scenarios=scenarios,
        findings=[present_finding(f, process.organisation.slug) for f in findings],
    )
