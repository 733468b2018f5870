"""A recommendation for every system: the rule table's inputs gathered from the analysis facts,
the rule that fired, the TIME class, and a person's override where there is one.

Texts (the facts used, the explanation) are built when someone reads them: a landscape of
10,000 systems gets its strategies in a fraction of a second, a page shows a few of them.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from leitstand.analysis.costs import IntegrationFigures, figures_by_integration
from leitstand.analysis.messages import Count, Day, Hours, Label, Labels, Message
from leitstand.analysis.modernisation import (
    APPLICATION_KINDS,
    CapabilityMix,
    Inputs,
    Overlap,
    Rule,
    Strategy,
    Support,
    TimeClass,
    decide,
    scored_time_class,
    technical_fit,
    time_class,
)
from leitstand.analysis.overlaps import OverlapGroup
from leitstand.analysis.snapshot import Assessment, Override, Snapshot, System
from leitstand.analysis.vocabulary import MethodCategory

#: Hardware on the company's own premises this many years old is due (its age as recorded in
#: the resilience facts; when the software was introduced says nothing about the server).
AGEING_YEARS = 8
#: Vendor support ending within this many months is cited first.
SUPPORT_CITED_MONTHS = 24
ON_PREMISES = "on_premises"
#: A system kept while in weak shape is looked at again after this many months.
REVIEW_MONTHS = 6
ZERO = Decimal(0)


class Recommendation(NamedTuple):
    system: System
    inputs: Inputs
    rule: Rule
    time: TimeClass | None
    assessment: Assessment | None
    override: Override | None
    overlap: OverlapGroup | None  # the group it overlaps in, if any
    health_capped: bool  # assessed above 1, but support has ended since
    manual_hours: Decimal = ZERO  # its active manual and file flows, in and out, a year
    consolidated_hours: Decimal = ZERO  # those of them that end when its overlap is consolidated

    @property
    def computed_strategy(self) -> Strategy | None:
        return self.rule.strategy

    @property
    def strategy(self) -> str | None:
        """The override's strategy where a person chose one, otherwise the computed one."""
        return self.override.strategy if self.override else self.rule.strategy

    @property
    def overridden(self) -> bool:
        return self.override is not None


class Description(NamedTuple):
    explanation: Message
    facts: tuple[Message, ...]
    time: Message | None


def a_year_after(day: date) -> date:
    """The same day a year later (28 February for 29 February)."""
    if (day.month, day.day) == (2, 29):
        return day.replace(year=day.year + 1, day=28)
    return day.replace(year=day.year + 1)


def support_status(end_of_support: date | None, today: date) -> Support:
    """Past, within 12 months, or later: the same bands as the inventory's support badge."""
    if end_of_support is None:
        return Support.UNKNOWN
    if end_of_support < today:
        return Support.PAST
    return Support.SOON if end_of_support < a_year_after(today) else Support.OK


def whole_years(since: date, today: date) -> int:
    return today.year - since.year - ((today.month, today.day) < (since.month, since.day))


def ageing_on_premises(system: System, today: date, hardware_since: date | None = None) -> bool:
    """On own premises on hardware at least AGEING_YEARS old; unknown hardware age: no."""
    if system.hosting != ON_PREMISES or hardware_since is None:
        return False
    return whole_years(hardware_since, today) >= AGEING_YEARS


def overlap_roles(groups: Iterable[OverlapGroup]) -> dict[int, tuple[Overlap, OverlapGroup]]:
    """Per system in an overlap: KEEP if the analysis keeps it in any group, otherwise RETIRE
    with the group whose kept system it should move to."""
    roles: dict[int, tuple[Overlap, OverlapGroup]] = {}
    for group in groups:
        for system_id in group.system_ids:
            role = Overlap.RETIRE if system_id in group.retire_ids else Overlap.KEEP
            if system_id not in roles or role is Overlap.KEEP:
                roles[system_id] = (role, group)
    return roles


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has 28 days


def review_date(system: System, today: date) -> date:
    """When to look again at a system kept in weak shape: in six months, or at its end of
    support if that comes first."""
    review = months_after(today, REVIEW_MONTHS)
    if system.end_of_support is not None and today <= system.end_of_support < review:
        return system.end_of_support
    return review


def ends_with_consolidation(
    source_id: int, target_id: int, roles: dict[int, tuple[Overlap, OverlapGroup]]
) -> bool:
    """The flow runs between two tools of one overlap and one of them is to retire into that
    group: the transfer ends with the consolidation (the quick wins count it there)."""
    source, target = roles.get(source_id), roles.get(target_id)
    if source is None or target is None:
        return False
    return (source[0] is Overlap.RETIRE and target_id in source[1].system_ids) or (
        target[0] is Overlap.RETIRE and source_id in target[1].system_ids
    )


