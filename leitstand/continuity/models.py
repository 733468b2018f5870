"""Business impact of a process (BSI 200-4): the damage table giving the maximum tolerable
downtime, the recovery time and data loss the business accepts, and the inputs of the
outage-cost formula the process itself does not have."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.continuity.impact import (
    DAMAGE_FIELDS,
    DEFAULT_OPERATING_HOURS_PER_DAY,
    Damage,
    mtpd_hours,
)
from leitstand.processes.fields import NON_NEGATIVE, PERCENT, money_field, same_organisation
from leitstand.processes.models import Process
from leitstand.tenancy.models import TenantModel

DAY_HOURS = [MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("24"))]


class DamageLevel(models.TextChoices):
    LOW = Damage.LOW, _("low")
    NORMAL = Damage.NORMAL, _("normal")
    HIGH = Damage.HIGH, _("high")
    VERY_HIGH = Damage.VERY_HIGH, _("very high")


def _damage(label):
    return models.CharField(label, max_length=10, choices=DamageLevel.choices, blank=True)


def _hours(label, help_text):
    return models.DecimalField(
        label,
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=help_text,
    )


def mtpd_label(hours: int | None) -> str:
    """'4 hours', '1 day', ... or 'longer than a week'."""
    labels = {
        1: _("1 hour"),
        4: _("4 hours"),
        24: _("1 day"),
        72: _("3 days"),
        168: _("1 week"),
    }
    return str(labels[hours]) if hours is not None else str(_("longer than a week"))


class BusinessImpact(TenantModel):
    """One per process: what its outage does and what the business can bear."""

    process = models.OneToOneField(
        Process,
        on_delete=models.CASCADE,
        related_name="business_impact",
        verbose_name=_("process"),
    )
    # The damage table, one cell per category and point in time (impact_model.DAMAGE_FIELDS).
    damage_money_1h = _damage(_("money after 1 hour"))
    damage_money_4h = _damage(_("money after 4 hours"))
    damage_money_24h = _damage(_("money after 1 day"))
    damage_money_72h = _damage(_("money after 3 days"))
    damage_money_168h = _damage(_("money after 1 week"))
    damage_contracts_1h = _damage(_("contracts and law after 1 hour"))
    damage_contracts_4h = _damage(_("contracts and law after 4 hours"))
    damage_contracts_24h = _damage(_("contracts and law after 1 day"))
    damage_contracts_72h = _damage(_("contracts and law after 3 days"))
    damage_contracts_168h = _damage(_("contracts and law after 1 week"))
    damage_reputation_1h = _damage(_("customers and reputation after 1 hour"))
    damage_reputation_4h = _damage(_("customers and reputation after 4 hours"))
    damage_reputation_24h = _damage(_("customers and reputation after 1 day"))
    damage_reputation_72h = _damage(_("customers and reputation after 3 days"))
    damage_reputation_168h = _damage(_("customers and reputation after 1 week"))
    rto_hours = _hours(
        _("recovery time objective, RTO (hours)"),
        _(
            "Within how many hours must the process run again? Shorter than the maximum "
            "tolerable downtime, to leave room for surprises."
        ),
    )
    rpo_hours = _hours(
        _("maximum tolerable data loss, RPO (hours)"),
        _(
            "How many hours of work may be lost and typed again? A daily backup means up to "
            "24 hours."
        ),
    )
    margin_percent = models.DecimalField(
        _("margin (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
        help_text=_(
            "The share of the revenue that is lost for good in an outage, 0 to 100: usually "
            "the gross margin. Without it, the revenue is not counted in the outage cost."
        ),
    )
    people_idle = models.PositiveIntegerField(
        _("people left idle"),
        null=True,
        blank=True,
        help_text=_("How many people cannot work while the process stands still."),
    )
    penalty_per_hour = money_field(
        _("contractual penalties per hour (EUR)"),
        _("Optional: penalties or lost bonuses per hour of outage agreed in contracts."),
        null=True,
    )
    operating_hours_per_day = models.DecimalField(
        _("operating hours per working day"),
        max_digits=4,
        decimal_places=2,
        default=DEFAULT_OPERATING_HOURS_PER_DAY,
        validators=DAY_HOURS,
        help_text=_(
            "The hours a day the process carries its revenue. Revenue per hour = revenue per "
            "year / (working days per year x these hours)."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["process__name"]
        verbose_name = _("business impact")
        verbose_name_plural = _("business impacts")
        constraints = [
            models.CheckConstraint(
                condition=Q(rto_hours__gte=0) | Q(rto_hours__isnull=True),
                name="business_impact_rto_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(rpo_hours__gte=0) | Q(rpo_hours__isnull=True),
                name="business_impact_rpo_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(margin_percent__gte=0, margin_percent__lte=100)
                | Q(margin_percent__isnull=True),
                name="business_impact_margin_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(penalty_per_hour__gte=0) | Q(penalty_per_hour__isnull=True),
                name="business_impact_penalty_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(operating_hours_per_day__gt=0, operating_hours_per_day__lte=24),
                name="business_impact_operating_hours_in_a_day",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Business impact of %(process)s")) % {"process": self.process}

    def get_absolute_url(self) -> str:
        return self.process.get_absolute_url() + "#business-impact"

    @property
    def damage(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in DAMAGE_FIELDS}

    @property
    def mtpd_hours(self) -> int | None:
        return mtpd_hours(self.damage)

    @property
    def mtpd_label(self) -> str:
        return mtpd_label(self.mtpd_hours)

    def clean(self) -> None:
        same_organisation(self, {"process": _("Choose a process of this organisation.")})
        mtpd = self.mtpd_hours
        if self.rto_hours is not None and mtpd is not None and self.rto_hours > mtpd:
            raise ValidationError(
                {
                    "rto_hours": _(
                        "The RTO of %(rto)s hours is longer than the maximum tolerable downtime "
                        "of %(mtpd)s: the process must run again before the damage becomes high."
                    )
                    % {"rto": f"{self.rto_hours.normalize():f}", "mtpd": mtpd_label(mtpd)}
                }
            )
