"""Loads an organisation's resilience facts for the analysis snapshot (`Snapshot.resilience`):
one query, no model instances. Registered in `ResilienceConfig.ready()`."""

from leitstand.analysis.snapshot import SystemResilienceFacts
from leitstand.core.queries import as_text, column_position, decimal_or_none, record_columns
from leitstand.resilience.models import SystemResilience
from leitstand.tenancy.models import Organisation

#: The SystemResilience column behind each field of the record.
COLUMNS = record_columns(
    SystemResilienceFacts,
    {
        "system_id": "system_id",
        "backup_exists": "backup_exists",
        "backup_interval_hours": "backup_interval_hours",
        "backup_copies": "backup_copies",
        "backup_media": "backup_media",
        "backup_offsite": "backup_offsite",
        "backup_offline": "backup_offline",
        "backup_responsible": "backup_responsible_id",
        "restore_tested_on": "restore_tested_on",
        "restore_test_ok": "restore_test_ok",
        "restore_duration_hours": as_text("restore_duration_hours"),
        "two_factor": "two_factor",
        "internet_facing": "internet_facing",
        "updates_by": "updates_by",
        "updates_behind": "updates_behind",
        "emergency_plan": "emergency_plan",
        "emergency_plan_tested_on": "emergency_plan_tested_on",
        "notes": "notes",
        "hardware_since": "hardware_since",
    },
)
DURATION = column_position(SystemResilienceFacts, "restore_duration_hours")  # read as text


def resilience_records(
    organisation: Organisation, system_ids=None
) -> tuple[SystemResilienceFacts, ...]:
    rows = SystemResilience.objects.for_org(organisation)
    if system_ids is not None:
        rows = rows.filter(system_id__in=system_ids)
    records = []
    for row in rows.order_by("system_id").values_list(*COLUMNS):
        row = list(row)
        row[DURATION] = decimal_or_none(row[DURATION])
        records.append(SystemResilienceFacts(*row))
    return tuple(records)
