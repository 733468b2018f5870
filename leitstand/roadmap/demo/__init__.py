"""The demo's roadmap: proposals accepted from the analysis (so the figures are its own),
then the team's options, trials, acceptance surveys, phases and milestones from the YAML file
beside this module."""

from datetime import date

from django.db import transaction
from django.utils import translation

from leitstand.analysis import analyze
from leitstand.inventory.models import Person, System
from leitstand.kpis.models import Kpi
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.processes.models import AutomationScenario, Process
from leitstand.roadmap import services
from leitstand.roadmap.models import (
    ChangeChecklist,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
    Milestone,
    Phase,
)
from leitstand.roadmap.proposals import proposals
from leitstand.surveys.models import SurveyAnswer, SurveyResponse
from leitstand.surveys.services import close_survey
from leitstand.tenancy.models import Organisation

OPTION_FIELDS = (
    "description",
    "licences_eur",
    "implementation_eur",
    "internal_hours",
    "training_eur",
    "running_cost_eur_per_year",
    "cash_saved_eur_per_year",
    "hours_freed_per_year",
    "outage_hours_avoided_per_year",
    "trial_notes",
)


class Names:
    """Rows of other apps by name."""

    def __init__(self, organisation: Organisation):
        self.people = {p.name: p for p in Person.objects.for_org(organisation)}
        self.systems = {s.name: s for s in System.objects.for_org(organisation)}
        self.processes = {p.name: p for p in Process.objects.for_org(organisation)}
        self.scenarios = {s.name: s for s in AutomationScenario.objects.for_org(organisation)}
        self.kpis = {k.name: k for k in Kpi.objects.for_org(organisation)}


def _proposal_key(source: dict, names: Names) -> str:
    if "candidate" in source:
        return f"candidate:{names.scenarios[source['candidate']].pk}"
    if "recommendation" in source:
        return f"recommendation:{names.systems[source['recommendation']].pk}:"
    kind, remedy = source["group"]
    return f"group:{kind}:{remedy}"


def _from_proposals(organisation, record, open_proposals, names) -> Initiative:
    chosen = []
    for source in record["from_proposals"]:
        key = _proposal_key(source, names)
        chosen.append(next(p for p in open_proposals if p.key.startswith(key)))
    return services.accept_proposals(organisation, chosen, record["name"], actor=None)


def _apply_option(option: InitiativeOption, record: dict, names: Names) -> None:
    option.name = record["name"]
    for field in OPTION_FIELDS:
        if field in record:
            setattr(option, field, record[field])
    if "scenario" in record:
        option.scenario = names.scenarios[record["scenario"]]
        option.hours_freed_per_year = None
    trial = record.get("trial") or {}
    option.trial_start_on = trial.get("from")
    option.trial_end_on = trial.get("until")
    option.full_clean()
    option.save()
    option.tried_by.set(names.people[name] for name in trial.get("tried_by", []))


def _answer_survey(option: InitiativeOption, scores: list, answered_on: date) -> None:
    survey = services.start_acceptance_survey(option, actor=None)
    questions = list(survey.questions.order_by("position"))
    for row in scores:
        response = SurveyResponse.objects.create(
            organisation=option.organisation, survey=survey, submitted_on=answered_on
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(
                organisation=option.organisation, response=response, question=question, score=s
            )
            for question, s in zip(questions, row, strict=True)
        )
    close_survey(survey, actor=None)


def _options(initiative: Initiative, record: dict, names: Names) -> None:
    proposed = list(initiative.options.order_by("pk"))
    for entry in record.get("options", []):
        if entry.get("replaces_proposed") and proposed:
            option = proposed.pop(0)
        else:
            option = InitiativeOption(organisation=initiative.organisation, initiative=initiative)
        _apply_option(option, entry, names)
        if entry.get("survey"):
            day = (entry.get("trial") or {}).get("until") or date.today()
            _answer_survey(option, entry["survey"], day)
        if entry.get("chosen"):
            services.choose_option(option, record.get("choice_reason", ""), actor=None)
    if record.get("options"):
        for leftover in proposed:
            leftover.delete()


def _plan(initiative: Initiative, record: dict, names: Names) -> None:
    organisation = initiative.organisation
    for phase in record.get("phases", []):
        Phase(
            organisation=organisation,
            initiative=initiative,
            kind=phase["kind"],
            scope=phase.get("scope", ""),
            start_on=phase["from"],
            end_on=phase["until"],
        ).save()
    for milestone in record.get("milestones", []):
        Milestone(
            organisation=organisation,
            initiative=initiative,
            name=milestone["name"],
            due_on=milestone["due"],
            owner=names.people.get(milestone.get("owner")),
            done=milestone.get("done", False),
        ).save()
    checklist, _created = ChangeChecklist.objects.get_or_create(
        organisation=organisation, initiative=initiative
    )
    for item, text in (record.get("checklist") or {}).items():
        setattr(checklist, item, text)
    checklist.save()


def _initiative(organisation, record, open_proposals, names) -> Initiative:
    if record.get("from_proposals"):
        initiative = _from_proposals(organisation, record, open_proposals, names)
    else:
        initiative = Initiative(organisation=organisation, name=record["name"])
    initiative.problem = record["problem"].strip()
    initiative.owner = names.people.get(record.get("owner"))
    initiative.sponsor = names.people.get(record.get("sponsor"))
    initiative.status = record["status"]
    initiative.priority = record.get("priority", 2)
    initiative.full_clean()
    initiative.save()
    initiative.systems.add(*(names.systems[name] for name in record.get("systems", [])))
    initiative.replaces.add(*(names.systems[name] for name in record.get("replaces", [])))
    initiative.processes.add(*(names.processes[name] for name in record.get("processes", [])))
    initiative.kpis.add(*(names.kpis[name] for name in record.get("kpis", [])))
    _options(initiative, record, names)
    _plan(initiative, record, names)
    return initiative


def _finding_states(organisation, records: list, analysis, names: Names) -> None:
    for record in records:
        finding = next(
            f
            for f in analysis.findings
            if f.kind == record["kind"] and f.subjects and f.subjects[0].name == record["subject"]
        )
        state = services.state_for_finding(organisation, finding)
        state.status = record["status"]
        state.owner = names.people.get(record.get("owner"))
        for field in ("due_on", "note", "reason", "review_on", "done_on"):
            if field in record:
                setattr(state, field, record[field])
        state.full_clean()
        state.save()


@transaction.atomic
def load_demo(organisation: Organisation, data: dict) -> None:
    with translation.override(data.get("language", "de")):  # evidence texts are stored
        _load(organisation, data)


def _load(organisation: Organisation, data: dict) -> None:
    analysis = analyze(landscape_snapshot(organisation))
    names = Names(organisation)
    open_proposals = proposals(analysis, organisation, set(), set())
    created = {
        record["name"]: _initiative(organisation, record, open_proposals, names)
        for record in data.get("initiatives", [])
    }
    for record in data.get("initiatives", []):
        for required in record.get("depends_on", []):
            InitiativeDependency.objects.create(
                organisation=organisation,
                initiative=created[record["name"]],
                requires=created[required],
            )
    _finding_states(organisation, data.get("finding_states", []), analysis, names)
