"""Which app loads which part of the analysis snapshot.

Each app that feeds the method keeps its loaders in its own `records.py` (rows in, named
snapshot records out) and registers them in its AppConfig.ready():

    from leitstand.landscape.parts import snapshot_parts
    snapshot_parts.register("processes", process_records, on_map=False)

`landscape_snapshot` calls each registered loader with the organisation. Parts registered
with `on_map=False` are left at their empty default for the integration map, which reads
the landscape alone (systems, flows, data objects, ...).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields

from leitstand.analysis.snapshot import Snapshot

#: Snapshot fields the loader fills itself rather than an app.
OWN_FIELDS = frozenset({"settings", "as_of"})
SNAPSHOT_FIELDS = tuple(f.name for f in fields(Snapshot) if f.name not in OWN_FIELDS)


@dataclass(frozen=True)
class SnapshotPart:
    field: str  # the Snapshot field this loader fills
    load: Callable  # load(organisation) -> the field's value
    on_map: bool = True


class SnapshotParts:
    def __init__(self) -> None:
        self._parts: dict[str, SnapshotPart] = {}

    def register(self, field: str, load: Callable, *, on_map: bool = True) -> None:
        if field not in SNAPSHOT_FIELDS:
            raise ValueError(f"The analysis snapshot has no part {field!r}.")
        existing = self._parts.get(field)
        if existing is not None and existing.load is not load:
            raise ValueError(f"Snapshot part {field!r} is already loaded by {existing.load}.")
        self._parts[field] = SnapshotPart(field, load, on_map)

    def __iter__(self) -> Iterator[SnapshotPart]:
        return iter(self._parts.values())

    def fields(self) -> set[str]:
        return set(self._parts)


snapshot_parts = SnapshotParts()
