"""Loads an organisation's resilience facts for the analysis snapshot: one query, no model
instances. Called by `leitstand.reports.selectors.landscape_snapshot`."""

from leitstand.analysis.snapshot import SystemResilienceFacts
from leitstand.core.queries import as_text, decimal_or_none
from leitstand.resilience.models import SystemResilience
from leitstand.tenancy.models import Organisation

# In the order of SystemResilienceFacts' fields.
FIELDS = [
    "system_id",
    "backup_exists",
    "backup_interval_hours",
    "backup_copies",
    "backup_media",
    "backup_offsite",
    "backup_offline",
    "backup_responsible_id",
    "restore_tested_on",
    "restore_test_ok",
    as_text("restore_duration_hours"),
    "two_factor",
    "internet_facing",
    "updates_by",
    "updates_behind",
    "emergency_plan",
    "emergency_plan_tested_on",
    "notes",
]
DURATION = 10  # restore_duration_hours, read as text


def resilience_records(
    organisation: Organisation, system_ids=None
) -> tuple[SystemResilienceFacts, ...]:
    rows = SystemResilience.objects.for_org(organisation)
    if system_ids is not None:
        rows = rows.filter(system_id__in=system_ids)
    records = []
    for row in rows.order_by("system_id").values_list(*FIELDS):
        row = list(row)
        row[DURATION] = decimal_or_none(row[DURATION])
        records.append(SystemResilienceFacts(*row))
    return tuple(records)
