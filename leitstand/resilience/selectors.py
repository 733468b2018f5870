"""What the resilience pages read: rows of the overview, people and vendors, all computed from
the organisation's analysis (one snapshot per request) by the pure functions in
`leitstand.analysis.resilience.figures`."""

from dataclasses import dataclass
from decimal import Decimal

from leitstand.analysis.engine import Analysis
from leitstand.analysis.resilience import figures
from leitstand.analysis.snapshot import Person, System, SystemResilienceFacts, Vendor


def outage_cost_by_system(analysis: Analysis) -> dict[int, Decimal]:
    """The sort key of the overview: EUR per hour without each system, by the business impact
    of the processes that need it (analysis.continuity.outage). Systems no recorded process
    needs are left out: their cost is unknown, not zero, and they sort last."""
    return {
        system_id: eur_per_hour
        for system_id, eur_per_hour in analysis.outage_cost_by_system.items()
        if eur_per_hour
    }


@dataclass(frozen=True)
class OverviewRow:
    system: System
    facts: SystemResilienceFacts | None
    lights: dict[str, figures.Light]
    critical: bool
    outage_cost: Decimal | None
    department_names: tuple[str, ...]

    @property
    def problems(self) -> int:
        return sum(1 for light in self.lights.values() if light == figures.Light.BAD)

    @property
    def internet_facing(self) -> bool:
        return bool(self.facts and self.facts.internet_facing)

    @property
    def light_list(self) -> list[tuple[str, figures.Light]]:
        return [(aspect, self.lights[aspect]) for aspect in figures.ASPECTS]


def overview_rows(analysis: Analysis) -> list[OverviewRow]:
    """Every system in operation, by outage cost (highest first, unknown last), then name."""
    snapshot = analysis.snapshot
    as_of = figures.today(snapshot)
    costs = outage_cost_by_system(analysis)
    critical = analysis.facts.critical_system_ids
    departments = snapshot.department_by_id
    rows = [
        OverviewRow(
            system=system,
            facts=snapshot.resilience_by_system.get(system.id),
            lights=figures.system_lights(
                system, snapshot.resilience_by_system.get(system.id), as_of
            ),
            critical=system.id in critical,
            outage_cost=costs.get(system.id),
            department_names=tuple(departments[d].name for d in system.department_ids),
        )
        for system in snapshot.systems
        if system.in_operation
    ]
    rows.sort(key=lambda row: row.system.name.lower())
    rows.sort(key=lambda row: -(row.outage_cost if row.outage_cost is not None else -1))
    return rows


@dataclass(frozen=True)
class PersonDependency:
    person: Person
    systems: tuple[System, ...]


def people_dependencies(analysis: Analysis) -> tuple[list[PersonDependency], list[System]]:
    """People who alone can run critical systems (most systems first), and critical systems
    without any owner."""
    snapshot = analysis.snapshot
    critical = analysis.facts.critical_system_ids
    people = {person.id: person for person in snapshot.people}
    carried = figures.single_person_systems(snapshot, critical)
    rows = [
        PersonDependency(people[pid], tuple(snapshot.system_by_id[s] for s in system_ids))
        for pid, system_ids in carried.items()
    ]
    rows.sort(key=lambda row: (-len(row.systems), row.person.name.lower()))
    ownerless = [
        snapshot.system_by_id[s] for s in figures.ownerless_critical_ids(snapshot, critical)
    ]
    return rows, ownerless


@dataclass(frozen=True)
class VendorRow:
    vendor: Vendor
    share: figures.VendorShare
    systems: tuple[System, ...]


def vendor_rows(analysis: Analysis) -> list[VendorRow]:
    snapshot = analysis.snapshot
    vendors = {vendor.id: vendor for vendor in snapshot.vendors}
    return [
        VendorRow(
            vendors[share.vendor_id],
            share,
            tuple(snapshot.system_by_id[s] for s in share.system_ids),
        )
        for share in figures.vendor_shares(snapshot, analysis.facts.critical_system_ids)
    ]


def personal_data_outside_eu(analysis: Analysis) -> list[System]:
    snapshot = analysis.snapshot
    return [snapshot.system_by_id[s] for s in figures.personal_data_outside_eu_ids(snapshot)]
