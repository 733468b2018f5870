import factory

from leitstand.api.models import ApiToken
from leitstand.tenancy.models import hash_token
from leitstand.tenancy.tests.factories import OrganisationFactory, UserFactory


class ApiTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApiToken

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Script {n}")
    token_hash = factory.Sequence(lambda n: hash_token(f"ls_factory-{n}"))
    prefix = "ls_factory"
