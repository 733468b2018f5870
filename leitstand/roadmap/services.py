"""Every change to the plan: pages, API, command line and demo call these."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.analysis.findings import Finding
from leitstand.analysis.roadmap import add_months
from leitstand.analysis.worklist import Status, finding_identity
from leitstand.core.actor import acting_as
from leitstand.core.audit import delete_object, save_values
from leitstand.processes.models import AutomationScenario
from leitstand.roadmap.models import (
    ChangeChecklist,
    DroppedProposal,
    FindingState,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
    InitiativeStatus,
    Milestone,
    Phase,
    PhaseKind,
)
from leitstand.roadmap.proposals import Proposal
from leitstand.surveys.models import (
    ACCEPTANCE_QUESTIONS,
    Survey,
    SurveyPhase,
    SurveyPurpose,
)
from leitstand.surveys.services import add_questions

CENT = Decimal("0.01")

#: The standard phases with their default length in months (DOMAIN.md: simplify before
#: automating; pilot in one area, measure, then roll out).
STANDARD_PHASES = (
    (PhaseKind.SIMPLIFY, 1),
    (PhaseKind.PILOT, 2),
    (PhaseKind.EVALUATE, 1),
    (PhaseKind.ROLLOUT, 3),
    (PhaseKind.HANDOVER, 1),
)


# The one write path of each part of the plan: the pages, the API (their viewsets) and the
# demo call these; the operations below (accept a proposal, choose an option, ...) too.


def save_initiative(initiative: Initiative, values: dict, *, actor) -> Initiative:
    """Apply `values` (systems, processes, dependencies, ... included) with one audit entry."""
    return save_values(initiative, values, actor)


def delete_initiative(initiative: Initiative, *, actor) -> None:
    delete_object(initiative, actor)


def save_dependency(
    dependency: InitiativeDependency, values: dict, *, actor
) -> InitiativeDependency:
    return save_values(dependency, values, actor)


def delete_dependency(dependency: InitiativeDependency, *, actor) -> None:
    delete_object(dependency, actor)


def save_option(option: InitiativeOption, values: dict, *, actor) -> InitiativeOption:
    return save_values(option, values, actor)


def delete_option(option: InitiativeOption, *, actor) -> None:
    delete_object(option, actor)


def save_phase(phase: Phase, values: dict, *, actor) -> Phase:
    return save_values(phase, values, actor)


def delete_phase(phase: Phase, *, actor) -> None:
    delete_object(phase, actor)


def save_milestone(milestone: Milestone, values: dict, *, actor) -> Milestone:
    return save_values(milestone, values, actor)


def delete_milestone(milestone: Milestone, *, actor) -> None:
    delete_object(milestone, actor)


def checklist_for(initiative: Initiative) -> ChangeChecklist:
    """The initiative's change checklist, created empty the first time it is asked for (a
    new initiative's page, the checklist's page)."""
    return ChangeChecklist.objects.get_or_create(
        organisation=initiative.organisation, initiative=initiative
    )[0]


def save_checklist(checklist: ChangeChecklist, values: dict, *, actor) -> ChangeChecklist:
    return save_values(checklist, values, actor)


def delete_checklist(checklist: ChangeChecklist, *, actor) -> None:
    delete_object(checklist, actor)


def save_finding_state(state: FindingState, values: dict, *, actor) -> FindingState:
    return save_values(state, values, actor)


def delete_finding_state(state: FindingState, *, actor) -> None:
    delete_object(state, actor)


def save_dropped_proposal(dropped: DroppedProposal, values: dict, *, actor) -> DroppedProposal:
    return save_values(dropped, values, actor)


def delete_dropped_proposal(dropped: DroppedProposal, *, actor) -> None:
    delete_object(dropped, actor)


def new_state(organisation, finding: Finding) -> FindingState:
    """An unsaved open status for a finding (saved when someone records one)."""
    first = finding.subjects[0].name if finding.subjects else ""
    return FindingState(
        organisation=organisation,
        key=finding_identity(finding),
        kind=finding.kind,
        subject_name=first[:300],
    )


def state_for_finding(organisation, finding: Finding, **defaults) -> FindingState:
    """The finding's state row, created open (or with `defaults`) when it has none yet."""
    first = finding.subjects[0].name if finding.subjects else ""
    state, created = FindingState.objects.get_or_create(
        organisation=organisation,
        key=finding_identity(finding),
        defaults={"kind": finding.kind, "subject_name": first[:300], **defaults},
    )
    if not created and first and state.subject_name != first[:300]:
        state.subject_name = first[:300]
        state.save(update_fields=["subject_name"])
    return state


@transaction.atomic
def add_standard_phases(initiative: Initiative, start: date, actor) -> list[Phase]:
    """The five standard phases one after another from `start`."""
    phases = []
    for kind, months in STANDARD_PHASES:
        end = add_months(start, months) - timedelta(days=1)
        phase = Phase(organisation=initiative.organisation, initiative=initiative)
        values = {"kind": kind, "start_on": start, "end_on": end}
        phases.append(save_phase(phase, values, actor=actor))
        start = end + timedelta(days=1)
    return phases


