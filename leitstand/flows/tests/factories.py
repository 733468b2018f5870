from decimal import Decimal

import factory

from leitstand.flows.models import DataObject, Integration
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.tenancy.tests.factories import OrganisationFactory


class DataObjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataObject

    organisation = factory.SubFactory(OrganisationFactory)
    name_en = factory.Sequence(lambda n: f"Data object {n}")
    name_de = factory.Sequence(lambda n: f"Datenobjekt {n}")


class IntegrationFactory(factory.django.DjangoModelFactory):
    """A manual flow of 10 runs a working day, 6 minutes each, between two new systems."""

    class Meta:
        model = Integration

    organisation = factory.SubFactory(OrganisationFactory)
    source = factory.SubFactory(SystemFactory, organisation=factory.SelfAttribute("..organisation"))
    target = factory.SubFactory(SystemFactory, organisation=factory.SelfAttribute("..organisation"))
    method = "manual"
    frequency = "day"
    runs_per_period = Decimal("10")
    minutes_per_run = Decimal("6")
    error_rate_percent = Decimal("2")
    minutes_to_fix_error = Decimal("15")
