"""Hours, euros and payback of processes and their automation scenarios, by the formulas.

Counted once: a step that performs a linked integration is the same manual work as that
integration. The integration carries it in the organisation's totals (the manual-transfer
totals stay what the integration map shows); the process still shows the step's time, and
its `hours_in_integrations` says how much of it is already counted there. Only the other steps
add to the organisation's manual work (`ProcessTotals.additional_*`). A link to a planned or
retired integration, or to one whose effort is unknown, counts nothing there, so the step
counts in the process.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from leitstand.analysis import formulas
from leitstand.analysis.costs import IntegrationFigures
from leitstand.analysis.processes.model import AutomationScenario, Needed, Process, ProcessStep
from leitstand.analysis.snapshot import Integration, OrganisationSettings

ZERO = Decimal(0)


class StepFigures(NamedTuple):
    step_id: int
    hours: Decimal  # runs a year x minutes per run / 60
    error_hours: Decimal  # runs a year x error rate x minutes to fix / 60
    counted_in_integration: bool

    @property
    def total_hours(self) -> Decimal:
        return self.hours + self.error_hours


class ProcessFigures(NamedTuple):
    process_id: int
    runs_per_year: Decimal
    minutes_per_run: Decimal
    manual_hours: Decimal
    error_hours: Decimal
    hours_in_integrations: Decimal  # work and errors of steps whose integration carries them
    additional_hours: Decimal  # work and errors of the other steps
    steps: tuple[StepFigures, ...]
    labour_cost_per_hour: Decimal
    productive_hours_per_fte: int
    revenue_per_year: Decimal | None = None

    @property
    def total_hours(self) -> Decimal:
        return self.manual_hours + self.error_hours

    @property
    def manual_eur(self) -> Decimal:
        return formulas.eur_for_hours(self.manual_hours, self.labour_cost_per_hour)

    @property
    def error_eur(self) -> Decimal:
        return formulas.eur_for_hours(self.error_hours, self.labour_cost_per_hour)

    @property
    def eur(self) -> Decimal:
        """Work plus fixing errors, as an integration's yearly euros."""
        return formulas.eur_for_hours(self.total_hours, self.labour_cost_per_hour)

    @property
    def fte(self) -> Decimal:
        return formulas.fte_for_hours(self.manual_hours, self.productive_hours_per_fte)


def _carried_by_integration(
    step: ProcessStep,
    integrations: Mapping[int, Integration],
    integration_figures: Mapping[int, IntegrationFigures],
) -> bool:
    if step.integration_id is None:
        return False
    integration = integrations.get(step.integration_id)
    if integration is None or not integration.is_active:
        return False
    return integration_figures[integration.id].manual_hours is not None


def revenue_per_year(process: Process, runs: Decimal) -> Decimal | None:
    """As recorded per year, or revenue per run x runs a year; None when not recorded."""
    if process.revenue_per_year is not None:
        return process.revenue_per_year
    if process.revenue_per_run is not None:
        return process.revenue_per_run * runs
    return None


