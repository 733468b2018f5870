from datetime import date
from decimal import Decimal

import factory

from leitstand.funding.models import DeMinimisAid, FundingFacts, FundingPlan, LinkedEnterprise
from leitstand.tenancy.tests.factories import OrganisationFactory


class FundingFactsFactory(factory.django.DjangoModelFactory):
    """A medium-sized logistics company with no partners and no de-minimis aid."""

    class Meta:
        model = FundingFacts

    organisation = factory.SubFactory(OrganisationFactory)
    fte = Decimal("56.5")
    balance_sheet_total = Decimal("4200000")
    has_linked_enterprises = False
    nace_section = "H"
    founded_year = 1998
    de_minimis_complete = True


class LinkedEnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LinkedEnterprise

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Holding {n} GmbH")
    relation = "partner"
    share_percent = Decimal("30")
    fte = Decimal("20")
    turnover = Decimal("3000000")
    balance_sheet_total = Decimal("2000000")


class DeMinimisAidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeMinimisAid

    organisation = factory.SubFactory(OrganisationFactory)
    granted_on = date(2025, 5, 10)
    amount = Decimal("2800")
    grantor = "BAFA"
    programme = "Unternehmensberatung"


class FundingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingPlan

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Order intake automation {n}")
    cost_software_licences = Decimal("18000")
    cost_implementation = Decimal("42000")
    cost_training = Decimal("6000")
    cost_internal_staff = Decimal("13500")
