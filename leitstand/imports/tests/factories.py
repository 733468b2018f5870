import factory

from leitstand.imports.models import ImportMemory, ImportRun
from leitstand.tenancy.tests.factories import OrganisationFactory

CSV = "Name;Kosten p.a.\r\nDATEV;1.234,56 €\r\n".encode()


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    organisation = factory.SubFactory(OrganisationFactory)
    original_name = "systems.csv"
    file = factory.django.FileField(data=CSV, filename="systems.csv")
    sheet = "systems"
    header_row = 0
    mapping = factory.LazyFunction(lambda: {"0": "name", "1": "annual_cost"})


class ImportMemoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportMemory

    organisation = factory.SubFactory(OrganisationFactory)
    target = "systems"
    layout = factory.Sequence(lambda n: f"layout-{n}")
