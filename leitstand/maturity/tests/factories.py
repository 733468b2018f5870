import factory

from leitstand.maturity.models import MaturityAnswer, MaturityAssessment
from leitstand.tenancy.tests.factories import OrganisationFactory


class MaturityAssessmentFactory(factory.django.DjangoModelFactory):
    """An in-progress assessment without answers (every item not known)."""

    class Meta:
        model = MaturityAssessment

    organisation = factory.SubFactory(OrganisationFactory)
    assessor = "Eva Beraterin"
    dii_variant = "v3"


class MaturityAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaturityAnswer

    organisation = factory.SubFactory(OrganisationFactory)
    assessment = factory.SubFactory(
        MaturityAssessmentFactory, organisation=factory.SelfAttribute("..organisation")
    )
    item = "dii_erp"
    value = "yes"
