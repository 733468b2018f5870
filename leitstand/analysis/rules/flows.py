"""Findings about data flows and data objects: manual transfers, masters, manual-only data."""

from functools import partial

from leitstand.analysis.explain import explain_effort
from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import (
    Finding,
    Kind,
    data_object_subject,
    integration_subject,
    stated,
    system_subject,
)
from leitstand.analysis.messages import Count, Fte, Hours, Label, Labels, Message
from leitstand.analysis.rules.common import MEDIUM_HOURS, names_of, severity_for_hours
from leitstand.analysis.vocabulary import MethodCategory, Severity


def manual_transfer_findings(facts: Facts) -> list[Finding]:
    found = []
    for integration in facts.snapshot.active_integrations:
        figures = facts.figures[integration.id]
        if figures.category is MethodCategory.AUTOMATED or not figures.manual_hours:
            continue
        action = (
            Message("action.automate_transfer", {"fte": Fte(figures.fte)})
            if figures.category is MethodCategory.MANUAL
            else Message("action.automate_file")
        )
        found.append(
            Finding(
                kind=Kind.MANUAL_TRANSFER,
                severity=severity_for_hours(figures.total_hours),
                subjects=(
                    integration_subject(facts.snapshot, integration.id),
                    system_subject(facts.snapshot, integration.source_id),
                    system_subject(facts.snapshot, integration.target_id),
                ),
                explain=partial(explain_effort, facts.snapshot, integration, figures),
                action=action,
                eur_per_year=figures.total_eur,
                hours_per_year=figures.total_hours,
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
                    *(system_subject(facts.snapshot, s) for s in item.system_ids),
                ),
                explain=stated(
                    Message(
                        "multi_master.summary",
                        {
                            "data_object": data_object,
                            "count": Count(len(item.system_ids)),
                            "systems": Labels(names_of(facts, item.system_ids)),
                        },
                    ),
                ),
                action=Message("action.choose_master", {"data_object": data_object}),
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
                explain=stated(
                    Message(
                        "manual_only.summary",
                        {
                            "data_object": data_object,
                            "count": Count(len(item.integration_ids)),
                            "hours": Hours(item.hours),
                        },
                    ),
                ),
                action=Message("action.automate_data_object", {"flow": Label(largest.name)}),
                hours_per_year=item.hours,
            )
        )
    return found
