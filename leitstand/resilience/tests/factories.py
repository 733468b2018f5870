import factory

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.resilience.models import SystemResilience
from leitstand.tenancy.tests.factories import OrganisationFactory


class SystemResilienceFactory(factory.django.DjangoModelFactory):
    """Nothing known yet: every fact empty, like a freshly opened form."""

    class Meta:
        model = SystemResilience

    organisation = factory.SubFactory(OrganisationFactory)
    system = factory.SubFactory(SystemFactory, organisation=factory.SelfAttribute("..organisation"))
