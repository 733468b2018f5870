import factory

from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.inventory.tests.factories import SystemFactory
from leitstand.tenancy.tests.factories import OrganisationFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    """Critical, adequate health, file exchange only: the rules say "wrap" where manual
    transfers reach the wrap threshold (100 h a year), "retain" without them."""

    class Meta:
        model = Assessment

    organisation = factory.SubFactory(OrganisationFactory)
    system = factory.SubFactory(SystemFactory, organisation=factory.SelfAttribute("..organisation"))
    criticality = 3
    health = 3
    integration = 2


class RecommendationOverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecommendationOverride

    organisation = factory.SubFactory(OrganisationFactory)
    system = factory.SubFactory(SystemFactory, organisation=factory.SelfAttribute("..organisation"))
    strategy = "replace"
    reason = "The successor is already budgeted for next year."