@transaction.atomic
def choose_option(option: InitiativeOption, reason: str, actor) -> Initiative:
    initiative = option.initiative
    initiative.choice_reason = reason.strip()
    with acting_as(actor):
        for other in initiative.options.filter(chosen=True).exclude(pk=option.pk):
            other.chosen = False
            other.save(update_fields=["chosen"])
        if not option.chosen:
            option.chosen = True
            option.save(update_fields=["chosen"])
        initiative.save()
    return initiative


@transaction.atomic
def start_acceptance_survey(option: InitiativeOption, actor) -> Survey:
    """An account-free survey for the people who tried the option; every option of every
    initiative gets the same questions, so results compare side by side."""
    if option.survey_id:
        return option.survey
    organisation = option.organisation
    with acting_as(actor):
        survey = Survey.objects.create(
            organisation=organisation,
            process=None,
            purpose=SurveyPurpose.ACCEPTANCE,
            phase=SurveyPhase.OTHER,
            title=_("Trial of “%(option)s” (%(initiative)s)")
            % {"option": option.name, "initiative": option.initiative.name},
        )
        add_questions(survey, ACCEPTANCE_QUESTIONS)
        option.survey = survey
        option.save(update_fields=["survey"])
    return survey


def _scenario_for(organisation, scenario_id):
    if scenario_id is None:
        return None
    return AutomationScenario.objects.for_org(organisation).filter(pk=scenario_id).first()


def _first_option(initiative: Initiative, proposal: Proposal, name: str, actor) -> InitiativeOption:
    scenario = _scenario_for(initiative.organisation, proposal.scenario_id)
    values = {
        "name": name,
        "description": _(
            "Figures as the analysis computed them; split the investment as you know it."
        ),
        "scenario": scenario,
        "implementation_eur": proposal.investment_eur,
        "running_cost_eur_per_year": proposal.running_cost_eur_per_year,
        "cash_saved_eur_per_year": proposal.cash_saved_eur_per_year.quantize(CENT),
        "hours_freed_per_year": None
        if scenario is not None or proposal.hours_per_year is None
        else round(proposal.hours_per_year, 1),
    }
    option = InitiativeOption(organisation=initiative.organisation, initiative=initiative)
    return save_option(option, values, actor=actor)


def _unique_name(organisation, name: str) -> str:
    base, number = name[:190], 2
    candidate = base
    while Initiative.objects.for_org(organisation).filter(name__iexact=candidate).exists():
        candidate = f"{base} ({number})"
        number += 1
    return candidate


@transaction.atomic
def accept_proposals(organisation, chosen: list[Proposal], name: str, actor) -> Initiative:
    """One initiative from one proposal (accept) or from several (merge), with the proposals'
    findings, systems, processes and scenarios linked and a first option prefilled."""
    if not chosen:
        raise ValueError("no proposal")
    first = chosen[0]
    with acting_as(actor):
        initiative = Initiative(
            organisation=organisation,
            name=_unique_name(organisation, name.strip() or first.name),
            problem="\n".join(dict.fromkeys(p.problem for p in chosen))[:4000],
            status=InitiativeStatus.IDEA,
            proposal_key=first.key[:200],
            notes="\n".join(line for p in chosen for line in p.evidence)[:8000],
        )
        initiative.full_clean()
        initiative.save()
        states = [
            state_for_finding(organisation, finding, status=Status.PLANNED)
            for proposal in chosen
            for finding in proposal.findings
        ]
        for state in states:
            if state.status == Status.OPEN:
                state.status = Status.PLANNED
                state.save(update_fields=["status"])
        initiative.findings.set(states)
        initiative.systems.set(set().union(*(p.system_ids for p in chosen)))
        initiative.processes.set(set().union(*(p.process_ids for p in chosen)))
        initiative.scenarios.set(set().union(*(p.scenario_ids for p in chosen)))
        ChangeChecklist.objects.create(organisation=organisation, initiative=initiative)
        for proposal in chosen:
            label = _("As proposed: %(name)s") % {"name": proposal.name}
            _first_option(initiative, proposal, label[:200], actor)
    return initiative


@transaction.atomic
def drop_proposal(organisation, proposal: Proposal, actor) -> None:
    with acting_as(actor):
        DroppedProposal.objects.get_or_create(
            organisation=organisation,
            key=proposal.key[:200],
            defaults={"name": proposal.name[:300]},
        )


def restore_proposal(dropped: DroppedProposal, actor) -> None:
    delete_dropped_proposal(dropped, actor=actor)


def record_finding_status(state: FindingState, values: dict, *, actor) -> FindingState:
    """A status set on the page: "done" remembers the day, any other status forgets it."""
    values = dict(values)
    status = values.get("status", state.status)
    if status == Status.DONE and values.get("done_on", state.done_on) is None:
        values["done_on"] = timezone.localdate()
    elif status != Status.DONE:
        values["done_on"] = None
    return save_finding_state(state, values, actor=actor)