def manual_hours_by_system(
    snapshot: Snapshot,
    figures: dict[int, IntegrationFigures],
    roles: dict[int, tuple[Overlap, OverlapGroup]] | None = None,
) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """Per system the hours a year of its active flows (in and out) that a person carries:
    the work a wrap would end; and apart from them, the hours of the flows that end anyway
    when its overlapping tools are retired (so a wrap is never justified by typing that the
    consolidation ends). Flows whose hours are unknown add nothing."""
    hours: dict[int, Decimal] = {}
    ending: dict[int, Decimal] = {}
    roles = roles or {}
    automated = MethodCategory.AUTOMATED
    for flow in snapshot.active_integrations:
        row = figures.get(flow.id)
        if row is None or row.category is automated or row.total_hours is None:
            continue
        into = ending if ends_with_consolidation(flow.source_id, flow.target_id, roles) else hours
        for system_id in {flow.source_id, flow.target_id}:
            into[system_id] = into.get(system_id, ZERO) + row.total_hours
    return hours, ending


def process_system_ids(snapshot: Snapshot) -> frozenset[int]:
    """Systems a step of a process uses."""
    return frozenset(
        system_id for process in snapshot.processes for system_id in process.system_ids
    )


def capability_mix(system: System, differentiating: frozenset[int]) -> CapabilityMix:
    if not system.capability_ids:
        return CapabilityMix.UNKNOWN
    if differentiating.intersection(system.capability_ids):
        return CapabilityMix.DIFFERENTIATING
    return CapabilityMix.STANDARD


def recommend_portfolio(
    snapshot: Snapshot,
    overlaps: Iterable[OverlapGroup],
    only: frozenset[int] | None = None,
    figures: dict[int, IntegrationFigures] | None = None,
) -> tuple[Recommendation, ...]:
    """One recommendation per system of the snapshot (or of `only`), in the snapshot's order.

    `overlaps` are the analysis' overlap groups (Facts.overlaps), `figures` its integration
    figures (computed from the snapshot's integrations when not given)."""
    today = snapshot.as_of or date.today()
    if figures is None:
        figures = figures_by_integration(snapshot.active_integrations, snapshot.settings)
    roles = overlap_roles(overlaps)
    manual, ending = manual_hours_by_system(snapshot, figures, roles)
    threshold = Decimal(snapshot.settings.wrap_min_manual_hours)
    in_processes = process_system_ids(snapshot)
    hardware = {r.system_id: r.hardware_since for r in snapshot.resilience if r.hardware_since}
    assessments = {assessment.system_id: assessment for assessment in snapshot.assessments}
    overrides = {override.system_id: override for override in snapshot.overrides}
    differentiating = frozenset(c.id for c in snapshot.capabilities if c.differentiating)
    none = (Overlap.NONE, None)
    recommendations = []
    for system in snapshot.systems:
        if only is not None and system.id not in only:
            continue
        assessment = assessments.get(system.id)
        support = support_status(system.end_of_support, today)
        role, group = roles.get(system.id, none)
        health = assessment.health if assessment else None
        capped = support is Support.PAST and health is not None and health > 1
        inputs = Inputs(
            criticality=assessment.criticality if assessment else None,
            health=1 if capped else health,
            integration=assessment.integration if assessment else None,
            lifecycle=system.lifecycle,
            support=support,
            overlap=role,
            ageing_on_premises=ageing_on_premises(system, today, hardware.get(system.id)),
            capabilities=capability_mix(system, differentiating),
            kind=system.kind,
            manual_work=manual.get(system.id, ZERO) >= threshold,
            carries_process=system.id in in_processes,
        )
        rule = decide(inputs)
        recommendations.append(
            Recommendation(
                system,
                inputs,
                rule,
                time_class(inputs, rule.strategy),
                assessment,
                overrides.get(system.id),
                group,
                capped,
                manual.get(system.id, ZERO),
                ending.get(system.id, ZERO),
            )
        )
    return tuple(recommendations)


def score(value: int) -> Label:
    """A score (one digit, or a two-digit sum) reads the same in every language: no number
    formatting needed, which matters when 10,000 explanations are rendered."""
    return Label(str(value))


def _params(recommendation: Recommendation, snapshot: Snapshot) -> dict:
    system, inputs, group = recommendation.system, recommendation.inputs, recommendation.overlap
    params: dict = {"system": Label(system.name)}
    if group is not None:
        params["keep"] = Label(snapshot.system_by_id[group.keep_id].name)
        params["capability"] = Label(snapshot.capability_by_id[group.capability_id].name)
    if system.end_of_support is not None:
        params["date"] = Day(system.end_of_support)
    today = snapshot.as_of or date.today()
    resilience = snapshot.resilience_by_system.get(system.id)
    since = resilience.hardware_since if resilience is not None else None
    if since is not None:
        params["year"] = Label(str(since.year))
        params["years"] = Count(whole_years(since, today))
    names = [snapshot.capability_by_id[c] for c in system.capability_ids]
    params["capabilities"] = Labels(tuple(c.name for c in names if c.differentiating))
    params["hours"] = Hours(recommendation.manual_hours)
    if recommendation.consolidated_hours:
        params["ending"] = Hours(recommendation.consolidated_hours)
    params["threshold"] = Hours(Decimal(snapshot.settings.wrap_min_manual_hours))
    params["review"] = Day(review_date(system, snapshot.as_of or date.today()))
    if inputs.assessed:
        params.update(
            criticality=score(inputs.criticality),
            health=score(inputs.health),
            integration=score(inputs.integration),
            fit=score(technical_fit(inputs.health, inputs.integration)),
        )
    return params


