"""Findings about data flows and data objects: manual transfers, masters, manual-only data."""

from functools import partial

from leitstand.analysis.costs import ZERO
from leitstand.analysis.explain import explain_effort
from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import (
    Description,
    Finding,
    Kind,
    Subject,
    data_object_subject,
    integration_subject,
    stated,
)
from leitstand.analysis.messages import Count, Fte, Hours, Label, Labels, Message
from leitstand.analysis.rules.common import HIGH_HOURS, MEDIUM_HOURS, names_of
from leitstand.analysis.snapshot import Integration
from leitstand.analysis.vocabulary import MethodCategory, Severity


def _describe_transfer(facts: Facts, integration: Integration) -> Description:
    figures = facts.figures[integration.id]
    if figures.category is MethodCategory.MANUAL:
        action = Message("action.automate_transfer", {"fte": Fte(figures.fte)})
    else:
        action = Message("action.automate_file")
    return Description(explain_effort(facts.snapshot, integration, figures), action)


def manual_transfer_findings(facts: Facts) -> list[Finding]:
    """One finding per active manual or file flow with known effort: tens of thousands in a
    large landscape, so the loop keeps to local names and inlines severity_for_hours and
    eur_for_hours (hours here are positive: known manual work plus known errors)."""
    found = []
    append = found.append
    figures_of, subjects_of = facts.figures, facts.system_subjects
    automated = MethodCategory.AUTOMATED
    high, medium = HIGH_HOURS, MEDIUM_HOURS
    kind = Kind.MANUAL_TRANSFER
    # tuple.__new__ with the fields in declaration order skips the named tuples' Python-level
    # __new__ (two per flow).
    new, finding, subject = tuple.__new__, Finding, Subject
    for integration in facts.snapshot.active_integrations:
        figures = figures_of[integration.id]
        if figures.category is automated or not figures.manual_hours:
            continue
        hours = figures.manual_hours + (figures.error_hours or ZERO)  # its total_hours
        source = subjects_of[integration.source_id]
        target = subjects_of[integration.target_id]
        append(
            new(
                finding,
                (
                    kind,
                    Severity.HIGH
                    if hours >= high
                    else Severity.MEDIUM
                    if hours >= medium
                    else Severity.LOW,
                    (
                        new(
                            subject,
                            ("integration", integration.id, f"{source.name} → {target.name}"),
                        ),
                        source,
                        target,
                    ),
                    partial(_describe_transfer, facts, integration),
                    hours * figures.labour_cost_per_hour,
                    hours,
                ),
            )
        )
    return found


def multi_master_findings(facts: Facts) -> list[Finding]:
    found = []
    for item in facts.multi_mastered:
        data_object = Label(facts.snapshot.data_object_by_id[item.data_object_id].name)
        found.append(
            Finding(
                kind=Kind.MULTI_MASTER,
                severity=Severity.MEDIUM,
                subjects=(
                    data_object_subject(facts.snapshot, item.data_object_id),
                    *(facts.system_subjects[s] for s in item.system_ids),
                ),
                describe=stated(
                    Message("action.choose_master", {"data_object": data_object}),
                    Message(
                        "multi_master.summary",
                        {
                            "data_object": data_object,
                            "count": Count(len(item.system_ids)),
                            "systems": Labels(names_of(facts, item.system_ids)),
                        },
                    ),
                ),
            )
        )
    return found


def manual_only_data_findings(facts: Facts) -> list[Finding]:
    found = []
    for item in facts.manual_only:
        data_object = Label(facts.snapshot.data_object_by_id[item.data_object_id].name)
        largest = integration_subject(facts.snapshot, item.integration_ids[0])
        found.append(
            Finding(
                kind=Kind.MANUAL_ONLY_DATA,
                severity=Severity.MEDIUM if item.hours >= MEDIUM_HOURS else Severity.LOW,
                subjects=(
                    data_object_subject(facts.snapshot, item.data_object_id),
                    *(integration_subject(facts.snapshot, i) for i in item.integration_ids),
                ),
                describe=stated(
                    Message("action.automate_data_object", {"flow": Label(largest.name)}),
                    Message(
                        "manual_only.summary",
                        {
                            "data_object": data_object,
                            "count": Count(len(item.integration_ids)),
                            "hours": Hours(item.hours),
                        },
                    ),
                ),
                hours_per_year=item.hours,
            )
        )
    return found
