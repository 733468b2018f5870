"""A realistic large landscape for the HTTP benchmark: systems with owners, deputies, vendors,
departments and capabilities; data flows between them; business processes whose steps use
systems, with their business impact; assessments; resilience facts.

Written with bulk inserts (a few seconds for 10,000 systems and 50,000 flows); the stamp of
the organisation is renewed at the end, like every bulk writer does.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from bench.landscape import FREQUENCIES, KINDS, METHODS, WORDS
from leitstand.assessment.models import Assessment
from leitstand.continuity.models import BusinessImpact, DamageLevel
from leitstand.flows.models import DataObject, Integration
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.onboarding.services import create_organisation
from leitstand.processes.models import Process, ProcessStep
from leitstand.resilience.models import SystemResilience, TwoFactor, UpdatesBehind
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import bump_landscape

SYSTEM_KINDS = ["application", "application", "suite", "device", ""]
HOSTINGS = ["on_premises", "saas", "public_cloud", ""]
DAMAGES = [level.value for level in DamageLevel] + [""]


def _maybe(rng: random.Random, value, missing: float = 0.1):
    return None if rng.random() < missing else value


def build(slug: str, systems: int, flows: int, seed: int = 24) -> Organisation:
    """The organisation `slug` (replaced if it exists) with `systems` systems, `flows` flows."""
    rng = random.Random(seed)
    Organisation.objects.filter(slug=slug).delete()
    organisation = create_organisation(owner=None, name=f"Benchmark {slug}", slug=slug)
    departments = Department.objects.bulk_create(
        Department(organisation=organisation, name=f"Department {n}") for n in range(20)
    )
    people = Person.objects.bulk_create(
        Person(
            organisation=organisation, name=f"Person {n:04d}", department=rng.choice(departments)
        )
        for n in range(max(10, systems // 10))
    )
    vendors = Vendor.objects.bulk_create(
        Vendor(
            organisation=organisation,
            name=f"Vendor {n:03d}",
            jurisdiction=rng.choice(["eu", "eu", "non_eu"]),
        )
        for n in range(max(10, systems // 20))
    )
    capabilities = list(Capability.objects.for_org(organisation))
    today = date.today()
    rows = System.objects.bulk_create(
        (
            System(
                organisation=organisation,
                name=f"{rng.choice(WORDS)} {rng.choice(KINDS)} {n:05d}",
                description=f"{rng.choice(WORDS)} for {rng.choice(WORDS).lower()} handling",
                version=f"{rng.randrange(1, 20)}.{rng.randrange(0, 10)}",
                kind=rng.choice(SYSTEM_KINDS),
                hosting=rng.choice(HOSTINGS),
                owner=_maybe(rng, rng.choice(people)),
                deputy=_maybe(rng, rng.choice(people), 0.5),
                vendor=_maybe(rng, rng.choice(vendors)),
                annual_cost=_maybe(rng, Decimal(rng.randrange(0, 20000))),
                user_count=rng.randrange(1, 80),
                centrally_managed=_maybe(rng, rng.random() > 0.2),
                personal_data=_maybe(rng, rng.random() < 0.5, 0.05),
                jurisdiction=rng.choice(["eu", "eu", "non_eu"]),
                lifecycle=rng.choice(["active"] * 8 + ["phase_out", "retired"]),
                end_of_support=_maybe(rng, today + timedelta(days=rng.randint(-900, 3000)), 0.3),
            )
            for n in range(systems)
        ),
        batch_size=2000,
    )
    System.departments.through.objects.bulk_create(
        (
            System.departments.through(system=system, department=department)
            for system in rows
            for department in rng.sample(departments, rng.randrange(0, 3))
        ),
        batch_size=5000,
    )
    System.capabilities.through.objects.bulk_create(
        (
            System.capabilities.through(system=system, capability=capability)
            for system in rows
            for capability in rng.sample(capabilities, rng.randrange(0, 3))
        ),
        batch_size=5000,
    )
    _flows(rng, organisation, rows, flows)
    _processes(rng, organisation, rows, departments, max(5, systems // 50))
    _assessments(rng, organisation, rows, today)
    _resilience(rng, organisation, rows, people, today)
    bump_landscape(organisation)  # bulk inserts send no signals
    return organisation


def _flows(rng: random.Random, organisation, systems: list, count: int) -> None:
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
                runs_per_period=_maybe(rng, Decimal(rng.randrange(1, 40)), 0.05),
                minutes_per_run=_maybe(rng, Decimal(rng.randrange(0, 30)), 0.05),
                error_rate_percent=_maybe(rng, Decimal(rng.randrange(0, 5)), 0.05),
                minutes_to_fix_error=Decimal(rng.randrange(5, 30)),
                status=rng.choice(["active"] * 9 + ["planned"]),
            )
        )
    Integration.objects.bulk_create(integrations, batch_size=5000)
    Integration.data_objects.through.objects.bulk_create(
        (
            Integration.data_objects.through(integration=flow, dataobject=data_object)
            for flow in integrations
            for data_object in rng.sample(data_objects, rng.randrange(1, 3))
        ),
        batch_size=10000,
    )
    DataObject.master_systems.through.objects.bulk_create(
        DataObject.master_systems.through(dataobject=data_object, system=system)
        for data_object in data_objects
        for system in rng.sample(systems, rng.randrange(1, 3))
    )


def _processes(rng: random.Random, organisation, systems, departments, count: int) -> None:
    processes = Process.objects.bulk_create(
        Process(
            organisation=organisation,
            name=f"Process {n:03d}",
            frequency=rng.choice(["day", "week", "month"]),
            runs_per_period=Decimal(rng.randrange(1, 60)),
        )
        for n in range(count)
    )
    ProcessStep.objects.bulk_create(
        ProcessStep(
            organisation=organisation,
            process=process,
            name=f"Step {position}",
            position=position,
            department=rng.choice(departments),
            system=rng.choice(systems),
            minutes_per_run=Decimal(rng.randrange(1, 30)),
            error_rate_percent=Decimal(rng.randrange(0, 5)),
            minutes_to_fix_error=Decimal(rng.randrange(5, 30)),
        )
        for process in processes
        for position in range(1, rng.randrange(3, 7))
    )
    BusinessImpact.objects.bulk_create(
        BusinessImpact(
            organisation=organisation,
            process=process,
            rto_hours=Decimal(rng.choice([4, 8, 24, 72])),
            rpo_hours=Decimal(rng.choice([1, 4, 24])),
            margin_percent=Decimal(rng.randrange(5, 40)),
            people_idle=rng.randrange(0, 30),
            **{
                f"damage_{category}_{hours}h": rng.choice(DAMAGES)
                for category in ("money", "contracts", "reputation")
                for hours in (1, 4, 24, 72, 168)
            },
        )
        for process in processes
        if rng.random() < 0.7
    )


def _assessments(rng: random.Random, organisation, systems, today) -> None:
    Assessment.objects.bulk_create(
        (
            Assessment(
                organisation=organisation,
                system=system,
                assessed_on=today - timedelta(days=rng.randrange(0, 700)),
                criticality=rng.randrange(1, 5),
                health=rng.randrange(1, 5),
                integration=rng.randrange(1, 5),
            )
            for system in systems
            if rng.random() < 0.6
        ),
        batch_size=5000,
    )


def _resilience(rng: random.Random, organisation, systems, people, today) -> None:
    SystemResilience.objects.bulk_create(
        (
            SystemResilience(
                organisation=organisation,
                system=system,
                backup_interval_hours=_maybe(rng, rng.choice([1, 4, 24, 168]), 0.2),
                backup_copies=_maybe(rng, rng.randrange(0, 4), 0.2),
                backup_media=_maybe(rng, rng.randrange(0, 3), 0.2),
                backup_responsible=_maybe(rng, rng.choice(people), 0.3),
                restore_tested_on=_maybe(rng, today - timedelta(days=rng.randrange(0, 900)), 0.4),
                two_factor=rng.choice([*TwoFactor.values, ""]),
                internet_facing=_maybe(rng, rng.random() < 0.3, 0.2),
                updates_behind=rng.choice([*UpdatesBehind.values, ""]),
                emergency_plan=_maybe(rng, rng.random() < 0.5, 0.2),
            )
            for system in systems
            if rng.random() < 0.5
        ),
        batch_size=5000,
    )
