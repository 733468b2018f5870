"""The products app's sheets in the xlsx/csv export (registered in apps.py): which systems are
linked to which catalogue product and release, and the recurring payments found in
statements."""

from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field, related
from leitstand.products.catalogue import load_catalogue
from leitstand.products.models import ProductLink, RecurringPayment


def _product_name(link: ProductLink) -> str:
    product = load_catalogue().get(link.product)
    return product.name if product else link.product


def _catalogue_end(link: ProductLink):
    product = load_catalogue().get(link.product)
    cycle = product.cycle(link.cycle) if product and link.cycle else None
    return cycle.end_of_security_support if cycle else None


def _per_year(payment: RecurringPayment) -> str:
    return ", ".join(f"{year}: {total}" for year, total in sorted(payment.per_year.items()))


PRODUCTS_SHEETS = (
    ExportSheet(
        "catalogue_links",
        _("Catalogue links"),
        lambda org: (
            ProductLink.objects.for_org(org).select_related("system").order_by("system__name")
        ),
        (
            Column(_("System"), related("system")),
            field("product", _("Catalogue product (key)")),
            Column(_("Catalogue product"), _product_name),
            field("cycle", _("Release cycle")),
            Column(_("End of support in the catalogue"), _catalogue_end),
            Column(_("End of support on the system"), lambda link: link.system.end_of_support),
            field("pin_end_of_support", _("Own date kept")),
            field("catalogue_as_of", _("Catalogue data as of")),
        ),
    ),
    ExportSheet(
        "recurring_payments",
        _("Recurring payments"),
        lambda org: (
            RecurringPayment.objects.for_org(org)
            .select_related("scan", "system")
            .order_by("-scan__created_at", "-annual_cost")
        ),
        (
            Column(_("Statement read on"), lambda payment: payment.scan.created_at.date()),
            field("payee", _("Payee on the statement")),
            field("product", _("Catalogue product (key)")),
            field("vendor_name", _("Vendor")),
            field("interval", _("Interval")),
            field("payment_count", _("Payments")),
            field("first_paid", _("First payment")),
            field("last_paid", _("Last payment")),
            field("annual_cost", _("Cost per year (EUR)")),
            Column(_("Paid per year"), _per_year),
            Column(_("System in the inventory"), related("system")),
            field("status", _("Status")),
        ),
    ),
)
