"""Data flows between systems (integrations) and the data objects they carry."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import vocabulary
from leitstand.core.models import BilingualName
from leitstand.inventory.models import System
from leitstand.tenancy.models import TenantModel

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


def integration_rule_errors(source, target) -> dict:
    """The rules across an integration's fields, whoever writes it: `Integration.clean()`
    gives the systems as ids, the import as names in lower case."""
    if source and source == target:
        message = _("Data cannot flow from a system to itself: choose two different systems.")
        return {"target": message}
    return {}


class DataObject(TenantModel, BilingualName):
    """Something the company keeps records of (customers, orders, ...), named in both languages."""

    description = models.TextField(_("description"), blank=True)
    master_systems = models.ManyToManyField(
        System,
        blank=True,
        related_name="mastered_data_objects",
        verbose_name=_("master systems"),
        help_text=_(
            "The system of record: where this data is created and kept correct. "
            "Mark every system that is treated as the master today, even if that is more "
            "than one: finding that is the point."
        ),
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("data object")
        verbose_name_plural = _("data objects")
        constraints = [
            models.UniqueConstraint(
                "organisation",
                "key",
                condition=~models.Q(key=""),
                name="data_object_unique_key_per_org",
            ),
            models.CheckConstraint(
                condition=~(models.Q(name_en="") & models.Q(name_de="")),
                name="data_object_has_a_name",
                violation_error_message=_("Give the data object a name."),
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse(
            "flows:data_object_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )


class Method(models.TextChoices):
    API = vocabulary.Method.API, _("API (automatic interface)")
    EVENT = vocabulary.Method.EVENT, _("event or webhook (automatic, as it happens)")
    SHARED_DATABASE = vocabulary.Method.SHARED_DATABASE, _("shared database")
    FILE = vocabulary.Method.FILE, _("file export and import")
    MANUAL = vocabulary.Method.MANUAL, _("re-typed by hand")
    SPREADSHEET = vocabulary.Method.SPREADSHEET, _("copy and paste via a spreadsheet")
    EMAIL = vocabulary.Method.EMAIL, _("by e-mail")
    PAPER = vocabulary.Method.PAPER, _("on paper")


class MethodCategory(models.TextChoices):
    AUTOMATED = vocabulary.MethodCategory.AUTOMATED, _("automated")
    FILE = vocabulary.MethodCategory.FILE, _("file")
    MANUAL = vocabulary.MethodCategory.MANUAL, _("manual")


class Frequency(models.TextChoices):
    DAY = vocabulary.Frequency.DAY, _("per working day")
    WEEK = vocabulary.Frequency.WEEK, _("per week")
    MONTH = vocabulary.Frequency.MONTH, _("per month")
    YEAR = vocabulary.Frequency.YEAR, _("per year")
    EVENT = vocabulary.Frequency.EVENT, _("per event (expected number per year)")


class FlowStatus(models.TextChoices):
    ACTIVE = vocabulary.FlowStatus.ACTIVE, _("active")
    PLANNED = vocabulary.FlowStatus.PLANNED, _("planned")
    RETIRED = vocabulary.FlowStatus.RETIRED, _("retired")


def _optional_decimal(label, help_text, digits: int = 9, validators=NON_NEGATIVE):
    return models.DecimalField(
        label,
        max_digits=digits,
        decimal_places=2,
        null=True,
        blank=True,
        validators=validators,
        help_text=help_text,
    )


class Integration(TenantModel):
    """Data going from one system to another (Schnittstelle), by machine or by hand."""

    source = models.ForeignKey(
        System,
        on_delete=models.CASCADE,
        related_name="outgoing_integrations",
        verbose_name=_("from system"),
        help_text=_("Where the data comes from."),
    )
    target = models.ForeignKey(
        System,
        on_delete=models.CASCADE,
        related_name="incoming_integrations",
        verbose_name=_("to system"),
        help_text=_("Where the data goes: this system depends on the first one."),
    )
    data_objects = models.ManyToManyField(
        DataObject, blank=True, related_name="integrations", verbose_name=_("data carried")
    )
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAY
    )
    runs_per_period = _optional_decimal(
        _("how many times"),
        _(
            "How often data goes across per day, week, month or year. For “per event”, "
            "the expected number of events per year. Leave empty if unknown."
        ),
    )
    minutes_per_run = _optional_decimal(
        _("minutes of manual work per run"),
        _(
            "Time a person spends each time: typing, copying, exporting, importing, checking. "
            "Automated flows: leave empty or 0."
        ),
    )
    error_rate_percent = _optional_decimal(
        _("error rate (%)"),
        _("Share of runs with a mistake to fix, 0 to 100. Typing by hand: typically 1 to 4 %."),
        digits=5,
        validators=PERCENT,
    )
    minutes_to_fix_error = _optional_decimal(
        _("minutes to fix one error"), _("Finding and correcting one mistake, on average.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=FlowStatus.choices, default=FlowStatus.ACTIVE
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = [Lower("source__name"), Lower("target__name"), "pk"]
        verbose_name = _("integration")
        verbose_name_plural = _("integrations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="integration_not_a_self_loop",
                violation_error_message=_("A data flow needs two different systems."),
            ),
            models.CheckConstraint(
                condition=models.Q(error_rate_percent__isnull=True)
                | models.Q(error_rate_percent__gte=0, error_rate_percent__lte=100),
                name="integration_error_rate_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=models.Q(minutes_per_run__isnull=True) | models.Q(minutes_per_run__gte=0),
                name="integration_minutes_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(minutes_to_fix_error__isnull=True)
                | models.Q(minutes_to_fix_error__gte=0),
                name="integration_fix_minutes_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(runs_per_period__isnull=True) | models.Q(runs_per_period__gte=0),
                name="integration_runs_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def get_absolute_url(self) -> str:
        return reverse(
            "flows:integration_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    @property
    def category(self) -> str:
        """Automated, file or manual: it follows from the method."""
        return vocabulary.method_category(self.method).value

    @property
    def is_automated(self) -> bool:
        return vocabulary.is_automated(self.method)

    def clean(self) -> None:
        errors = {}
        for field in ("source", "target"):
            system = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if system is not None and system.organisation_id != self.organisation_id:
                errors[field] = _("Choose a system of this organisation.")
        errors.update(integration_rule_errors(self.source_id, self.target_id))
        if errors:
            raise ValidationError(errors)
