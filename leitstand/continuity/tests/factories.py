from decimal import Decimal

import factory

from leitstand.continuity.models import BusinessImpact
from leitstand.processes.tests.factories import ProcessFactory
from leitstand.tenancy.tests.factories import OrganisationFactory


class BusinessImpactFactory(factory.django.DjangoModelFactory):
    """High damage after 4 hours, RTO 4 h, RPO 4 h; 25 % margin, 8 people idle."""

    class Meta:
        model = BusinessImpact

    organisation = factory.SubFactory(OrganisationFactory)
    process = factory.SubFactory(
        ProcessFactory, organisation=factory.SelfAttribute("..organisation")
    )
    damage_money_1h = "normal"
    damage_money_4h = "high"
    rto_hours = Decimal("4")
    rpo_hours = Decimal("4")
    margin_percent = Decimal("25")
    people_idle = 8
