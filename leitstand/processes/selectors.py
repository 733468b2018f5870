"""Reads for the process pages: a process's facts and steps, the list, the ranking."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from leitstand.analysis import snapshot as snap
from leitstand.analysis.facts import Facts, gather_facts
from leitstand.analysis.formulas import eur_for_hours
from leitstand.analysis.processes.costs import (
    StepFigures,
    process_figures,
    unneeded_steps,
)
from leitstand.analysis.processes.facts import ProcessFacts, gather_process_facts
from leitstand.analysis.processes.model import Process as ProcessRecord
from leitstand.analysis.processes.model import ProcessStep as StepRecord
from leitstand.flows.models import Integration
from leitstand.flows.selectors import as_snapshot_integration
from leitstand.landscape.snapshot import organisation_settings
from leitstand.processes.models import Process
from leitstand.processes.records import process_records
from leitstand.tenancy.models import Organisation


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
