"""Findings about the landscape: overlaps, look-alike names, shadow IT, dependencies."""

from decimal import Decimal
from functools import partial

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import (
    Description,
    Finding,
    Kind,
    capability_subject,
    stated,
)
from leitstand.analysis.graph import blast_radius
from leitstand.analysis.messages import Count, Eur, Label, Labels, Message, Percent
from leitstand.analysis.overlaps import OverlapGroup
from leitstand.analysis.rules.common import LISTED_NAMES, more_names, names_of
from leitstand.analysis.vocabulary import NON_EU, Severity

HUB_COUNT = 5
HUB_MINIMUM = 3  # systems depending on it in all
HUB_FEEDS = 2  # systems it sends data to directly


def _overlap_scope(facts: Facts, group: OverlapGroup) -> Message:
    departments = facts.snapshot.department_by_id
    if group.within_department_ids:
        names = tuple(departments[d].name for d in group.within_department_ids)
        return Message("overlap.within", {"departments": Labels(names)})
    if group.department_ids:
        names = tuple(departments[d].name for d in group.department_ids)
        return Message("overlap.across", {"departments": Labels(names)})
    return Message("overlap.no_departments")


def overlap_findings(facts: Facts) -> list[Finding]:
    """One finding per group with a system to retire; where all but the kept one are
    infrastructure, devices or authority portals (an antivirus beside a firewall, a payroll
    program beside ELSTER), there is nothing to consolidate."""
    found = []
    for group in facts.overlaps:
        if not group.retire_ids:
            continue
        capability = facts.snapshot.capability_by_id[group.capability_id]
        keep = Label(facts.snapshot.system_by_id[group.keep_id].name)
        retire = Labels(names_of(facts, group.retire_ids))
        explanation = [
            Message(
                "overlap.summary",
                {
                    "count": Count(len(group.system_ids)),
                    "capability": Label(capability.name),
                    "systems": Labels(names_of(facts, group.system_ids)),
                },
            ),
            _overlap_scope(facts, group),
        ]
        explanation.append(
            Message(
                "overlap.saving",
                {
                    "keep": keep,
                    "retire": retire,
                    "licence": Eur(group.licence_saving_eur),
                    "manual": Eur(group.manual_saving_eur),
                    "saving": Eur(group.saving_eur),
                },
            )
        )
        if group.cost_unknown_ids:
            unknown = Labels(names_of(facts, group.cost_unknown_ids))
            explanation.append(Message("overlap.cost_unknown", {"systems": unknown}))
        worth_it = group.within_department or group.saving_eur >= 1000
        found.append(
            Finding(
                kind=Kind.OVERLAP,
                severity=Severity.MEDIUM if worth_it else Severity.LOW,
                subjects=(
                    capability_subject(facts.snapshot, group.capability_id),
                    *(facts.system_subjects[s] for s in group.system_ids),
                ),
                describe=stated(
                    Message("action.consolidate", {"keep": keep, "retire": retire}), *explanation
                ),
                eur_per_year=group.saving_eur,
            )
        )
    return found


def similar_name_findings(facts: Facts) -> list[Finding]:
    found = []
    for pair in facts.similar_names:
        first, second = names_of(facts, pair.system_ids)
        found.append(
            Finding(
                kind=Kind.SIMILAR_NAMES,
                severity=Severity.LOW,
                subjects=tuple(facts.system_subjects[s] for s in pair.system_ids),
                describe=stated(
                    Message("action.check_duplicate"),
                    Message(
                        "similar_names.summary",
                        {
                            "first": Label(first),
                            "second": Label(second),
                            "score": Percent(Decimal(pair.score)),
                        },
                    ),
                ),
            )
        )
    return found


def shadow_it_personal_data_findings(facts: Facts) -> list[Finding]:
    found = []
    for system in facts.snapshot.systems_in_operation:
        if system.centrally_managed is not False or not system.personal_data:
            continue
        name = Label(system.name)
        explanation = [Message("shadow_personal.summary", {"system": name})]
        if system.jurisdiction == NON_EU:
            explanation.append(Message("shadow_personal.non_eu"))
        found.append(
            Finding(
                kind=Kind.SHADOW_IT_PERSONAL_DATA,
                severity=Severity.HIGH if system.jurisdiction == NON_EU else Severity.MEDIUM,
                subjects=(facts.system_subjects[system.id],),
                describe=stated(Message("action.manage_shadow_it", {"system": name}), *explanation),
            )
        )
    return found


def _hubs(facts: Facts) -> list[tuple[int, list[int]]]:
    """(representative, members of its loop) for systems that feed at least HUB_FEEDS others
    directly and HUB_MINIMUM in all; one per loop of flows, the most depended on first."""
    sizes = facts.blast_radius_sizes
    successors = facts.flow_graph.successors
    hubs = []
    for members in facts.components:
        feeding = [m for m in members if len(successors[m]) >= HUB_FEEDS]
        if not feeding or sizes[members[0]] < HUB_MINIMUM:
            continue
        representative = max(feeding, key=lambda m: (len(successors[m]), -m))
        hubs.append((representative, members))
    hubs.sort(key=lambda hub: (-sizes[hub[0]], -len(successors[hub[0]]), hub[0]))
    return hubs[:HUB_COUNT]


def _describe_hub(facts: Facts, system_id: int, members: list[int]) -> Description:
    dependents = sorted(
        names_of(facts, blast_radius(facts.flow_graph, system_id)), key=str.casefold
    )
    explanation = [
        Message(
            "hub.summary",
            {
                "count": Count(facts.blast_radius_sizes[system_id]),
                "system": Label(facts.snapshot.system_by_id[system_id].name),
                "systems": Labels(tuple(dependents[:LISTED_NAMES])),
            },
        ),
        *more_names(dependents),
    ]
    if len(members) > 1:
        loop = sorted(names_of(facts, members), key=str.casefold)
        explanation.append(Message("hub.loop", {"systems": Labels(tuple(loop))}))
    action = Message(
        "action.protect_hub", {"system": Label(facts.snapshot.system_by_id[system_id].name)}
    )
    return Description(tuple(explanation), action)


def dependency_hub_findings(facts: Facts) -> list[Finding]:
    return [
        Finding(
            kind=Kind.DEPENDENCY_HUB,
            severity=Severity.MEDIUM,
            subjects=(facts.system_subjects[system_id],),
            describe=partial(_describe_hub, facts, system_id, members),
        )
        for system_id, members in _hubs(facts)
    ]


def isolated_systems_findings(facts: Facts) -> list[Finding]:
    isolated = sorted(
        facts.isolated_system_ids, key=lambda s: facts.snapshot.system_by_id[s].name.casefold()
    )
    if not isolated:
        return []
    names = names_of(facts, isolated)
    explanation = (
        Message(
            "isolated.summary",
            {"count": Count(len(isolated)), "systems": Labels(names[:LISTED_NAMES])},
        ),
        *more_names(isolated),
    )
    return [
        Finding(
            kind=Kind.ISOLATED_SYSTEMS,
            severity=Severity.INFO,
            subjects=tuple(facts.system_subjects[s] for s in isolated),
            describe=stated(Message("action.check_isolated"), *explanation),
        )
    ]
