"""Data gaps: numbers the method needs that nobody recorded. Listed, never counted as zero."""

from collections.abc import Callable

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import (
    DataGap,
    data_object_subject,
    integration_subject,
    system_subject,
)
from leitstand.analysis.messages import Count, Label, Message


def integration_gaps(facts: Facts) -> list[DataGap]:
    gaps = []
    for integration in facts.snapshot.active_integrations:
        missing = facts.figures[integration.id].missing
        if not missing:
            continue
        subject = integration_subject(facts.snapshot, integration.id)
        source = Label(facts.snapshot.system_by_id[integration.source_id].name)
        target = Label(facts.snapshot.system_by_id[integration.target_id].name)
        gaps.extend(
            DataGap(
                field=field,
                subjects=(subject,),
                message=Message(f"gap.{field}", {"source": source, "target": target}),
            )
            for field in missing
        )
    return gaps


def system_gaps(facts: Facts) -> list[DataGap]:
    gaps = []
    for system in facts.snapshot.systems:
        if not system.in_operation:
            continue
        subject = system_subject(facts.snapshot, system.id)
        name = {"system": Label(system.name)}
        if system.annual_cost is None:
            gaps.append(DataGap("annual_cost", (subject,), Message("gap.annual_cost", name)))
        if system.personal_data is None:
            gaps.append(DataGap("personal_data", (subject,), Message("gap.personal_data", name)))
    return gaps


def master_gaps(facts: Facts) -> list[DataGap]:
    return [
        DataGap(
            field="master",
            subjects=(data_object_subject(facts.snapshot, data_object_id),),
            message=Message(
                "gap.no_master",
                {
                    "data_object": Label(facts.snapshot.data_object_by_id[data_object_id].name),
                    "count": Count(flows),
                },
            ),
        )
        for data_object_id, flows in facts.unmastered
    ]


GAP_RULES: tuple[Callable[[Facts], list[DataGap]], ...] = (
    integration_gaps,
    system_gaps,
    master_gaps,
)
