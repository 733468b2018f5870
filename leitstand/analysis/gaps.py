"""Data gaps: numbers the method needs that nobody recorded. Listed, never counted as zero."""

from collections.abc import Callable
from functools import partial

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import DataGap, data_object_subject
from leitstand.analysis.messages import Count, Label, Labels, Message
from leitstand.analysis.rules.common import LISTED_NAMES, names_of
from leitstand.analysis.rules.regulation import regulation_gaps
from leitstand.analysis.rules.resilience import resilience_gaps
from leitstand.analysis.snapshot import Integration


def _known(message: Message) -> Callable[[], Message]:
    return lambda: message


def _flow_gap(facts: Facts, integration: Integration, field: str) -> Message:
    systems = facts.snapshot.system_by_id
    return Message(
        f"gap.{field}",
        {
            "source": Label(systems[integration.source_id].name),
            "target": Label(systems[integration.target_id].name),
        },
    )


def integration_gaps(facts: Facts) -> list[DataGap]:
    gaps = []
    for integration in facts.snapshot.active_integrations:
        missing = facts.figures[integration.id].missing
        if not missing:
            continue
        subjects = (facts.flow_subject(integration),)
        gaps.extend(
            DataGap(field, subjects, partial(_flow_gap, facts, integration, field))
            for field in missing
        )
    return gaps


def system_gaps(facts: Facts) -> list[DataGap]:
    gaps = []
    for system in facts.snapshot.systems_in_operation:
        subject = facts.system_subjects[system.id]
        name = {"system": Label(system.name)}
        if system.annual_cost is None:
            gaps.append(
                DataGap("annual_cost", (subject,), _known(Message("gap.annual_cost", name)))
            )
        if system.personal_data is None:
            message = Message("gap.personal_data", name)
            gaps.append(DataGap("personal_data", (subject,), _known(message)))
    return gaps


def _summed_gap(facts: Facts, field: str, system_ids: list[int]) -> list[DataGap]:
    """One gap naming all the systems, so a large unknown is one line, not thousands."""
    if not system_ids:
        return []
    names = names_of(facts, system_ids)
    shown = names[:LISTED_NAMES] + (("…",) if len(names) > LISTED_NAMES else ())
    message = Message(f"gap.{field}", {"count": Count(len(names)), "systems": Labels(shown)})
    subjects = tuple(facts.system_subjects[system_id] for system_id in system_ids)
    return [DataGap(field, subjects, _known(message))]


def unknown_flag_gaps(facts: Facts) -> list[DataGap]:
    """Systems in operation of which it is not known whether IT manages them: counted apart
    from shadow IT, never as managed."""
    systems = facts.snapshot.systems_in_operation
    unmanaged = [system.id for system in systems if system.centrally_managed is None]
    return _summed_gap(facts, "management_unknown", unmanaged)


def master_gaps(facts: Facts) -> list[DataGap]:
    return [
        DataGap(
            field="master",
            subjects=(data_object_subject(facts.snapshot, data_object_id),),
            describe=_known(
                Message(
                    "gap.no_master",
                    {
                        "data_object": Label(facts.snapshot.data_object_by_id[data_object_id].name),
                        "count": Count(flows),
                    },
                )
            ),
        )
        for data_object_id, flows in facts.unmastered
    ]


GAP_RULES: tuple[Callable[[Facts], list[DataGap]], ...] = (
    integration_gaps,
    system_gaps,
    unknown_flag_gaps,
    master_gaps,
    resilience_gaps,
    regulation_gaps,
)
