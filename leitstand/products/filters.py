"""Filters of the products app's API resources."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.filters import ANY, SearchFilterSet, _org_queryset
from leitstand.inventory.models import System
from leitstand.products.models import ProductLink, RecurringPayment, StatementScan


class ProductLinkFilter(SearchFilterSet):
    search_fields = ("system__name", "product", "cycle")
    system = filters.ModelChoiceFilter(
        queryset=_org_queryset(System), label=_("System"), empty_label=ANY
    )

    class Meta:
        model = ProductLink
        fields = ["q", "system", "product", "pin_end_of_support"]


class StatementScanFilter(SearchFilterSet):
    search_fields = ("kind",)

    class Meta:
        model = StatementScan
        fields = ["q", "kind"]


class RecurringPaymentFilter(SearchFilterSet):
    search_fields = ("payee", "vendor_name", "product")
    scan = filters.ModelChoiceFilter(
        queryset=_org_queryset(StatementScan), label=_("Scan"), empty_label=ANY
    )

    class Meta:
        model = RecurringPayment
        fields = ["q", "scan", "status", "interval", "product"]
