"""Loads one organisation's landscape into the analysis snapshot, in a fixed number of queries.

Rows come as value tuples (no model instances): 19 queries whatever the size, and fast
enough for 10,000 systems and 50,000 integrations. Names of capabilities and data objects
are taken in the active language.
"""

from django.utils import timezone
from django.utils.translation import get_language

from leitstand.analysis import Analysis, analyze
from leitstand.analysis import snapshot as snap
from leitstand.analysis.engine import collector_paused
from leitstand.assessment.selectors import latest_assessments, override_records
from leitstand.continuity.records import business_impact_records
from leitstand.core.queries import as_text as _as_text
from leitstand.core.queries import decimal_reader, raw_rows
from leitstand.flows.models import DataObject, Integration
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.processes.records import process_records
from leitstand.reports.cache import cached_analysis
from leitstand.resilience.records import resilience_records
from leitstand.security_check.records import company_check_record
from leitstand.tenancy.models import Organisation


def organisation_settings(organisation: Organisation) -> snap.OrganisationSettings:
    return snap.OrganisationSettings(
        name=organisation.name,
        slug=organisation.slug,
        labour_cost_per_hour=organisation.labour_cost_per_hour,
        working_days_per_year=organisation.working_days_per_year,
        productive_hours_per_fte=organisation.productive_hours_per_fte,
    )


def _german() -> bool:
    return (get_language() or "en").startswith("de")


def _localised(name_en: str, name_de: str) -> str:
    return (name_de or name_en) if _german() else (name_en or name_de)


def _links(
    through, left: str, right: str, organisation: Organisation, left_ids=None
) -> dict[int, tuple[int, ...]]:
    """{left id: (right ids)} of a many-to-many table, for one organisation (or some rows)."""
    rows = through.objects.filter(**{f"{left}__organisation": organisation})
    if left_ids is not None:
        rows = rows.filter(**{f"{left}_id__in": left_ids})
    rows = raw_rows(
        rows.order_by(f"{left}_id", f"{right}_id").values_list(f"{left}_id", f"{right}_id")
    )
    grouped: dict[int, list[int]] = {}
    previous, current = None, []
    for left_id, right_id in rows:  # ordered by left id: one dict write per group
        if left_id != previous:
            previous, current = left_id, [right_id]
            grouped[left_id] = current
        else:
            current.append(right_id)
    return {left_id: tuple(right_ids) for left_id, right_ids in grouped.items()}


def system_records(organisation: Organisation, ids=None) -> tuple[snap.System, ...]:
    """The organisation's systems as snapshot records; only those in `ids` if given."""
    departments = _links(System.departments.through, "system", "department", organisation, ids)
    capabilities = _links(System.capabilities.through, "system", "capability", organisation, ids)
    rows = System.objects.for_org(organisation).order_by("pk")
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    number, new, record, none = decimal_reader(), tuple.__new__, snap.System, ()
    # Selected in the order of snap.System's fields, its two link tuples left out and put in
    # positionally (10,000 systems per load); annual_cost is the eighth column.
    return tuple(
        new(
            record,
            (
                *row[:4],
                departments.get(row[0], none),
                capabilities.get(row[0], none),
                *row[4:7],
                number(row[7]),
                *row[8:],
            ),
        )
        for row in rows.values_list(
            "id",
            "name",
            "kind",
            "lifecycle",
            "owner_id",
            "deputy_id",
            "vendor_id",
            _as_text("annual_cost"),
            "user_count",
            "centrally_managed",
            "personal_data",
            "jurisdiction",
            "hosting",
            "end_of_support",
            "introduced_on",
        )
    )


def capability_records(capabilities) -> tuple[snap.Capability, ...]:
    rows = capabilities.values_list("id", "name_en", "name_de", "differentiating", "key")
    return tuple(
        snap.Capability(pk, _localised(name_en, name_de), differentiating, key)
        for pk, name_en, name_de, differentiating, key in rows
    )


def _integrations(organisation: Organisation) -> tuple[snap.Integration, ...]:
    carried = _links(Integration.data_objects.through, "integration", "dataobject", organisation)
    numbers = ["runs_per_period", "minutes_per_run", "error_rate_percent", "minutes_to_fix_error"]
    rows = raw_rows(
        Integration.objects.for_org(organisation)
        .order_by("pk")
        .values_list(
            "id",
            "source_id",
            "target_id",
            "method",
            "frequency",
            *numbers,
            "status",
        )
    )
    number = decimal_reader()
    record, new, no_objects = snap.Integration, tuple.__new__, ()
    # tuple.__new__ with the fields in declaration order skips the records' Python-level
    # __new__: a third of the load at 50,000 flows.
    return tuple(
        new(
            record,
            (
                pk,
                source,
                target,
                method,
                frequency,
                number(runs),
                number(minutes),
                number(error_rate),
                number(fix),
                status,
                carried.get(pk, no_objects),
            ),
        )
        for pk, source, target, method, frequency, runs, minutes, error_rate, fix, status in rows
    )


def landscape_snapshot(organisation: Organisation, processes: bool = True) -> snap.Snapshot:
    """Everything the analysis reads about one organisation (20 queries; 13 without the
    processes, business impacts, resilience facts and company check, which the integration map
    does not need)."""
    with collector_paused():
        masters = _links(DataObject.master_systems.through, "dataobject", "system", organisation)
        return snap.Snapshot(
            settings=organisation_settings(organisation),
            systems=system_records(organisation),
            departments=tuple(
                snap.Department(*row)
                for row in Department.objects.for_org(organisation).values_list("id", "name")
            ),
            capabilities=capability_records(Capability.objects.for_org(organisation)),
            people=tuple(
                snap.Person(*row)
                for row in Person.objects.for_org(organisation).values_list(
                    "id", "name", "department_id"
                )
            ),
            vendors=tuple(
                snap.Vendor(*row)
                for row in Vendor.objects.for_org(organisation).values_list(
                    "id", "name", "jurisdiction"
                )
            ),
            data_objects=tuple(
                snap.DataObject(pk, _localised(name_en, name_de))
                for pk, name_en, name_de in DataObject.objects.for_org(organisation).values_list(
                    "id", "name_en", "name_de"
                )
            ),
            masters=tuple(
                snap.Master(data_object_id, system_id)
                for data_object_id, system_ids in masters.items()
                for system_id in system_ids
            ),
            integrations=_integrations(organisation),
            assessments=latest_assessments(organisation),
            overrides=override_records(organisation),
            as_of=timezone.localdate(),
            processes=process_records(organisation) if processes else (),
            business_impacts=business_impact_records(organisation) if processes else (),
            resilience=resilience_records(organisation) if processes else (),
            company_check=company_check_record(organisation) if processes else None,
        )


def request_analysis(request) -> Analysis:
    """The organisation's analysis, once per request (cockpit sections share it) and from
    `leitstand.tenancy.landscape_cache` while the landscape has not changed."""
    cached = getattr(request, "_leitstand_analysis", None)
    if cached is None:
        organisation = request.org
        cached = request._leitstand_analysis = cached_analysis(
            organisation, lambda: analyze(landscape_snapshot(organisation))
        )
    return cached
