"""Integrations and data objects as analysis records (`Snapshot.integrations`, data_objects,
masters): plain rows, no model instances. Registered in `FlowsConfig.ready()`."""

from django.db import connections
from django.db.models import Q, QuerySet

from leitstand.analysis import snapshot as snap
from leitstand.core.language import in_reader_language
from leitstand.core.queries import (
    as_text,
    column_position,
    decimal_reader,
    many_to_many_ids,
    raw_rows,
    record_columns,
)
from leitstand.flows.models import DataObject, Integration
from leitstand.tenancy.models import Organisation

#: The Integration columns behind each field of the snapshot record (the data objects come
#: from the many-to-many table); the four numbers are read as plain driver values.
INTEGRATION_LINKS = ("data_object_ids",)
INTEGRATION_NUMBERS = (
    "runs_per_period",
    "minutes_per_run",
    "error_rate_percent",
    "minutes_to_fix_error",
)
INTEGRATION_COLUMNS = record_columns(
    snap.Integration,
    {
        "id": "id",
        "source_id": "source_id",
        "target_id": "target_id",
        "method": "method",
        "frequency": "frequency",
        **{name: name for name in INTEGRATION_NUMBERS},
        "status": "status",
    },
    filled_in=INTEGRATION_LINKS,
)
_NUMBERS_AT = column_position(snap.Integration, "runs_per_period", filled_in=INTEGRATION_LINKS)
if (
    INTEGRATION_COLUMNS[_NUMBERS_AT : _NUMBERS_AT + 4] != list(INTEGRATION_NUMBERS)
    or snap.Integration._fields[-1] != "data_object_ids"
):
    raise ImportError("integration_records expects the four numbers together, links last")


#: The columns with the four numbers read as text, on PostgreSQL: its driver builds a Decimal
#: for every value, and the decimal reader hashes each (0.8 s at 250,000 flows; as text
#: 0.15 s, the same values). SQLite hands over plain integers and floats, faster as they are.
TEXT_NUMBER_COLUMNS = [
    as_text(column) if column in INTEGRATION_NUMBERS else column for column in INTEGRATION_COLUMNS
]


def integration_records(
    organisation: Organisation, touching: int | None = None
) -> tuple[snap.Integration, ...]:
    """The organisation's integrations (or those into and out of the system `touching`)."""
    flows = Integration.objects.for_org(organisation)
    left_ids = None
    if touching is not None:
        flows = flows.filter(Q(source_id=touching) | Q(target_id=touching))
        left_ids = list(flows.values_list("pk", flat=True))
    return records_of(flows, carried_data_objects(organisation, left_ids))


def carried_data_objects(organisation: Organisation, left_ids=None) -> dict[int, tuple[int, ...]]:
    """{integration id: ids of the data objects it carries}, of all or of some integrations
    (`left_ids`: ids or a queryset of them)."""
    through = Integration.data_objects.through
    return many_to_many_ids(through, "integration", "dataobject", organisation, left_ids)


def records_of(
    flows: QuerySet, carried: dict[int, tuple[int, ...]]
) -> tuple[snap.Integration, ...]:
    """Integrations as records, with the data objects `carried` (empty: none read)."""
    on_postgresql = connections[flows.db].vendor == "postgresql"
    columns = TEXT_NUMBER_COLUMNS if on_postgresql else INTEGRATION_COLUMNS
    rows = raw_rows(flows.order_by("pk").values_list(*columns))
    number = decimal_reader()
    record, new, no_objects, at = snap.Integration, tuple.__new__, (), _NUMBERS_AT
    # tuple.__new__ with the fields in declaration order skips the records' Python-level
    # __new__: a third of the load at 50,000 flows. Positions found by name above.
    return tuple(
        new(
            record,
            (
                *row[:at],
                number(row[at]),
                number(row[at + 1]),
                number(row[at + 2]),
                number(row[at + 3]),
                *row[at + 4 :],
                carried.get(row[0], no_objects),
            ),
        )
        for row in rows
    )


def data_object_records(organisation: Organisation) -> tuple[snap.DataObject, ...]:
    rows = DataObject.objects.for_org(organisation).values_list("id", "name_en", "name_de")
    return tuple(
        snap.DataObject(id=pk, name=in_reader_language(name_en, name_de))
        for pk, name_en, name_de in rows
    )


def master_records(organisation: Organisation) -> tuple[snap.Master, ...]:
    masters = many_to_many_ids(
        DataObject.master_systems.through, "dataobject", "system", organisation
    )
    return tuple(
        snap.Master(data_object_id=data_object_id, system_id=system_id)
        for data_object_id, system_ids in masters.items()
        for system_id in system_ids
    )