def process_figures(
    process: Process,
    settings: OrganisationSettings,
    integrations: Mapping[int, Integration] | None = None,
    integration_figures: Mapping[int, IntegrationFigures] | None = None,
) -> ProcessFigures:
    runs = formulas.runs_per_year(
        process.runs_per_period, process.frequency, settings.working_days_per_year
    )
    integrations = integrations or {}
    integration_figures = integration_figures or {}
    steps = []
    minutes = hours = error_hours = carried_hours = other_hours = ZERO
    new, record = tuple.__new__, StepFigures
    per_hour, percent_per_hour = formulas.MINUTES_PER_HOUR, formulas.PERCENT_MINUTES_PER_HOUR
    # One pass over 20,000 steps in a large analysis: formulas.hours_per_year and
    # error_hours_per_year inlined, with the same arithmetic; they refuse what is out of range.
    for step in process.steps:
        carried = step.integration_id is not None and _carried_by_integration(
            step, integrations, integration_figures
        )
        step_minutes = step.minutes_per_run
        if step_minutes < 0 or runs < 0:
            formulas.hours_per_year(runs, step_minutes)
        step_hours = runs * step_minutes / per_hour
        step_errors = ZERO
        rate = step.error_rate_percent
        if rate:  # most steps go wrong never or unrecorded
            fix = step.minutes_to_fix_error
            if rate < 0 or rate > 100 or fix < 0:
                formulas.error_hours_per_year(runs, rate, fix)
            step_errors = runs * rate * fix / percent_per_hour
        steps.append(new(record, (step.id, step_hours, step_errors, carried)))
        minutes += step_minutes
        hours += step_hours
        error_hours += step_errors
        if carried:
            carried_hours += step_hours + step_errors
        else:
            other_hours += step_hours + step_errors
    return ProcessFigures(
        process_id=process.id,
        runs_per_year=runs,
        minutes_per_run=minutes,
        manual_hours=hours,
        error_hours=error_hours,
        hours_in_integrations=carried_hours,
        additional_hours=other_hours,
        steps=tuple(steps),
        labour_cost_per_hour=settings.labour_cost_per_hour,
        productive_hours_per_fte=settings.productive_hours_per_fte,
        revenue_per_year=revenue_per_year(process, runs),
    )


def unneeded_steps(process: Process) -> tuple[ProcessStep, ...]:
    return tuple(step for step in process.steps if step.needed == Needed.NO)


class ProcessTotals(NamedTuple):
    """All processes together; `additional_hours` is what the integrations do not carry."""

    processes: int
    manual_hours: Decimal
    error_hours: Decimal
    hours_in_integrations: Decimal
    additional_hours: Decimal
    labour_cost_per_hour: Decimal
    productive_hours_per_fte: int

    @property
    def additional_eur(self) -> Decimal:
        return formulas.eur_for_hours(self.additional_hours, self.labour_cost_per_hour)

    @property
    def additional_fte(self) -> Decimal:
        return formulas.fte_for_hours(self.additional_hours, self.productive_hours_per_fte)


def process_totals(
    figures: Iterable[ProcessFigures], settings: OrganisationSettings
) -> ProcessTotals:
    figures = list(figures)
    return ProcessTotals(
        processes=len(figures),
        manual_hours=sum((f.manual_hours for f in figures), ZERO),
        error_hours=sum((f.error_hours for f in figures), ZERO),
        hours_in_integrations=sum((f.hours_in_integrations for f in figures), ZERO),
        additional_hours=sum((f.additional_hours for f in figures), ZERO),
        labour_cost_per_hour=settings.labour_cost_per_hour,
        productive_hours_per_fte=settings.productive_hours_per_fte,
    )


class ScenarioFigures(NamedTuple):
    scenario_id: int
    process_id: int
    runs_per_year: Decimal
    minutes_before: Decimal  # of the steps it changes, per run
    minutes_after: Decimal
    process_minutes_after: Decimal  # the whole process, per run
    error_hours_before: Decimal
    error_hours_after: Decimal
    fix_minutes_after: Decimal  # the longest fix time among the changed steps
    manual_steps_after: int
    labour_eur: Decimal  # work saved (negative when it takes longer)
    error_eur_avoided: Decimal  # negative when it makes more errors
    saving_eur: Decimal  # per year, after the running cost
    payback_months: Decimal | None  # None: it never pays back
    productive_hours_per_fte: int
    labour_hours_freed: Decimal  # (minutes before - after) x runs / 60
    hours_freed: Decimal  # labour hours freed + error hours avoided (ranking reads it often)

    @property
    def error_hours_avoided(self) -> Decimal:
        return self.error_hours_before - self.error_hours_after

    @property
    def capacity_eur(self) -> Decimal:
        """The labour value of the hours freed (work and errors): capacity, not cash."""
        return self.labour_eur + self.error_eur_avoided

    @property
    def fte_freed(self) -> Decimal:
        """Nobody is freed by a scenario that takes more time than today."""
        return formulas.fte_for_hours(max(self.hours_freed, ZERO), self.productive_hours_per_fte)


