"""KPIs (Kennzahlen): a baseline before a change, a target, and dated measurements after it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import messages as m
from leitstand.analysis.kpis import Direction
from leitstand.core.formatting import format_eur, format_number
from leitstand.core.wording import format_param
from leitstand.processes.fields import same_organisation
from leitstand.processes.models import Process
from leitstand.tenancy.models import TenantModel


class KpiUnit(models.TextChoices):
    MINUTES_PER_RUN = "minutes_per_run", _("minutes per run")
    ERROR_RATE = "error_rate", _("error rate (%)")
    SHARE_AUTOMATED = "share_automated", _("share automated (%)")
    SATISFACTION = "satisfaction", _("satisfaction (1 to 5)")
    EUR = "eur", _("euros")
    CUSTOM = "custom", _("another unit")


class KpiDirection(models.TextChoices):
    LOWER = Direction.LOWER, _("lower is better")
    HIGHER = Direction.HIGHER, _("higher is better")


#: Allowed values per unit: (lowest, highest); None means no bound.
UNIT_RANGES: dict[str, tuple[Decimal | None, Decimal | None]] = {
    KpiUnit.MINUTES_PER_RUN: (Decimal(0), None),
    KpiUnit.ERROR_RATE: (Decimal(0), Decimal(100)),
    KpiUnit.SHARE_AUTOMATED: (Decimal(0), Decimal(100)),
    KpiUnit.SATISFACTION: (Decimal(1), Decimal(5)),
    KpiUnit.EUR: (Decimal(0), None),
    KpiUnit.CUSTOM: (None, None),
}


def out_of_range(unit: str, value: Decimal | None) -> str | None:
    """A message when `value` cannot be a value of this unit, else None."""
    low, high = UNIT_RANGES.get(unit, (None, None))
    if value is None or ((low is None or value >= low) and (high is None or value <= high)):
        return None
    if high is None:
        return gettext("Must be %(low)s or more.") % {"low": format_number(low)}
    return gettext("Must be between %(low)s and %(high)s.") % {
        "low": format_number(low),
        "high": format_number(high),
    }


def _value_field(label, help_text=""):
    return models.DecimalField(
        label, max_digits=14, decimal_places=2, null=True, blank=True, help_text=help_text
    )


class Kpi(TenantModel):
    process = models.ForeignKey(
        Process,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="kpis",
        verbose_name=_("process"),
        help_text=_("The process whose change this KPI measures."),
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=20, choices=KpiUnit.choices)
    custom_unit = models.CharField(
        _("name of the unit"),
        max_length=40,
        blank=True,
        help_text=_("Only for “another unit”: for example parcels per day."),
    )
    direction = models.CharField(
        _("which way is better"), max_length=10, choices=KpiDirection.choices
    )
    baseline_value = _value_field(_("baseline"), _("The value before the change."))
    baseline_date = models.DateField(_("baseline measured on"), null=True, blank=True)
    baseline_source = models.CharField(
        _("source of the baseline"),
        max_length=200,
        blank=True,
        help_text=_("How it was measured: for example, timed 20 orders in March."),
    )
    target_value = _value_field(_("target"), _("The value the change should reach."))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["process", "name", "pk"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("kpis:kpi_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    @property
    def unit_label(self) -> str:
        return self.custom_unit if self.unit == KpiUnit.CUSTOM else str(self.get_unit_display())

    def format_value(self, value: Decimal | None) -> str:
        """A value with its unit, in the reader's language: '15 min', '3 %', '4.2 of 5'."""
        if value is None:
            return "—"
        if self.unit == KpiUnit.EUR:
            return format_eur(value)
        if self.unit == KpiUnit.MINUTES_PER_RUN:
            return format_param(m.Minutes(value))
        if self.unit in (KpiUnit.ERROR_RATE, KpiUnit.SHARE_AUTOMATED):
            return format_param(m.Percent(value))
        number = format_param(m.Count(value))
        if self.unit == KpiUnit.SATISFACTION:
            return gettext("%(value)s of 5") % {"value": number}
        return f"{number} {self.custom_unit}".strip()

    def format_change(self, value: Decimal) -> str:
        """A difference between two values: percentages change by percentage points."""
        if self.unit in (KpiUnit.ERROR_RATE, KpiUnit.SHARE_AUTOMATED):
            return gettext("%(value)s percentage points") % {"value": format_param(m.Count(value))}
        if self.unit == KpiUnit.SATISFACTION:
            return gettext("%(value)s points") % {"value": format_param(m.Count(value))}
        return self.format_value(value)

    def clean(self) -> None:
        same_organisation(self, {"process": _("Choose a process of this organisation.")})
        errors = {}
        if self.unit == KpiUnit.CUSTOM and not self.custom_unit.strip():
            errors["custom_unit"] = _("Name the unit, for example parcels per day.")
        for field in ("baseline_value", "target_value"):
            message = out_of_range(self.unit, getattr(self, field))
            if message:
                errors[field] = message
        if self.baseline_value is not None and self.baseline_date is None:
            errors["baseline_date"] = _("Say when the baseline was measured.")
        if errors:
            raise ValidationError(errors)


class Measurement(TenantModel):
    kpi = models.ForeignKey(
        Kpi, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("KPI")
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("For example: pilot, weeks 1 to 4; or the survey it comes from."),
    )

    class Meta:
        ordering = ["kpi", "measured_on", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} ({self.measured_on:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return self.kpi.get_absolute_url() + f"#measurement-{self.pk}"

    def clean(self) -> None:
        same_organisation(self, {"kpi": _("Choose a KPI of this organisation.")})
        if self.kpi_id and self.value is not None:
            message = out_of_range(self.kpi.unit, self.value)
            if message:
                raise ValidationError({"value": message})
