from datetime import date
from decimal import Decimal

import factory

from leitstand.processes.tests.factories import SAME_ORGANISATION
from leitstand.roadmap.models import (
    ChangeChecklist,
    DroppedProposal,
    FindingState,
    Initiative,
    InitiativeDependency,
    InitiativeOption,
    Milestone,
    Phase,
)
from leitstand.tenancy.tests.factories import OrganisationFactory


class FindingStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FindingState

    organisation = factory.SubFactory(OrganisationFactory)
    key = factory.Sequence(lambda n: f"no_emergency_plan:system:{n + 1}")
    kind = "no_emergency_plan"
    subject_name = factory.Sequence(lambda n: f"System {n}")
    status = "open"


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Initiative {n}")
    problem = "Order intake eats 1.5 people's time."
    status = "idea"
    priority = 2


class InitiativeOptionFactory(factory.django.DjangoModelFactory):
    """10,000 € of implementation, 1,200 € a year to run, 500 hours freed a year."""

    class Meta:
        model = InitiativeOption

    organisation = factory.SubFactory(OrganisationFactory)
    initiative = factory.SubFactory(InitiativeFactory, organisation=SAME_ORGANISATION)
    name = factory.Sequence(lambda n: f"Option {n}")
    implementation_eur = Decimal("10000")
    running_cost_eur_per_year = Decimal("1200")
    hours_freed_per_year = Decimal("500")


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    organisation = factory.SubFactory(OrganisationFactory)
    initiative = factory.SubFactory(InitiativeFactory, organisation=SAME_ORGANISATION)
    kind = "pilot"
    start_on = date(2027, 1, 1)
    end_on = date(2027, 3, 31)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    organisation = factory.SubFactory(OrganisationFactory)
    initiative = factory.SubFactory(InitiativeFactory, organisation=SAME_ORGANISATION)
    name = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = date(2027, 3, 31)


class ChangeChecklistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeChecklist

    organisation = factory.SubFactory(OrganisationFactory)
    initiative = factory.SubFactory(InitiativeFactory, organisation=SAME_ORGANISATION)
    affected = "The order desk (4 people)."


class DroppedProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DroppedProposal

    organisation = factory.SubFactory(OrganisationFactory)
    key = factory.Sequence(lambda n: f"group:overlap:action.consolidate:{n}")
    name = "Overlapping systems"


class InitiativeDependencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativeDependency

    organisation = factory.SubFactory(OrganisationFactory)
    initiative = factory.SubFactory(InitiativeFactory, organisation=SAME_ORGANISATION)
    requires = factory.SubFactory(InitiativeFactory, organisation=SAME_ORGANISATION)
