"""Reads for the process pages: one process with its figures, the list, the ranking."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from leitstand.analysis import snapshot as snap
from leitstand.analysis.facts import Facts, gather_facts
from leitstand.analysis.formulas import eur_for_hours
from leitstand.analysis.processes.costs import (
    ProcessFigures,
    ScenarioFigures,
    StepFigures,
    process_figures,
    unneeded_steps,
)
from leitstand.analysis.processes.explain import explain_process, explain_scenario
from leitstand.analysis.processes.facts import ProcessFacts, gather_process_facts
from leitstand.analysis.processes.model import Process as ProcessRecord
from leitstand.analysis.processes.model import ProcessStep as StepRecord
from leitstand.analysis.rules.processes import (
    automation_candidate_findings,
    unneeded_step_findings,
)
from leitstand.core.presenters import FindingView, present_finding
from leitstand.core.wording import render_all
from leitstand.flows.models import Integration
from leitstand.flows.selectors import as_snapshot_integration
from leitstand.landscape.snapshot import organisation_settings
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.processes.records import process_records
from leitstand.tenancy.models import Organisation


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


def steps_of(process: Process) -> QuerySet:
    return process.steps.select_related(
        "organisation", "department", "system", "integration__source", "integration__target"
    ).order_by("position", "pk")


def _linked_integrations(organisation: Organisation, record: ProcessRecord) -> list[Integration]:
    ids = {step.integration_id for step in record.steps if step.integration_id}
    if not ids:
        return []
    return list(
        Integration.objects.for_org(organisation)
        .filter(pk__in=ids)
        .select_related("source", "target")
        .prefetch_related("data_objects")
    )


def process_facts(process: Process) -> Facts:
    """The analysis' facts of this one process and the integrations its steps perform."""
    organisation = process.organisation
    record = process_records(organisation, [process.pk])[0]
    integrations = _linked_integrations(organisation, record)
    systems = {}
    for integration in integrations:
        systems[integration.source_id] = snap.System(integration.source_id, integration.source.name)
        systems[integration.target_id] = snap.System(integration.target_id, integration.target.name)
    snapshot = snap.Snapshot(
        settings=organisation_settings(organisation),
        systems=tuple(systems.values()),
        integrations=tuple(as_snapshot_integration(i) for i in integrations),
        processes=(record,),
    )
    return gather_facts(snapshot)


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


def with_figures(organisation: Organisation, processes: Iterable[Process]) -> list[Process]:
    """The processes, each with `yearly`: its figures (without the integration check)."""
    processes = list(processes)
    settings = organisation_settings(organisation)
    records = process_records(organisation, [p.pk for p in processes])
    figures = {record.id: process_figures(record, settings) for record in records}
    for process in processes:
        process.yearly = figures[process.pk]
    return processes


def organisation_processes(
    organisation: Organisation,
) -> tuple[tuple[ProcessRecord, ...], ProcessFacts]:
    """Every process with its figures and the ranking of automation candidates, without the
    rest of the analysis (neither the ranking nor the steps nobody needs read integrations)."""
    snapshot = snap.Snapshot(
        settings=organisation_settings(organisation), processes=process_records(organisation)
    )
    return snapshot.processes, gather_process_facts(snapshot, {})


@dataclass(frozen=True)
class UnneededRow:
    process: ProcessRecord
    step: StepRecord
    figures: StepFigures
    eur: Decimal


def unneeded_rows(records: Iterable[ProcessRecord], facts: ProcessFacts) -> list[UnneededRow]:
    """Steps nobody needs, the most hours first."""
    rows = []
    for record in records:
        figures = facts.figures[record.id]
        by_step = {step.step_id: step for step in figures.steps}
        for step in unneeded_steps(record):
            step_figures = by_step[step.id]
            eur = eur_for_hours(step_figures.total_hours, figures.labour_cost_per_hour)
            rows.append(UnneededRow(record, step, step_figures, eur))
    return sorted(rows, key=lambda row: (-row.figures.total_hours, row.process.name))
