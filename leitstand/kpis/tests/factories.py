from datetime import date
from decimal import Decimal

import factory

from leitstand.kpis.models import Kpi, Measurement
from leitstand.processes.tests.factories import SAME_ORGANISATION, ProcessFactory
from leitstand.tenancy.tests.factories import OrganisationFactory


class KpiFactory(factory.django.DjangoModelFactory):
    """Minutes per run: 15 before, target 1."""

    class Meta:
        model = Kpi

    organisation = factory.SubFactory(OrganisationFactory)
    process = factory.SubFactory(ProcessFactory, organisation=SAME_ORGANISATION)
    name = factory.Sequence(lambda n: f"KPI {n}")
    unit = "minutes_per_run"
    direction = "lower"
    baseline_value = Decimal("15")
    baseline_date = date(2026, 3, 1)
    baseline_source = "timed 20 runs"
    target_value = Decimal("1")


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    organisation = factory.SubFactory(OrganisationFactory)
    kpi = factory.SubFactory(KpiFactory, organisation=SAME_ORGANISATION)
    measured_on = date(2026, 6, 1)
    value = Decimal("0.75")
    source = "pilot"
