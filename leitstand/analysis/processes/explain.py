"""How each figure of a process and of an automation scenario was computed, as messages."""

from decimal import Decimal

from leitstand.analysis.explain import runs_message
from leitstand.analysis.messages import (
    Count,
    Eur,
    Fte,
    Hours,
    Label,
    Labels,
    Message,
    Minutes,
    Months,
    Percent,
)
from leitstand.analysis.processes.costs import ProcessFigures, ScenarioFigures
from leitstand.analysis.processes.model import AutomationScenario, Process
from leitstand.analysis.snapshot import OrganisationSettings, Snapshot

ZERO = Decimal(0)


def months(value: Decimal) -> Months:
    return Months(value)


def _step_errors(process: Process, figures: ProcessFigures) -> list[Message]:
    by_step = {step.step_id: step for step in figures.steps}
    messages = [
        Message(
            "process.step_errors",
            {
                "step": Label(step.name),
                "runs_per_year": Count(figures.runs_per_year),
                "error_rate": Percent(step.error_rate_percent),
                "fix_minutes": Minutes(step.minutes_to_fix_error),
                "error_hours": Hours(by_step[step.id].error_hours),
            },
        )
        for step in process.steps
        if by_step[step.id].error_hours
    ]
    return messages or [Message("process.no_errors")]


def linked_flow_names(snapshot: Snapshot, process: Process) -> tuple[str, ...]:
    """'Source → Target' of each integration the process's steps perform, once each."""
    names = {}
    for step in process.steps:
        integration = snapshot.integration_by_id.get(step.integration_id or 0)
        if integration is not None:
            source = snapshot.system_by_id[integration.source_id].name
            target = snapshot.system_by_id[integration.target_id].name
            names[integration.id] = f"{source} → {target}"
    return tuple(names.values())


def explain_process(
    snapshot: Snapshot, process: Process, figures: ProcessFigures
) -> dict[str, tuple[Message, ...]]:
    """Per figure of the process page: the messages that show its formula and numbers."""
    settings = snapshot.settings
    runs = Count(figures.runs_per_year)
    hours = Hours(figures.manual_hours)
    money = {
        "hours": hours,
        "rate": Eur(settings.labour_cost_per_hour),
        "eur": Eur(figures.eur),
        "fte": Fte(figures.fte),
    }
    if figures.error_hours:
        eur = Message(
            "effort.eur_with_errors", {**money, "error_hours": Hours(figures.error_hours)}
        )
    else:
        eur = Message("effort.eur", money)
    explained = {
        "runs": (
            runs_message(
                process.runs_per_period,
                process.frequency,
                figures.runs_per_year,
                settings.working_days_per_year,
            ),
        ),
        "minutes": (
            Message(
                "process.minutes",
                {"count": Count(len(process.steps)), "minutes": Minutes(figures.minutes_per_run)},
            ),
        ),
        "hours": (
            Message(
                "effort.manual",
                {
                    "runs_per_year": runs,
                    "minutes": Minutes(figures.minutes_per_run),
                    "hours": hours,
                },
            ),
        ),
        "eur": (eur,),
        "fte": (fte_message(figures.manual_hours, figures.fte, settings),),
        "errors": (
            *_step_errors(process, figures),
            Message(
                "process.error_cost",
                {
                    "error_hours": Hours(figures.error_hours),
                    "rate": Eur(settings.labour_cost_per_hour),
                    "eur": Eur(figures.error_eur),
                },
            ),
        ),
        "integrations": _in_integrations(snapshot, process, figures),
        "revenue": _revenue(process, figures),
    }
    return explained


def _revenue(process: Process, figures: ProcessFigures) -> tuple[Message, ...]:
    if process.revenue_per_year is not None or process.revenue_per_run is None:
        return ()
    return (
        Message(
            "process.revenue_per_run",
            {
                "revenue": Eur(process.revenue_per_run),
                "runs_per_year": Count(figures.runs_per_year),
                "eur": Eur(figures.revenue_per_year),
            },
        ),
    )


def fte_message(hours: Decimal, fte: Decimal, settings: OrganisationSettings) -> Message:
    return Message(
        "process.fte",
        {
            "hours": Hours(hours),
            "fte_hours": Hours(Decimal(settings.productive_hours_per_fte)),
            "fte": Fte(fte),
        },
    )


def _in_integrations(
    snapshot: Snapshot, process: Process, figures: ProcessFigures
) -> tuple[Message, ...]:
    if not figures.hours_in_integrations:
        return ()
    return (
        Message(
            "process.in_integrations",
            {
                "hours": Hours(figures.hours_in_integrations),
                "flows": Labels(linked_flow_names(snapshot, process)),
            },
        ),
    )


def _changed_names(process: Process, scenario: AutomationScenario) -> tuple[str, ...]:
    changed = set(scenario.step_ids)
    return tuple(step.name for step in process.steps if step.id in changed)


def explain_scenario(
    process: Process,
    scenario: AutomationScenario,
    figures: ScenarioFigures,
    settings: OrganisationSettings,
) -> tuple[Message, ...]:
    """Saving per year and payback, each with the numbers that went in."""
    rate = Eur(settings.labour_cost_per_hour)
    messages = [
        Message(
            "scenario.changes",
            {
                "steps": Labels(_changed_names(process, scenario)),
                "before": Minutes(figures.minutes_before),
                "after": Minutes(figures.minutes_after),
            },
        ),
        Message(
            "scenario.labour",
            {
                "before": Minutes(figures.minutes_before),
                "after": Minutes(figures.minutes_after),
                "runs_per_year": Count(figures.runs_per_year),
                "rate": rate,
                "hours": Hours(figures.labour_hours_freed),
                "eur": Eur(figures.labour_eur),
            },
        ),
        Message(
            "scenario.errors",
            {
                "before": Hours(figures.error_hours_before),
                "after": Hours(figures.error_hours_after),
                "error_rate": Percent(scenario.error_rate_after_percent),
                "fix_minutes": Minutes(figures.fix_minutes_after),
                "rate": rate,
                "eur": Eur(figures.error_eur_avoided),
            },
        ),
        Message(
            "scenario.saving",
            {
                "labour": Eur(figures.labour_eur),
                "errors": Eur(figures.error_eur_avoided),
                "running": Eur(scenario.running_cost_per_year),
                "saving": Eur(figures.saving_eur),
            },
        ),
        Message(
            "scenario.fte",
            {
                "hours": Hours(figures.hours_freed),
                "fte_hours": Hours(Decimal(figures.productive_hours_per_fte)),
                "fte": Fte(figures.fte_freed),
            },
        ),
        payback_message(scenario, figures),
    ]
    return tuple(messages)


def payback_message(scenario: AutomationScenario, figures: ScenarioFigures) -> Message:
    if figures.payback_months is None:
        return Message("scenario.no_payback", {"saving": Eur(figures.saving_eur)})
    return Message(
        "scenario.payback",
        {
            "investment": Eur(scenario.investment),
            "saving": Eur(figures.saving_eur),
            "months": months(figures.payback_months),
        },
    )
