import factory

from leitstand.reports.models import ReportSettings, ReportSnapshot, ReportStatus
from leitstand.tenancy.tests.factories import OrganisationFactory


class ReportSnapshotFactory(factory.django.DjangoModelFactory):
    """A finished management summary with stand-in files."""

    class Meta:
        model = ReportSnapshot

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "summary"
    language = "en"
    status = ReportStatus.DONE
    progress = 100
    created_by_name = "Olga Owner"
    pdf = b"%PDF-1.7 stand-in"
    xlsx = b"PK stand-in"
    figures = factory.LazyFunction(
        lambda: {
            "values": {"systems": 3.0},
            "labels": {"systems": "Systems in use"},
            "units": {"systems": "number"},
        }
    )


class ReportSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSettings

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "consulting"
