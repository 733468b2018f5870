import factory

from leitstand.processes.tests.factories import SAME_ORGANISATION, ProcessFactory
from leitstand.surveys.models import DEFAULT_QUESTIONS, Survey, SurveyQuestion
from leitstand.tenancy.tests.factories import OrganisationFactory


class SurveyFactory(factory.django.DjangoModelFactory):
    """An open survey with the four default questions."""

    class Meta:
        model = Survey
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    process = factory.SubFactory(ProcessFactory, organisation=SAME_ORGANISATION)
    title = factory.Sequence(lambda n: f"Survey {n}")

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create and extracted is None:
            for position, key in enumerate(DEFAULT_QUESTIONS, start=1):
                SurveyQuestion.objects.create(
                    organisation=self.organisation, survey=self, position=position, key=key
                )
