"""Helpers the finding rules share: names of systems, severity by hours, long lists."""

from collections.abc import Iterable
from decimal import Decimal

from leitstand.analysis.facts import Facts
from leitstand.analysis.messages import Count, Message
from leitstand.analysis.vocabulary import Severity

#: A quarter of a person's year, and a twentieth of it: where manual work becomes serious.
HIGH_HOURS = Decimal(400)
MEDIUM_HOURS = Decimal(80)
LISTED_NAMES = 8


def names_of(facts: Facts, system_ids: Iterable[int]) -> tuple[str, ...]:
    return tuple(facts.snapshot.system_by_id[system_id].name for system_id in system_ids)


def severity_for_hours(hours: Decimal) -> Severity:
    if hours >= HIGH_HOURS:
        return Severity.HIGH
    return Severity.MEDIUM if hours >= MEDIUM_HOURS else Severity.LOW


def more_names(names: tuple | list) -> list[Message]:
    """'... and N more' when a list is longer than the LISTED_NAMES shown."""
    more = len(names) - LISTED_NAMES
    return [Message("list.more", {"more": Count(more)})] if more > 0 else []
