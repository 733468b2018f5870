"""Every change to the plan: pages, API, command line and demo call these."""

from datetime import date, timedelta
from decimal import Decimal

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.analysis.findings import Finding
from leitstand.analysis.roadmap import add_months
from leitstand.analysis.worklist import Status, finding_identity
from leitstand.core.audit import save_form
from leitstand.processes.models import AutomationScenario
from leitstand.roadmap.models import (
    ChangeChecklist,
    DroppedProposal,
    FindingState,
    Initiative,
    InitiativeOption,
    InitiativeStatus,
    Phase,
    PhaseKind,
)
from leitstand.roadmap.proposals import Proposal
from leitstand.surveys.models import (
    ACCEPTANCE_QUESTIONS,
    Survey,
    SurveyPhase,
    SurveyPurpose,
    SurveyQuestion,
)

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
    with set_actor(actor):
        for kind, months in STANDARD_PHASES:
            end = add_months(start, months) - timedelta(days=1)
            phase = Phase(
                organisation=initiative.organisation,
                initiative=initiative,
                kind=kind,
                start_on=start,
                end_on=end,
            )
            phase.full_clean()
            phase.save()
            phases.append(phase)
            start = end + timedelta(days=1)
    return phases


@transaction.atomic
def choose_option(option: InitiativeOption, reason: str, actor) -> Initiative:
    initiative = option.initiative
    initiative.choice_reason = reason.strip()
    with set_actor(actor):
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
    with set_actor(actor):
        survey = Survey.objects.create(
            organisation=organisation,
            process=None,
            purpose=SurveyPurpose.ACCEPTANCE,
            phase=SurveyPhase.OTHER,
            title=_("Trial of “%(option)s” (%(initiative)s)")
            % {"option": option.name, "initiative": option.initiative.name},
        )
        for position, key in enumerate(ACCEPTANCE_QUESTIONS, start=1):
            SurveyQuestion.objects.create(
                organisation=organisation, survey=survey, position=position, key=key
            )
        option.survey = survey
        option.save(update_fields=["survey"])
    return survey


def _scenario_for(organisation, scenario_id):
    if scenario_id is None:
        return None
    return AutomationScenario.objects.for_org(organisation).filter(pk=scenario_id).first()


def _first_option(initiative: Initiative, proposal: Proposal, name: str) -> InitiativeOption:
    scenario = _scenario_for(initiative.organisation, proposal.scenario_id)
    option = InitiativeOption(
        organisation=initiative.organisation,
        initiative=initiative,
        name=name,
        description=_(
            "Figures as the analysis computed them; split the investment as you know it."
        ),
        scenario=scenario,
        implementation_eur=proposal.investment_eur,
        running_cost_eur_per_year=proposal.running_cost_eur_per_year,
        cash_saved_eur_per_year=proposal.cash_saved_eur_per_year.quantize(CENT),
        hours_freed_per_year=None
        if scenario is not None or proposal.hours_per_year is None
        else round(proposal.hours_per_year, 1),
    )
    option.full_clean()
    option.save()
    return option


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
    with set_actor(actor):
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
            _first_option(initiative, proposal, label[:200])
    return initiative


@transaction.atomic
def drop_proposal(organisation, proposal: Proposal, actor) -> None:
    with set_actor(actor):
        DroppedProposal.objects.get_or_create(
            organisation=organisation,
            key=proposal.key[:200],
            defaults={"name": proposal.name[:300]},
        )


@transaction.atomic
def restore_proposal(dropped: DroppedProposal, actor) -> None:
    with set_actor(actor):
        dropped.delete()


@transaction.atomic
def save_finding_state(form, actor) -> FindingState:
    """Save a status; "done" remembers the day, any other status forgets it."""
    state = form.instance
    if state.status == Status.DONE and state.done_on is None:
        state.done_on = timezone.localdate()
    elif state.status != Status.DONE:
        state.done_on = None
    return save_form(form, actor)
