from decimal import Decimal

import factory

from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.tenancy.tests.factories import OrganisationFactory


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Department {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Clerk"


class VendorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vendor

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Vendor {n}")
    jurisdiction = "eu"


class CapabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capability

    organisation = factory.SubFactory(OrganisationFactory)
    name_en = factory.Sequence(lambda n: f"Capability {n}")
    name_de = factory.Sequence(lambda n: f"Fähigkeit {n}")


class SystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = System

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"System {n}")
    kind = "application"
    annual_cost = Decimal("1200.00")
