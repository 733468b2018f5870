"""What an organisation keeps of the catalogue: confirmed links and statement findings.

The catalogue itself is data in the repository (catalogue/), not rows: a link names a
product and release cycle by their catalogue keys, so a newer catalogue updates the end of
support of every linked system (services.sync_end_of_support). A statement scan keeps only
the recurring software payments it found, never the statement.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.inventory.models import System
from leitstand.tenancy.models import TenantModel


class ProductLink(TenantModel):
    """A system confirmed by a person to be a catalogue product (and release cycle)."""

    system = models.OneToOneField(
        System, on_delete=models.CASCADE, related_name="product_link", verbose_name=_("system")
    )
    product = models.CharField(_("catalogue product"), max_length=80)
    cycle = models.CharField(_("release cycle"), max_length=60, blank=True)
    pin_end_of_support = models.BooleanField(
        _("keep my own end-of-support date"),
        default=False,
        help_text=_(
            "Yes: the date on the system stays as entered. No: it follows the catalogue "
            "and is updated when the catalogue is."
        ),
    )
    catalogue_as_of = models.DateField(
        _("catalogue data as of"),
        null=True,
        blank=True,
        help_text=_("The day the release cycle data applied to this system was taken or checked."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    created_at = models.DateTimeField(_("confirmed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["system__name"]
        verbose_name = _("catalogue link")
        verbose_name_plural = _("catalogue links")
        indexes = [models.Index(fields=["organisation", "product"])]

    def __str__(self) -> str:
        return f"{self.system} = {self.product}" + (f" {self.cycle}" if self.cycle else "")


class StatementKind(models.TextChoices):
    BANK = "bank", _("bank statement")
    CARD = "card", _("credit card statement")
    DATEV = "datev", _("DATEV booking export")


class StatementScan(TenantModel):
    """One uploaded statement, of which only the recurring software payments are kept."""

    kind = models.CharField(_("kind of file"), max_length=10, choices=StatementKind.choices)
    rows_read = models.PositiveIntegerField(_("bookings read"), default=0)
    period_start = models.DateField(_("first booking"), null=True, blank=True)
    period_end = models.DateField(_("last booking"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("statement scan")
        verbose_name_plural = _("statement scans")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start or ''} - {self.period_end or ''}"


class PaymentInterval(models.TextChoices):
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")
    HALF_YEARLY = "half_yearly", _("half-yearly")
    YEARLY = "yearly", _("yearly")


class PaymentStatus(models.TextChoices):
    OPEN = "open", _("to decide")
    ADDED = "added", _("added to the inventory")
    KNOWN = "known", _("already in the inventory")
    DISMISSED = "dismissed", _("not a system")


class RecurringPayment(TenantModel):
    """Regular payments to one software product or vendor, found in a statement."""

    scan = models.ForeignKey(
        StatementScan, on_delete=models.CASCADE, related_name="payments", verbose_name=_("scan")
    )
    payee = models.CharField(_("payee on the statement"), max_length=200)
    product = models.CharField(_("catalogue product"), max_length=80, blank=True)
    vendor_name = models.CharField(_("vendor"), max_length=200)
    interval = models.CharField(_("interval"), max_length=12, choices=PaymentInterval.choices)
    payment_count = models.PositiveSmallIntegerField(_("payments"))
    first_paid = models.DateField(_("first payment"))
    last_paid = models.DateField(_("last payment"))
    annual_cost = models.DecimalField(
        _("cost per year (EUR)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The typical payment times the payments a year at this interval."),
    )
    per_year = models.JSONField(_("paid per calendar year"), default=dict)
    payments = models.JSONField(_("the matched payments"), default=list)
    system = models.ForeignKey(
        System,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("system in the inventory"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.OPEN
    )

    class Meta:
        ordering = ["-annual_cost", "payee"]
        verbose_name = _("recurring payment")
        verbose_name_plural = _("recurring payments")

    def __str__(self) -> str:
        return f"{self.payee} ({self.get_interval_display()})"
