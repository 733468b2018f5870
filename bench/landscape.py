"""A generated landscape in the database: systems, departments, capabilities and data flows."""

import random
from decimal import Decimal

from leitstand.flows.models import DataObject, Integration
from leitstand.inventory.models import Capability, Department, System
from leitstand.onboarding.services import create_organisation
from leitstand.tenancy.models import Organisation

WORDS = [
    "Order",
    "Stock",
    "Route",
    "Time",
    "Invoice",
    "Fleet",
    "Lead",
    "Ticket",
    "Payroll",
    "Scan",
    "Quote",
    "Print",
    "Archive",
    "Portal",
    "Shop",
    "Mail",
    "Report",
    "Plan",
    "Asset",
    "Claim",
]
KINDS = ["Hub", "Desk", "Manager", "Cloud", "Pro", "Base", "Sheet", "Box", "Suite", "Tool"]
METHODS = ["api", "event", "shared_database", "file", "manual", "spreadsheet", "email", "paper"]
FREQUENCIES = ["day", "week", "month", "year", "event"]


def _maybe(rng: random.Random, value, missing: float = 0.05):
    return None if rng.random() < missing else value


def build_landscape(slug: str, systems: int, flows: int, seed: int = 7) -> Organisation:
    """An organisation with `systems` systems and `flows` integrations between them."""
    rng = random.Random(seed)
    Organisation.objects.filter(slug=slug).delete()
    organisation = create_organisation(owner=None, name=f"Benchmark {slug}", slug=slug)
    departments = Department.objects.bulk_create(
        Department(organisation=organisation, name=f"Department {n}") for n in range(20)
    )
    capabilities = list(Capability.objects.for_org(organisation))
    rows = System.objects.bulk_create(
        System(
            organisation=organisation,
            name=f"{rng.choice(WORDS)} {rng.choice(KINDS)} {n}",
            annual_cost=_maybe(rng, Decimal(rng.randrange(0, 20000)), 0.1),
            user_count=rng.randrange(1, 80),
            centrally_managed=rng.random() > 0.2,
            personal_data=_maybe(rng, rng.random() < 0.5, 0.05),
            jurisdiction=rng.choice(["eu", "eu", "non_eu"]),
            lifecycle=rng.choice(["active"] * 8 + ["phase_out", "retired"]),
        )
        for n in range(systems)
    )
    System.departments.through.objects.bulk_create(
        System.departments.through(system=system, department=department)
        for system in rows
        for department in rng.sample(departments, rng.randrange(0, 3))
    )
    System.capabilities.through.objects.bulk_create(
        System.capabilities.through(system=system, capability=capability)
        for system in rows
        for capability in rng.sample(capabilities, rng.randrange(0, 3))
    )
    _flows(rng, organisation, rows, flows)
    return organisation


def _flows(rng: random.Random, organisation: Organisation, systems: list, count: int) -> None:
    data_objects = list(DataObject.objects.for_org(organisation))
    integrations = []
    for _ in range(count):
        source, target = rng.sample(systems, 2)
        integrations.append(
            Integration(
                organisation=organisation,
                source=source,
                target=target,
                method=rng.choice(METHODS),
                frequency=rng.choice(FREQUENCIES),
                runs_per_period=_maybe(rng, Decimal(rng.randrange(1, 40))),
                minutes_per_run=_maybe(rng, Decimal(rng.randrange(0, 30))),
                error_rate_percent=_maybe(rng, Decimal(rng.randrange(0, 5))),
                minutes_to_fix_error=Decimal(rng.randrange(5, 30)),
                status=rng.choice(["active"] * 9 + ["planned"]),
            )
        )
    Integration.objects.bulk_create(integrations, batch_size=2000)
    Integration.data_objects.through.objects.bulk_create(
        (
            Integration.data_objects.through(integration=flow, dataobject=data_object)
            for flow in integrations
            for data_object in rng.sample(data_objects, rng.randrange(1, 3))
        ),
        batch_size=5000,
    )
    DataObject.master_systems.through.objects.bulk_create(
        DataObject.master_systems.through(dataobject=data_object, system=system)
        for data_object in data_objects
        for system in rng.sample(systems, rng.randrange(1, 3))
    )
