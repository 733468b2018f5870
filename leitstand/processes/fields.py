"""Choices, number fields and the organisation check the process, KPI and survey models share."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import vocabulary
from leitstand.analysis.processes.model import Needed
from leitstand.tenancy.models import TenantModel

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class ProcessFrequency(models.TextChoices):
    DAY = vocabulary.Frequency.DAY, _("per working day")
    WEEK = vocabulary.Frequency.WEEK, _("per week")
    MONTH = vocabulary.Frequency.MONTH, _("per month")
    YEAR = vocabulary.Frequency.YEAR, _("per year")


class StepNeeded(models.TextChoices):
    YES = Needed.YES, _("yes, it adds value")
    NO = Needed.NO, _("no, nobody needs it")
    UNCLEAR = Needed.UNCLEAR, _("unclear")


def money_field(label, help_text="", null=False):
    return models.DecimalField(
        label,
        max_digits=12,
        decimal_places=2,
        null=null,
        blank=null,
        default=None if null else Decimal("0"),
        validators=NON_NEGATIVE,
        help_text=help_text,
    )


def same_organisation(obj: TenantModel, fields: dict[str, str]) -> None:
    """Raise if a related row (field name -> message) belongs to another organisation."""
    errors = {}
    for name, message in fields.items():
        related = getattr(obj, name) if getattr(obj, f"{name}_id", None) else None
        if related is not None and related.organisation_id != obj.organisation_id:
            errors[name] = message
    if errors:
        raise ValidationError(errors)
