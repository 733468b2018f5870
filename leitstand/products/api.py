"""REST API of the products app (registered in api/urls.py): links of systems to the catalogue,
statement scans and the recurring payments they kept."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from leitstand.api.serializers import OrgModelSerializer
from leitstand.api.viewsets import OrgModelViewSet
from leitstand.products import services
from leitstand.products.catalogue import load_catalogue
from leitstand.products.filters import (
    ProductLinkFilter,
    RecurringPaymentFilter,
    StatementScanFilter,
)
from leitstand.products.models import ProductLink, RecurringPayment, StatementScan


class ProductLinkSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = ProductLink
        fields = [
            "id",
            "system",
            "product",
            "cycle",
            "pin_end_of_support",
            "catalogue_as_of",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["catalogue_as_of", "created_at", "updated_at"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        product_id = attrs.get("product", getattr(self.instance, "product", ""))
        product = load_catalogue().get(product_id)
        if product is None:
            raise serializers.ValidationError({"product": _("Not a product of the catalogue.")})
        cycle = attrs.get("cycle", getattr(self.instance, "cycle", ""))
        if cycle and product.cycle(cycle) is None:
            raise serializers.ValidationError(
                {
                    "cycle": _("%(product)s has no release %(cycle)s.")
                    % {"product": product.name, "cycle": cycle}
                }
            )
        return attrs


class ProductLinkViewSet(OrgModelViewSet):
    model = ProductLink
    serializer_class = ProductLinkSerializer
    filterset_class = ProductLinkFilter
    save_service = staticmethod(services.save_product_link)
    delete_service = staticmethod(services.delete_product_link)
    bulk_create_service = staticmethod(services.create_product_links)


class StatementScanSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = StatementScan
        fields = ["id", "kind", "rows_read", "period_start", "period_end", "created_at"]
        read_only_fields = fields


class StatementScanViewSet(OrgModelViewSet):
    """Scans are made by uploading a statement on the page; here they are read or deleted."""

    model = StatementScan
    serializer_class = StatementScanSerializer
    filterset_class = StatementScanFilter
    http_method_names = ["get", "delete", "head", "options"]
    delete_service = staticmethod(services.delete_statement_scan)


class RecurringPaymentSerializer(OrgModelSerializer):
    unique_name_field = None

    class Meta:
        model = RecurringPayment
        fields = [
            "id",
            "scan",
            "payee",
            "product",
            "vendor_name",
            "interval",
            "payment_count",
            "first_paid",
            "last_paid",
            "annual_cost",
            "per_year",
            "payments",
            "system",
            "status",
        ]
        read_only_fields = [name for name in fields if name not in ("status", "system")]


class RecurringPaymentViewSet(OrgModelViewSet):
    model = RecurringPayment
    serializer_class = RecurringPaymentSerializer
    filterset_class = RecurringPaymentFilter
    http_method_names = ["get", "patch", "delete", "head", "options"]
    save_service = staticmethod(services.save_recurring_payment)
    delete_service = staticmethod(services.delete_recurring_payment)


class StatementScanDocumentSerializer(StatementScanSerializer):
    """The complete JSON export writes and reads every field (the API only reads them)."""

    class Meta(StatementScanSerializer.Meta):
        read_only_fields = ["id", "created_at"]


class RecurringPaymentDocumentSerializer(RecurringPaymentSerializer):
    class Meta(RecurringPaymentSerializer.Meta):
        read_only_fields = ["id"]
