"""Initiatives Leitstand proposes from the analysis, prefilled with evidence and figures.

One proposal per finding group (any kind, so rules added later propose by themselves), one per
automation candidate, and one per system whose recommendation needs an investment (replace,
refactor, wrap, re-platform). A proposal disappears once it is accepted (an initiative keeps
its key), dropped, or all its findings belong to initiatives already.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from leitstand.analysis import Analysis
from leitstand.analysis.findings import Finding, Kind
from leitstand.analysis.formulas import ZERO
from leitstand.analysis.portfolio import describe
from leitstand.analysis.worklist import finding_identity
from leitstand.assessment.models import StrategyChoice
from leitstand.core.wording import KINDS, SEVERITIES, render, render_all
from leitstand.roadmap.groups import finding_groups, group_action, group_title

INVESTING_STRATEGIES = ("replace", "refactor", "wrap", "replatform")


@dataclass
class Proposal:
    key: str
    source: str  # "group", "candidate", "recommendation"
    name: str
    problem: str
    severity: str
    evidence: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    system_ids: set[int] = field(default_factory=set)
    process_ids: set[int] = field(default_factory=set)
    scenario_ids: set[int] = field(default_factory=set)
    hours_per_year: Decimal | None = None
    cash_saved_eur_per_year: Decimal = ZERO
    investment_eur: Decimal = ZERO
    running_cost_eur_per_year: Decimal = ZERO
    scenario_id: int | None = None

    @property
    def finding_keys(self) -> list[str]:
        return [finding_identity(finding) for finding in self.findings]

    @property
    def severity_label(self) -> str:
        return str(SEVERITIES.get(self.severity, self.severity))


def _link_subjects(proposal: Proposal, findings) -> None:
    for finding in findings:
        for subject in finding.subjects:
            if subject.type == "system":
                proposal.system_ids.add(subject.id)
            elif subject.type == "process":
                proposal.process_ids.add(subject.id)
            elif subject.type == "automation_scenario":
                proposal.scenario_ids.add(subject.id)


def _overlap_figures(analysis: Analysis, findings) -> tuple[Decimal, Decimal]:
    """Licences that end (cash) and manual hours that disappear (capacity) of the overlap
    groups behind these findings, as the analysis computed them."""
    by_capability = {group.capability_id: group for group in analysis.overlaps}
    labour = analysis.snapshot.settings.labour_cost_per_hour
    cash, hours = ZERO, ZERO
    for finding in findings:
        first = finding.subjects[0] if finding.subjects else None
        group = by_capability.get(first.id) if first and first.type == "capability" else None
        if group is not None:
            cash += group.licence_saving_eur
            hours += group.manual_saving_eur / labour if labour else ZERO
    return cash, hours


def _evidence(finding: Finding) -> str:
    return (
        f"{finding.subjects[0].name if finding.subjects else ''}: {render_all(finding.explanation)}"
    )


def _group_proposals(analysis: Analysis, organisation) -> list[Proposal]:
    proposals = []
    for group in finding_groups(analysis, organisation):
        if group.kind == Kind.AUTOMATION_CANDIDATE:
            continue
        names = ", ".join(subject.name for subject in group.subjects[:6])
        if len(group.subjects) > 6:
            names += " …"
        proposal = Proposal(
            key=f"group:{group.key}",
            source="group",
            name=group_title(group),
            problem=f"{group_title(group)}: {names}. {group_action(group)}",
            severity=group.severity.value,
            findings=list(group.findings),
            evidence=[_evidence(finding) for finding in group.findings[:12]],
        )
        _link_subjects(proposal, group.findings)
        if group.kind == Kind.OVERLAP:
            proposal.cash_saved_eur_per_year, proposal.hours_per_year = _overlap_figures(
                analysis, group.findings
            )
        elif group.hours_per_year:
            proposal.hours_per_year = group.hours_per_year
        proposals.append(proposal)
    return proposals


def _candidate_proposals(analysis: Analysis) -> list[Proposal]:
    scenarios = {candidate.scenario.id: candidate for candidate in analysis.processes.candidates}
    proposals = []
    for finding in analysis.findings:
        if finding.kind != Kind.AUTOMATION_CANDIDATE:
            continue
        scenario_subject = next(s for s in finding.subjects if s.type == "automation_scenario")
        candidate = scenarios[scenario_subject.id]
        proposal = Proposal(
            key=f"candidate:{scenario_subject.id}",
            source="candidate",
            name=_("Automate: %(process)s") % {"process": candidate.process.name},
            problem=f"{render(finding.explanation[0])} {render(finding.action)}",
            severity=finding.severity.value,
            findings=[finding],
            evidence=[render_all(finding.explanation)],
            hours_per_year=candidate.figures.hours_freed,
            investment_eur=candidate.scenario.investment,
            running_cost_eur_per_year=candidate.scenario.running_cost_per_year,
            scenario_id=candidate.scenario.id,
        )
        _link_subjects(proposal, [finding])
        proposals.append(proposal)
    return proposals


def _recommendation_proposals(analysis: Analysis) -> list[Proposal]:
    proposals = []
    for recommendation in analysis.portfolio:
        strategy = recommendation.strategy
        if strategy not in INVESTING_STRATEGIES:
            continue
        system = recommendation.system
        text = describe(recommendation, analysis.snapshot)
        label = StrategyChoice(strategy).label
        proposal = Proposal(
            key=f"recommendation:{system.id}:{strategy}",
            source="recommendation",
            name=f"{str(label)[:1].upper()}{str(label)[1:]}: {system.name}",
            problem=render(text.explanation),
            severity="medium",
            evidence=[render(fact) for fact in text.facts],
        )
        proposal.system_ids.add(system.id)
        proposals.append(proposal)
    return proposals


def proposals(
    analysis: Analysis,
    organisation,
    taken_keys: set[str],
    planned: set[str],
    replaced_system_ids: frozenset[int] = frozenset(),
):
    """Open proposals, most severe first: not accepted or dropped (`taken_keys`), with at
    least one finding not yet in an initiative (`planned` finding keys), and no
    recommendation for a system an initiative already replaces."""
    found = [
        *_candidate_proposals(analysis),
        *(
            proposal
            for proposal in _recommendation_proposals(analysis)
            if not proposal.system_ids & replaced_system_ids
        ),
        *_group_proposals(analysis, organisation),
    ]
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    open_ones = [
        proposal
        for proposal in found
        if proposal.key not in taken_keys
        and (not proposal.findings or not set(proposal.finding_keys) <= planned)
    ]
    return sorted(open_ones, key=lambda p: (order.get(p.severity, 9), p.name.casefold()))


def kind_label(kind: str) -> str:
    return str(KINDS.get(kind, kind))
