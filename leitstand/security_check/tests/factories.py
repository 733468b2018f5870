import factory

from leitstand.security_check.models import Answer, SecurityCheck
from leitstand.tenancy.tests.factories import OrganisationFactory


class SecurityCheckFactory(factory.django.DjangoModelFactory):
    """An in-progress check without answers (every requirement not known)."""

    class Meta:
        model = SecurityCheck

    organisation = factory.SubFactory(OrganisationFactory)
    interviewer = "Eva Beraterin"


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    organisation = factory.SubFactory(OrganisationFactory)
    security_check = factory.SubFactory(
        SecurityCheckFactory, organisation=factory.SelfAttribute("..organisation")
    )
    requirement = "01"
    item = "a"
    value = "yes"