def scenario_figures(
    process: Process,
    scenario: AutomationScenario,
    figures: ProcessFigures,
    settings: OrganisationSettings,
) -> ScenarioFigures:
    """Saving = (minutes before - after) x runs / 60 x labour cost + error cost avoided -
    running cost; payback = investment / saving x 12, none when the saving is not positive."""
    step_ids = set(scenario.step_ids)
    runs = figures.runs_per_year
    minutes_before = error_before = ZERO
    fix_after = None  # the first of the longest, as max() picks it
    manual_after = 0
    for step, of_step in zip(process.steps, figures.steps, strict=True):
        if step.id in step_ids:
            minutes_before += step.minutes_per_run
            error_before += of_step.error_hours
            if fix_after is None or step.minutes_to_fix_error > fix_after:
                fix_after = step.minutes_to_fix_error
            if not scenario.automates_steps and not step.automated:
                manual_after += 1
        elif not step.automated:
            manual_after += 1
    if fix_after is None:
        fix_after = ZERO
    error_after = formulas.error_hours_per_year(runs, scenario.error_rate_after_percent, fix_after)
    rate = settings.labour_cost_per_hour
    error_avoided = formulas.eur_for_hours(error_before, rate) - formulas.eur_for_hours(
        error_after, rate
    )
    minutes_after, running = scenario.minutes_after, scenario.running_cost_per_year
    if minutes_before < 0 or minutes_after < 0 or runs < 0 or running < 0:
        formulas.automation_saving_per_year(  # refuses the negative input
            minutes_before=minutes_before,
            minutes_after=minutes_after,
            runs=runs,
            labour_cost_per_hour=rate,
            running_cost=running,
        )
    # formulas.automation_saving_per_year, once for the labour and once with the errors and
    # the running cost, sharing the labour term. The formula takes no negative inputs: more
    # errors after count as an extra running cost.
    labour_term = (minutes_before - minutes_after) * runs / formulas.MINUTES_PER_HOUR * rate
    labour = labour_term + ZERO - ZERO
    saving = labour_term + max(error_avoided, ZERO) - (running + max(-error_avoided, ZERO))
    labour_hours = formulas.hours_freed_per_year(runs, minutes_before, minutes_after)
    return ScenarioFigures(
        scenario_id=scenario.id,
        process_id=process.id,
        runs_per_year=runs,
        minutes_before=minutes_before,
        minutes_after=minutes_after,
        process_minutes_after=figures.minutes_per_run - minutes_before + minutes_after,
        error_hours_before=error_before,
        error_hours_after=error_after,
        fix_minutes_after=fix_after,
        manual_steps_after=manual_after,
        labour_eur=labour,
        error_eur_avoided=error_avoided,
        saving_eur=saving,
        payback_months=formulas.payback_months(scenario.investment, saving),
        productive_hours_per_fte=settings.productive_hours_per_fte,
        labour_hours_freed=labour_hours,
        hours_freed=labour_hours + (error_before - error_after),
    )


class Candidate(NamedTuple):
    process: Process
    scenario: AutomationScenario
    figures: ScenarioFigures


def candidate_rank(candidate: Candidate) -> tuple:
    """Shortest payback first (never paying back last), then the most hours freed."""
    payback = candidate.figures.payback_months
    return (
        payback is None,
        payback if payback is not None else ZERO,
        -candidate.figures.hours_freed,
        candidate.process.name.casefold(),
        candidate.scenario.name.casefold(),
        candidate.scenario.id,
    )


def ranked_candidates(candidates: Iterable[Candidate]) -> tuple[Candidate, ...]:
    return tuple(sorted(candidates, key=candidate_rank))
