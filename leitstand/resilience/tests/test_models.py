from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from leitstand.inventory.tests.factories import PersonFactory, SystemFactory
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.resilience.tests.factories import SystemResilienceFactory

pytestmark = pytest.mark.django_db


def test_one_row_per_system(org):
    system = SystemFactory(organisation=org)
    SystemResilienceFactory(organisation=org, system=system)
    with pytest.raises(IntegrityError):
        SystemResilienceFactory(organisation=org, system=system)


def test_reached_from_the_system(org):
    resilience = SystemResilienceFactory(organisation=org, backup_exists=True)
    assert resilience.system.resilience == resilience
    assert str(resilience) == resilience.system.name


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"restore_tested_on": timedelta(days=1)}, "restore_tested_on"),
        ({"emergency_plan_tested_on": timedelta(days=3)}, "emergency_plan_tested_on"),
        ({"restore_duration_hours": Decimal("-1")}, "restore_duration_hours"),
        ({"backup_copies": 0}, "backup_copies"),
        ({"backup_copies": 21}, "backup_copies"),
        ({"backup_media": 0}, "backup_media"),
        ({"backup_copies": 2, "backup_media": 3}, "backup_media"),
        ({"backup_exists": False, "backup_copies": 3}, "backup_exists"),
        ({"backup_interval_hours": 0}, "backup_interval_hours"),
    ],
)
def test_validation(org, values, field):
    # days ahead become dates when the test runs (not at collection, which may be yesterday)
    values = {
        name: timezone.localdate() + value if isinstance(value, timedelta) else value
        for name, value in values.items()
    }
    resilience = SystemResilienceFactory.build(
        organisation=org, system=SystemFactory(organisation=org), **values
    )
    with pytest.raises(ValidationError) as error:
        resilience.full_clean()
    assert field in error.value.message_dict


def test_people_and_systems_of_another_organisation_are_refused(org, other_org):
    resilience = SystemResilienceFactory.build(
        organisation=org,
        system=SystemFactory(organisation=other_org),
        backup_responsible=PersonFactory(organisation=other_org),
    )
    with pytest.raises(ValidationError) as error:
        resilience.full_clean()
    assert {"system", "backup_responsible"} <= set(error.value.message_dict)


def test_snapshot_carries_the_facts(org, other_org):
    person = PersonFactory(organisation=org)
    resilience = SystemResilienceFactory(
        organisation=org,
        backup_exists=True,
        backup_copies=2,
        backup_responsible=person,
        restore_tested_on=date(2026, 3, 12),
        restore_test_ok=True,
        restore_duration_hours=Decimal("10"),
        two_factor="none",
    )
    SystemResilienceFactory(organisation=other_org)
    snapshot = landscape_snapshot(org)
    (facts,) = snapshot.resilience
    assert facts.system_id == resilience.system_id
    assert facts.backup_responsible == person.pk
    assert facts.restore_duration_hours == Decimal("10")
    assert facts.restore_tested_on == date(2026, 3, 12)
    assert facts.two_factor == "none"
    assert snapshot.resilience_by_system[resilience.system_id] is facts
