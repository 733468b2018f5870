"""The inventory as analysis records (`Snapshot.systems`, departments, capabilities, people,
vendors): plain rows, no model instances. Registered in `InventoryConfig.ready()`."""

from leitstand.analysis import snapshot as snap
from leitstand.core.language import in_reader_language
from leitstand.core.queries import (
    as_text,
    column_position,
    decimal_reader,
    many_to_many_ids,
    record_columns,
)
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.tenancy.models import Organisation

#: The System columns behind each field of the snapshot record; the two link tuples come
#: from the many-to-many tables.
SYSTEM_LINKS = ("department_ids", "capability_ids")
SYSTEM_COLUMNS = record_columns(
    snap.System,
    {
        "id": "id",
        "name": "name",
        "kind": "kind",
        "lifecycle": "lifecycle",
        "owner_id": "owner_id",
        "deputy_id": "deputy_id",
        "vendor_id": "vendor_id",
        "annual_cost": as_text("annual_cost"),  # read as text: see core.queries
        "user_count": "user_count",
        "centrally_managed": "centrally_managed",
        "personal_data": "personal_data",
        "jurisdiction": "jurisdiction",
        "hosting": "hosting",
        "end_of_support": "end_of_support",
        "introduced_on": "introduced_on",
    },
    filled_in=SYSTEM_LINKS,
)
_LINKS_AT = snap.System._fields.index("department_ids")
_COST_AT = column_position(snap.System, "annual_cost", filled_in=SYSTEM_LINKS)
if snap.System._fields[_LINKS_AT : _LINKS_AT + 2] != SYSTEM_LINKS or _COST_AT < _LINKS_AT:
    raise ImportError("system_records expects department_ids, capability_ids before annual_cost")

#: System model fields the analysis does not read (a test holds every other field to a
#: column above, so a new field is a decision, not an oversight).
NOT_IN_SNAPSHOT = frozenset(
    {
        "organisation",
        "description",
        "one_off_cost",
        "version",
        "personal_data_categories",
        "url",
        "notes",
        "created_at",
        "updated_at",
        "search_text",  # name, description and version for the list's search
    }
)


def system_records(organisation: Organisation, ids=None) -> tuple[snap.System, ...]:
    """The organisation's systems as snapshot records; only those in `ids` if given."""
    through = System.departments.through
    departments = many_to_many_ids(through, "system", "department", organisation, ids)
    through = System.capabilities.through
    capabilities = many_to_many_ids(through, "system", "capability", organisation, ids)
    rows = System.objects.for_org(organisation).order_by("pk")
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    number, new, record, none = decimal_reader(), tuple.__new__, snap.System, ()
    links, cost = _LINKS_AT, _COST_AT
    # Positional for speed (10,000 systems per load), the positions found by name above.
    return tuple(
        new(
            record,
            (
                *row[:links],
                departments.get(row[0], none),
                capabilities.get(row[0], none),
                *row[links:cost],
                number(row[cost]),
                *row[cost + 1 :],
            ),
        )
        for row in rows.values_list(*SYSTEM_COLUMNS)
    )


def capability_records(organisation: Organisation) -> tuple[snap.Capability, ...]:
    rows = Capability.objects.for_org(organisation).values_list(
        "id", "name_en", "name_de", "differentiating", "key"
    )
    return tuple(
        snap.Capability(
            id=pk, name=in_reader_language(name_en, name_de), differentiating=diff, key=key
        )
        for pk, name_en, name_de, diff, key in rows
    )


def department_records(organisation: Organisation) -> tuple[snap.Department, ...]:
    rows = Department.objects.for_org(organisation).values_list("id", "name")
    return tuple(snap.Department(id=pk, name=name) for pk, name in rows)


def person_records(organisation: Organisation) -> tuple[snap.Person, ...]:
    rows = Person.objects.for_org(organisation).values_list("id", "name", "department_id")
    return tuple(
        snap.Person(id=pk, name=name, department_id=department) for pk, name, department in rows
    )


def vendor_records(organisation: Organisation) -> tuple[snap.Vendor, ...]:
    rows = Vendor.objects.for_org(organisation).values_list(
        "id", "name", "jurisdiction", "contract_end", "notice_period_months"
    )
    return tuple(
        snap.Vendor(
            id=pk,
            name=name,
            jurisdiction=jurisdiction,
            contract_end=contract_end,
            notice_period_months=notice,
        )
        for pk, name, jurisdiction, contract_end, notice in rows
    )
