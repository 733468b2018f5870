"""What keeps a system running or brings it back: backups, restore tests, two-factor login,
updates and the emergency plan (DOMAIN.md, "Resilience: per system").

One row per system at most; every field may stay empty, which means "not known" and shows up
as a data gap rather than as "fine".
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.resilience import backup_yardstick as facts
from leitstand.inventory.models import Person, System
from leitstand.tenancy.models import TenantModel

MAX_COPIES = 20


class TwoFactor(models.TextChoices):
    NONE = facts.TWO_FACTOR_NONE, _("none")
    OFFERED = facts.TWO_FACTOR_OFFERED, _("offered, not enforced")
    ENFORCED = facts.TWO_FACTOR_ENFORCED, _("enforced for everyone")


class UpdatesBehind(models.TextChoices):
    CURRENT = facts.UPDATES_CURRENT, _("current")
    WEEKS = facts.UPDATES_WEEKS, _("weeks behind")
    MONTHS = facts.UPDATES_MONTHS, _("months behind")
    YEARS = facts.UPDATES_YEARS, _("years behind")


def _yes_no(label, help_text=""):
    return models.BooleanField(label, null=True, blank=True, help_text=help_text)


class SystemResilience(TenantModel):
    system = models.OneToOneField(
        System, on_delete=models.CASCADE, related_name="resilience", verbose_name=_("system")
    )
    backup_exists = _yes_no(_("backup exists"))
    backup_interval_hours = models.PositiveIntegerField(
        _("backup every ... hours"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How often a backup is made: 24 means daily, 168 weekly."),
    )
    backup_copies = models.PositiveSmallIntegerField(
        _("copies of the data"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_COPIES)],
        help_text=_("All copies including the live data: 3 or more is the yardstick."),
    )
    backup_media = models.PositiveSmallIntegerField(
        _("different storage media"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_COPIES)],
        help_text=_("E.g. server disk, tape, cloud storage: 2 or more is the yardstick."),
    )
    backup_offsite = _yes_no(
        _("one copy off site"), _("At least one copy in another building or data centre.")
    )
    backup_offline = _yes_no(
        _("one copy offline or immutable"),
        _("At least one copy that ransomware cannot reach: disconnected or write-protected."),
    )
    backup_responsible = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="backup_responsibilities",
        verbose_name=_("responsible for the backup"),
    )
    restore_tested_on = models.DateField(
        _("last restore test"),
        null=True,
        blank=True,
        help_text=_("The day data was last restored from the backup as a test."),
    )
    restore_test_ok = _yes_no(_("restore test succeeded"), _("Without errors, data complete."))
    restore_duration_hours = models.DecimalField(
        _("restore took (hours)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    two_factor = models.CharField(
        _("two-factor login"), max_length=10, choices=TwoFactor.choices, blank=True
    )
    internet_facing = _yes_no(
        _("reachable from the internet"), _("Its login page can be opened from outside.")
    )
    updates_by = models.CharField(
        _("updates installed by"),
        max_length=200,
        blank=True,
        help_text=_("A person, a service provider or 'automatic'."),
    )
    updates_behind = models.CharField(
        _("update status"), max_length=10, choices=UpdatesBehind.choices, blank=True
    )
    emergency_plan = _yes_no(
        _("emergency plan exists"), _("Written steps for when the system fails.")
    )
    emergency_plan_tested_on = models.DateField(
        _("emergency plan last tested"), null=True, blank=True
    )
    hardware_since = models.DateField(
        _("hardware in service since"),
        null=True,
        blank=True,
        help_text=_(
            "When the server or device it runs on was bought; the advice reads the age of the "
            "hardware only from here, not from when the software was introduced."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("resilience facts")
        verbose_name_plural = _("resilience facts")
        constraints = [
            models.CheckConstraint(
                condition=Q(restore_duration_hours__gte=0) | Q(restore_duration_hours__isnull=True),
                name="resilience_restore_duration_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return str(self.system)

    def get_absolute_url(self) -> str:
        return reverse(
            "inventory:system_detail",
            kwargs={"org": self.organisation.slug, "pk": self.system_id},
        )

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.restore_tested_on and self.restore_tested_on > today:
            errors["restore_tested_on"] = _("A restore test cannot lie in the future.")
        if self.emergency_plan_tested_on and self.emergency_plan_tested_on > today:
            errors["emergency_plan_tested_on"] = _("A test cannot lie in the future.")
        if (
            self.backup_copies is not None
            and self.backup_media is not None
            and self.backup_media > self.backup_copies
        ):
            errors["backup_media"] = _("There cannot be more storage media than copies.")
        if self.backup_exists is False and (self.backup_copies or 0) > 1:
            errors["backup_exists"] = _(
                "You gave several copies of the data, so a backup exists: answer 'yes' or "
                "correct the copies."
            )
        if self.system_id and self.system.organisation_id != self.organisation_id:
            errors["system"] = _("Choose a system of this organisation.")
        if self.backup_responsible_id and self.backup_responsible.organisation_id != (
            self.organisation_id
        ):
            errors["backup_responsible"] = _("Choose a person of this organisation.")
        if errors:
            raise ValidationError(errors)
