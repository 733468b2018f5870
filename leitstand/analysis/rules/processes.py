"""Findings about processes: steps nobody needs, and the best automation scenario per process.

Simplify before automating: when a process has steps marked "not needed", their findings are
ranked before the process's automation candidate. The step findings rise to the candidate's
severity (a process worth automating makes its needless steps urgent) and the candidate sits
one severity below them, with a note to remove those steps first.
"""

from decimal import Decimal
from functools import partial

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import Description, Finding, Kind, Subject
from leitstand.analysis.formulas import eur_for_hours
from leitstand.analysis.messages import Count, Eur, Fte, Hours, Label, Labels, Message, Minutes
from leitstand.analysis.processes.costs import Candidate, unneeded_steps
from leitstand.analysis.processes.explain import explain_scenario, linked_flow_names, months
from leitstand.analysis.processes.model import Needed, Process, ProcessStep
from leitstand.analysis.rules.common import severity_for_hours
from leitstand.analysis.vocabulary import Severity

#: Paying back within a year is what makes an owner-manager fund it now.
QUICK_PAYBACK_MONTHS = Decimal(12)
_ORDER = [Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH]


_RANK = {severity: rank for rank, severity in enumerate(_ORDER)}


def _lower(severity: Severity) -> Severity:
    return _ORDER[max(0, _RANK[severity] - 1)]


def _candidate_severity(candidate: Candidate) -> Severity:
    figures = candidate.figures
    if figures.payback_months is None or figures.payback_months > QUICK_PAYBACK_MONTHS:
        return Severity.LOW
    return severity_for_hours(figures.hours_freed)


def process_subject(process: Process) -> Subject:
    return Subject("process", process.id, process.name)


def _unneeded_hours(facts: Facts, process: Process) -> list[tuple[ProcessStep, Decimal]]:
    """The steps nobody needs, each with its hours a year (work and fixing errors)."""
    figures = facts.processes.figures[process.id]
    return [
        (step, of_step.total_hours)
        for step, of_step in zip(process.steps, figures.steps, strict=True)
        if step.needed == Needed.NO
    ]


def _severities(
    facts: Facts, process: Process, unneeded: list[tuple[ProcessStep, Decimal]]
) -> tuple[Severity, Severity | None]:
    """(floor for the unneeded-step findings, severity of the candidate) of one process."""
    candidate = facts.processes.best_candidates.get(process.id)
    if candidate is None:
        return Severity.INFO, None
    own = _candidate_severity(candidate)
    if not unneeded:
        return Severity.INFO, own
    highest = max((severity_for_hours(hours) for _step, hours in unneeded), key=_RANK.get)
    floor = max(highest, own, key=_RANK.get)
    return floor, min(own, _lower(floor), key=_RANK.get)


def _describe_unneeded(facts: Facts, process: Process, step: ProcessStep) -> Description:
    figures = facts.processes.figures[process.id]
    step_figures = next(s for s in figures.steps if s.step_id == step.id)
    summary = Message(
        "unneeded.summary",
        {
            "step": Label(step.name),
            "process": Label(process.name),
            "runs_per_year": Count(figures.runs_per_year),
            "minutes": Minutes(step.minutes_per_run),
            "hours": Hours(step_figures.hours),
            "total_hours": Hours(step_figures.total_hours),
            "rate": Eur(figures.labour_cost_per_hour),
            "eur": Eur(eur_for_hours(step_figures.total_hours, figures.labour_cost_per_hour)),
        },
    )
    return Description((summary,), Message("action.remove_step", {"step": Label(step.name)}))


def unneeded_step_findings(facts: Facts) -> list[Finding]:
    found = []
    rate = facts.snapshot.settings.labour_cost_per_hour
    for process in facts.snapshot.processes:
        unneeded = _unneeded_hours(facts, process)
        if not unneeded:
            continue
        floor, _candidate = _severities(facts, process, unneeded)
        for step, hours in unneeded:
            found.append(
                Finding(
                    kind=Kind.UNNEEDED_STEP,
                    severity=max(severity_for_hours(hours), floor, key=_RANK.get),
                    subjects=(
                        process_subject(process),
                        Subject("process_step", step.id, step.name),
                    ),
                    describe=partial(_describe_unneeded, facts, process, step),
                    eur_per_year=eur_for_hours(hours, rate),
                    hours_per_year=hours,
                )
            )
    return found


def _describe_candidate(facts: Facts, candidate: Candidate) -> Description:
    process, scenario, figures = candidate
    settings = facts.snapshot.settings
    messages = [candidate_summary(candidate)]
    steps = unneeded_steps(process)
    if steps:
        messages.append(Message("candidate.simplify_first", {"count": Count(len(steps))}))
    changed = set(scenario.step_ids)
    flows = linked_flow_names(
        facts.snapshot,
        process._replace(steps=tuple(s for s in process.steps if s.id in changed)),
    )
    if flows:
        messages.append(Message("candidate.includes_transfer", {"flows": Labels(flows)}))
    messages.extend(explain_scenario(process, scenario, figures, settings))
    return Description(tuple(messages), Message("action.automate_process"))


def candidate_summary(candidate: Candidate) -> Message:
    figures = candidate.figures
    params = {
        "scenario": Label(candidate.scenario.name),
        "process": Label(candidate.process.name),
        "saving": Eur(figures.saving_eur),
        "hours": Hours(figures.hours_freed),
        "fte": Fte(figures.fte_freed),
    }
    if figures.payback_months is None:
        return Message("candidate.summary_no_payback", params)
    return Message("candidate.summary", {**params, "months": months(figures.payback_months)})


def automation_candidate_findings(facts: Facts) -> list[Finding]:
    found = []
    for process in facts.snapshot.processes:
        candidate = facts.processes.best_candidates.get(process.id)
        if candidate is None:
            continue
        _floor, severity = _severities(facts, process, _unneeded_hours(facts, process))
        found.append(
            Finding(
                kind=Kind.AUTOMATION_CANDIDATE,
                severity=severity,
                subjects=(
                    process_subject(process),
                    Subject("automation_scenario", candidate.scenario.id, candidate.scenario.name),
                ),
                describe=partial(_describe_candidate, facts, candidate),
                eur_per_year=candidate.figures.saving_eur,
                hours_per_year=candidate.figures.hours_freed,
            )
        )
    return found
