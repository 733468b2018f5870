from decimal import Decimal

import pytest
from django.utils import translation

from leitstand.flows.tests.factories import DataObjectFactory, IntegrationFactory
from leitstand.inventory.tests.factories import CapabilityFactory, DepartmentFactory, SystemFactory
from leitstand.landscape.snapshot import landscape_snapshot

pytestmark = pytest.mark.django_db

# 13 of the landscape + 4 of the processes + 1 of resilience + 1 of the business impacts
# + 1 of the latest company check
SNAPSHOT_QUERIES = 20


def _landscape(org, size: int) -> None:
    departments = [DepartmentFactory(organisation=org) for _ in range(3)]
    capability = CapabilityFactory(organisation=org)
    customers = DataObjectFactory(organisation=org)
    for number in range(size):
        flow = IntegrationFactory(organisation=org)
        flow.data_objects.add(customers)
        flow.source.departments.add(departments[number % 3])
        flow.source.capabilities.add(capability)
        customers.master_systems.add(flow.target)


@pytest.mark.parametrize("size", [2, 20])
def test_snapshot_takes_a_fixed_number_of_queries(org, size, django_assert_num_queries):
    _landscape(org, size)
    with django_assert_num_queries(SNAPSHOT_QUERIES):
        snapshot = landscape_snapshot(org)
    assert len(snapshot.integrations) == size
    assert len(snapshot.systems) == 2 * size


def test_snapshot_holds_what_the_rules_read(org, other_org):
    org.labour_cost_per_hour = Decimal("50")
    org.working_days_per_year = 210
    org.save()
    department = DepartmentFactory(organisation=org, name="Sales")
    capability = CapabilityFactory(organisation=org, name_en="CRM", name_de="Kundenmanagement")
    crm = SystemFactory(
        organisation=org, name="CRM", annual_cost=None, personal_data=True, centrally_managed=False
    )
    crm.departments.add(department)
    crm.capabilities.add(capability)
    orders = DataObjectFactory(organisation=org, name_en="Orders", name_de="Aufträge")
    orders.master_systems.add(crm)
    flow = IntegrationFactory(organisation=org, source=crm, minutes_per_run=None)
    flow.data_objects.add(orders)
    IntegrationFactory(organisation=other_org)

    with translation.override("de"):
        snapshot = landscape_snapshot(org)
    assert snapshot.settings.labour_cost_per_hour == 50
    assert snapshot.settings.working_days_per_year == 210
    system = snapshot.system_by_id[crm.pk]
    assert system.annual_cost is None
    assert system.department_ids == (department.pk,)
    assert system.capability_ids == (capability.pk,)
    assert (system.personal_data, system.centrally_managed) == (True, False)
    assert snapshot.capability_by_id[capability.pk].name == "Kundenmanagement"
    assert snapshot.data_object_by_id[orders.pk].name == "Aufträge"
    (integration,) = snapshot.integrations
    assert integration.minutes_per_run is None
    assert integration.data_object_ids == (orders.pk,)
    assert [(m.data_object_id, m.system_id) for m in snapshot.masters] == [(orders.pk, crm.pk)]


def test_records_read_from_plain_rows_match_the_models_field_by_field(org):
    """The loaders build records positionally from driver rows (booleans may arrive as 0/1,
    decimals as text): every field must still equal what the model instance holds."""
    from datetime import date

    from leitstand.flows.selectors import as_snapshot_integration
    from leitstand.inventory.tests.factories import PersonFactory, VendorFactory
    from leitstand.processes.tests.factories import ProcessStepFactory

    owner, deputy = PersonFactory(organisation=org), PersonFactory(organisation=org)
    system = SystemFactory(
        organisation=org,
        kind="suite",
        lifecycle="phase_out",
        owner=owner,
        deputy=deputy,
        vendor=VendorFactory(organisation=org),
        annual_cost=Decimal("1234.56"),
        user_count=17,
        centrally_managed=False,
        personal_data=True,
        jurisdiction="non_eu",
        hosting="saas",
        end_of_support=date(2027, 12, 31),
        introduced_on=date(2019, 4, 1),
    )
    flow = IntegrationFactory(
        organisation=org,
        source=system,
        method="spreadsheet",
        frequency="week",
        runs_per_period=Decimal("0.1"),
        minutes_per_run=Decimal("12.25"),
        error_rate_percent=Decimal("33.33"),
        minutes_to_fix_error=Decimal("20"),
        status="planned",
    )
    step = ProcessStepFactory(
        organisation=org, automated=True, minutes_per_run=Decimal("1.5"), integration=flow
    )

    snapshot = landscape_snapshot(org)

    record = snapshot.system_by_id[system.pk]
    for field in record._fields:
        if field.endswith("_ids"):
            continue
        expected = getattr(system, field)
        assert getattr(record, field) == expected, field
        assert type(getattr(record, field)) is type(expected), field
    assert snapshot.integration_by_id[flow.pk] == as_snapshot_integration(flow)
    (process,) = snapshot.processes
    (loaded,) = process.steps
    assert loaded.automated is True
    assert (loaded.minutes_per_run, loaded.integration_id) == (Decimal("1.5"), flow.pk)
    assert loaded.error_rate_percent == step.error_rate_percent
