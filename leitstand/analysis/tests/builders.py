"""Small helpers to write snapshots in tests without the database."""

from decimal import Decimal

from leitstand.analysis.snapshot import (
    Capability,
    DataObject,
    Department,
    Integration,
    Master,
    OrganisationSettings,
    Snapshot,
    System,
)

SETTINGS = OrganisationSettings(name="Test GmbH", slug="test")


def flow(
    flow_id: int,
    source: int,
    target: int,
    method: str = "manual",
    runs: str | None = "10",
    minutes: str | None = "6",
    error: str | None = "0",
    fix: str | None = None,
    frequency: str = "day",
    status: str = "active",
    data: tuple[int, ...] = (),
) -> Integration:
    def number(value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)

    return Integration(
        id=flow_id,
        source_id=source,
        target_id=target,
        method=method,
        frequency=frequency,
        runs_per_period=number(runs),
        minutes_per_run=number(minutes),
        error_rate_percent=number(error),
        minutes_to_fix_error=number(fix),
        status=status,
        data_object_ids=data,
    )


def landscape(
    systems: list[System],
    integrations: list[Integration] = (),
    capabilities: int = 5,
    departments: int = 3,
    data_objects: int = 3,
    masters: list[tuple[int, int]] = (),
    settings: OrganisationSettings = SETTINGS,
) -> Snapshot:
    return Snapshot(
        settings=settings,
        systems=tuple(systems),
        departments=tuple(Department(i, f"Department {i}") for i in range(1, departments + 1)),
        capabilities=tuple(Capability(i, f"Capability {i}") for i in range(1, capabilities + 1)),
        data_objects=tuple(DataObject(i, f"Data {i}") for i in range(1, data_objects + 1)),
        masters=tuple(Master(d, s) for d, s in masters),
        integrations=tuple(integrations),
    )


def systems(count: int, **fields) -> list[System]:
    return [System(id=i, name=f"System {i}", **fields) for i in range(1, count + 1)]
