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
from leitstand.surveys.services import close_survey, record_answer
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
    values = {"name": record["name"]}
    values.update((field, record[field]) for field in OPTION_FIELDS if field in record)
    if "scenario" in record:
        values["scenario"] = names.scenarios[record["scenario"]]
        values["hours_freed_per_year"] = None
    trial = record.get("trial") or {}
    values["trial_start_on"] = trial.get("from")
    values["trial_end_on"] = trial.get("until")
    values["tried_by"] = [names.people[name] for name in trial.get("tried_by", [])]
    services.save_option(option, values, actor=None)


def _answer_survey(option: InitiativeOption, scores: list, answered_on: date) -> None:
    survey = services.start_acceptance_survey(option, actor=None)
    questions = list(survey.questions.order_by("position"))
    for row in scores:
        record_answer(survey, list(zip(questions, row, strict=True)), "", answered_on)
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
            services.delete_option(leftover, actor=None)


def _plan(initiative: Initiative, record: dict, names: Names) -> None:
    organisation = initiative.organisation
    for phase in record.get("phases", []):
        services.save_phase(
            Phase(organisation=organisation, initiative=initiative),
            {
                "kind": phase["kind"],
                "scope": phase.get("scope", ""),
                "start_on": phase["from"],
                "end_on": phase["until"],
            },
            actor=None,
        )
    for milestone in record.get("milestones", []):
        services.save_milestone(
            Milestone(organisation=organisation, initiative=initiative),
            {
                "name": milestone["name"],
                "due_on": milestone["due"],
                "owner": names.people.get(milestone.get("owner")),
                "done": milestone.get("done", False),
            },
            actor=None,
        )
    checklist = ChangeChecklist.objects.filter(initiative=initiative).first() or ChangeChecklist(
        organisation=organisation, initiative=initiative
    )
    services.save_checklist(checklist, record.get("checklist") or {}, actor=None)


def _initiative(organisation, record, open_proposals, names) -> Initiative:
    if record.get("from_proposals"):
        initiative = _from_proposals(organisation, record, open_proposals, names)
    else:
        initiative = Initiative(organisation=organisation, name=record["name"])
    values = {
        "problem": record["problem"].strip(),
        "owner": names.people.get(record.get("owner")),
        "sponsor": names.people.get(record.get("sponsor")),
        "status": record["status"],
        "priority": record.get("priority", 2),
    }
    for field, rows in (
        ("systems", names.systems),
        ("replaces", names.systems),
        ("processes", names.processes),
        ("kpis", names.kpis),
    ):
        linked = list(getattr(initiative, field).all()) if initiative.pk else []
        named = [rows[name] for name in record.get(field, [])]
        values[field] = list(dict.fromkeys([*linked, *named]))
    services.save_initiative(initiative, values, actor=None)
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
        values = {"status": record["status"], "owner": names.people.get(record.get("owner"))}
        for field in ("due_on", "note", "reason", "review_on", "done_on"):
            if field in record:
                values[field] = record[field]
        services.save_finding_state(state, values, actor=None)


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
            services.save_dependency(
                InitiativeDependency(organisation=organisation),
                {"initiative": created[record["name"]], "requires": created[required]},
                actor=None,
            )
    _finding_states(organisation, data.get("finding_states", []), analysis, names)
