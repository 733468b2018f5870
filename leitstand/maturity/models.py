"""A dated maturity self-assessment per organisation and its answers per item (the items
themselves live in catalogue/items.yaml)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from leitstand.tenancy.models import TenantModel


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")


class AnswerValue(models.TextChoices):
    YES = "yes", _("yes")
    PARTLY = "partly", _("partly")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("not known")


class AnswerSource(models.TextChoices):
    PREFILLED = "prefilled", _("suggested by Leitstand, not confirmed yet")
    CONFIRMED = "confirmed", _("suggested by Leitstand and confirmed")
    MANUAL = "manual", _("answered by hand")


class MaturityAssessment(TenantModel):
    """One self-assessment on one day; a repeat starts from the answers of the last one."""

    assessed_on = models.DateField(_("date"), default=timezone.localdate)
    assessor = models.CharField(
        _("answered by"),
        max_length=200,
        blank=True,
        help_text=_("Who answered, for example the managing director with an adviser."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.IN_PROGRESS,
    )
    dii_variant = models.CharField(
        _("DII variant"),
        max_length=10,
        help_text=_(
            "The Eurostat item list the DII count follows; counts of other lists are not compared."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("maturity assessment")
        verbose_name_plural = _("maturity assessments")
        indexes = [models.Index(fields=["organisation", "status", "assessed_on"])]

    def __str__(self) -> str:
        return str(_("Maturity assessment of %(date)s") % {"date": date_format(self.assessed_on)})

    @property
    def completed(self) -> bool:
        return self.status == AssessmentStatus.COMPLETED

    def get_absolute_url(self) -> str:
        return reverse("maturity:result", kwargs={"org": self.organisation.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.assessed_on and self.assessed_on > timezone.localdate():
            raise ValidationError(
                {"assessed_on": _("An assessment cannot be dated in the future.")}
            )


class MaturityAnswer(TenantModel):
    """The answer to one item, where it came from, and what Leitstand suggested and why."""

    assessment = models.ForeignKey(
        MaturityAssessment,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("maturity assessment"),
    )
    item = models.CharField(_("item"), max_length=40)
    value = models.CharField(
        _("answer"), max_length=10, choices=AnswerValue.choices, default=AnswerValue.UNKNOWN
    )
    source = models.CharField(
        _("source"), max_length=10, choices=AnswerSource.choices, default=AnswerSource.MANUAL
    )
    suggested = models.CharField(
        _("suggested answer"),
        max_length=10,
        choices=AnswerValue.choices,
        blank=True,
        help_text=_(
            "What Leitstand proposed from the data it holds; empty when it proposed nothing."
        ),
    )
    evidence = models.JSONField(
        _("evidence"),
        default=list,
        blank=True,
        help_text=_("The facts the suggestion rests on, as recorded when it was made."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["assessment", "item"]
        verbose_name = _("maturity answer")
        verbose_name_plural = _("maturity answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "item"],
                name="maturity_one_answer_per_item",
                violation_error_message=_("This item is already answered in this assessment."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_value_display()}"

    def clean(self) -> None:
        assessment = self.assessment if self.assessment_id else None
        if assessment is not None and assessment.organisation_id != self.organisation_id:
            raise ValidationError({"assessment": _("Choose an assessment of this organisation.")})
        if self.source != AnswerSource.MANUAL and not self.suggested:
            raise ValidationError({"source": _("Only a suggested answer can be confirmed.")})
