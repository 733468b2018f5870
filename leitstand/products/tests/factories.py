from datetime import date
from decimal import Decimal

import factory

from leitstand.inventory.tests.factories import SystemFactory
from leitstand.products.models import ProductLink, RecurringPayment, StatementScan
from leitstand.tenancy.tests.factories import OrganisationFactory


class ProductLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductLink

    organisation = factory.SubFactory(OrganisationFactory)
    system = factory.SubFactory(SystemFactory, organisation=factory.SelfAttribute("..organisation"))
    product = "windows-server"
    cycle = "2012-r2"


class StatementScanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementScan

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "bank"
    rows_read = 120
    period_start = date(2025, 1, 2)
    period_end = date(2025, 12, 30)


class RecurringPaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecurringPayment

    organisation = factory.SubFactory(OrganisationFactory)
    scan = factory.SubFactory(
        StatementScanFactory, organisation=factory.SelfAttribute("..organisation")
    )
    payee = "PAYPAL *DROPBOX"
    product = "dropbox"
    vendor_name = "Dropbox"
    interval = "monthly"
    payment_count = 12
    first_paid = date(2025, 1, 3)
    last_paid = date(2025, 12, 3)
    annual_cost = Decimal("143.88")
    per_year = factory.LazyFunction(lambda: {"2025": "143.88"})
    payments = factory.LazyFunction(lambda: [["2025-01-03", "11.99"]])
