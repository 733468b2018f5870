"""The company check: a dated interview per organisation and its answers per requirement part
and status question (the questions themselves live in catalogue.toml)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from leitstand.tenancy.models import TenantModel


class CheckStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")


class AnswerValue(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("not known")


class SecurityCheck(TenantModel):
    """One company check on one day; repeated checks are compared with the one before."""

    checked_on = models.DateField(_("date"), default=timezone.localdate)
    interviewer = models.CharField(
        _("interviewer"),
        max_length=200,
        blank=True,
        help_text=_("Who led the interview, for example an external adviser."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CheckStatus.choices, default=CheckStatus.IN_PROGRESS
    )
    current_area = models.CharField(
        _("area reached"),
        max_length=40,
        blank=True,
        help_text=_("Where the interview was left; it reopens there."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-checked_on", "-pk"]
        verbose_name = _("company check")
        verbose_name_plural = _("company checks")
        indexes = [models.Index(fields=["organisation", "status", "checked_on"])]

    def __str__(self) -> str:
        return str(_("Company check of %(date)s") % {"date": date_format(self.checked_on)})

    @property
    def completed(self) -> bool:
        return self.status == CheckStatus.COMPLETED

    def get_absolute_url(self) -> str:
        return reverse(
            "security_check:result", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    def clean(self) -> None:
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": _("A check cannot be dated in the future.")})


class Answer(TenantModel):
    """One answer: a part of a requirement ("11", "a"), its status question ("07", "status")
    or a status sub-question ("25", "guests")."""

    security_check = models.ForeignKey(
        SecurityCheck,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("company check"),
    )
    requirement = models.CharField(_("requirement"), max_length=2)
    item = models.CharField(_("question"), max_length=20)
    value = models.CharField(
        _("answer"), max_length=10, choices=AnswerValue.choices, default=AnswerValue.UNKNOWN
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["requirement", "item"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["security_check", "requirement", "item"],
                name="security_check_one_answer_per_item",
                violation_error_message=_("This question is already answered in this check."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.requirement}.{self.item}: {self.get_value_display()}"

    def clean(self) -> None:
        check = self.security_check if self.security_check_id else None
        if check is not None and check.organisation_id != self.organisation_id:
            raise ValidationError({"security_check": _("Choose a check of this organisation.")})