AXES = ("criticality", "health", "integration")

#: The parameters each message's text uses: a message carries only these, so a page or the
#: JSON formats no number it does not show (tested against the templates).
MESSAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "fact.assessment": ("date", *AXES),
    "fact.health_capped": ("health",),
    "fact.support_past": ("date",),
    "fact.support_soon": ("date",),
    "fact.support_within_24": ("date",),
    "fact.overlap": ("keep", "capability"),
    "fact.on_premises_since": ("year", "years"),
    "fact.differentiating": ("capabilities",),
    "rule.retire.overlap": ("system", "keep", "capability"),
    "rule.replace.end_of_support": ("date",),
    "rule.replace.support_ending": ("date",),
    "rule.refactor.differentiating": ("capabilities",),
    "rule.wrap.not_integrable": ("integration", "hours"),
    "rule.retain.little_manual_work": ("integration", "hours", "threshold"),
    "rule.retain.watch": ("criticality", "health", "review"),
    "rule.replatform.ageing_hosting": ("year",),
    "fact.manual_hours": ("hours", "threshold"),
    "fact.consolidation_ends": ("ending",),
    "fact.review": ("review",),
    **{f"time.{time}": (*AXES, "fit") for time in TimeClass},
    **{f"time.by_strategy.{time}": (*AXES, "fit") for time in TimeClass},
}
UNTOLD: tuple[str, ...] = ()


def message(key: str, params: dict) -> Message:
    """The message with the parameters its text uses; rule texts may name the system."""
    default = ("system",) if key.startswith("rule.") else UNTOLD
    names = MESSAGE_PARAMS.get(key, default)
    return Message(key, {name: params[name] for name in names if name in params})


FIELD_FACTS = {
    "support": lambda inputs: f"fact.support_{inputs.support}",
    "lifecycle": lambda inputs: f"fact.{inputs.lifecycle}",
    "overlap": lambda inputs: "fact.overlap",
    "ageing_on_premises": lambda inputs: "fact.on_premises_since",
    "capabilities": lambda inputs: "fact.differentiating",
    "kind": lambda inputs: (
        "fact.application" if inputs.kind in APPLICATION_KINDS else "fact.not_application"
    ),
    "manual_work": lambda inputs: "fact.manual_hours",
    "carries_process": lambda inputs: "fact.carries_process",
}


def _assessment_facts(recommendation: Recommendation, params: dict) -> list[Message]:
    assessment = recommendation.assessment
    if assessment is None:
        return [message("fact.not_assessed", params)]
    assessed = {**params, "date": Day(assessment.assessed_on), "health": score(assessment.health)}
    facts = [message("fact.assessment", assessed)]
    if recommendation.health_capped:
        facts.append(message("fact.health_capped", assessed))
    return facts


def support_within(system: System, snapshot: Snapshot) -> bool:
    """Vendor support ends from today on within SUPPORT_CITED_MONTHS."""
    end = system.end_of_support
    today = snapshot.as_of or date.today()
    return end is not None and today <= end < months_after(today, SUPPORT_CITED_MONTHS)


def describe(recommendation: Recommendation, snapshot: Snapshot) -> Description:
    """The facts the fired rule read, its explanation and the TIME class, as messages."""
    params = _params(recommendation, snapshot)
    inputs = recommendation.inputs
    facts = _assessment_facts(recommendation, params)
    read = {condition.field for condition in recommendation.rule.conditions}
    facts.extend(
        Message(key(inputs), params) for field, key in FIELD_FACTS.items() if field in read
    )
    uses_hours = "hours" in MESSAGE_PARAMS.get(f"rule.{recommendation.rule.id}", ())
    if recommendation.consolidated_hours and ("manual_work" in read or uses_hours):
        facts.append(message("fact.consolidation_ends", params))
    if recommendation.rule.id == "retain.watch":
        facts.append(Message("fact.review", params))
    if "support" not in read and support_within(recommendation.system, snapshot):
        facts.insert(0, Message("fact.support_within_24", params))  # the date that matters
    time = recommendation.time
    time_key = f"time.{time}"
    if time is not None and time is not scored_time_class(inputs):
        time_key = f"time.by_strategy.{time}"
    return Description(
        explanation=Message(f"rule.{recommendation.rule.id}", params),
        facts=tuple(facts),
        time=Message(time_key, params) if time else None,
    )
