"""Assessments of systems on three axes (DOMAIN.md, Scales) and overrides of the recommendation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from leitstand.analysis import modernisation
from leitstand.assessment.questions import question_by_key
from leitstand.inventory.models import System
from leitstand.tenancy.models import TenantModel

SCALE = [MinValueValidator(1), MaxValueValidator(4)]


class Criticality(models.IntegerChoices):
    SUPPORTING = 1, _("1 · supporting: inconvenient if it is gone")
    OPERATIONAL = 2, _("2 · operational: a team is slowed down")
    BUSINESS_CRITICAL = 3, _("3 · business critical: revenue or customers are affected")
    MISSION_CRITICAL = 4, _("4 · mission critical: the company stops")


class Health(models.IntegerChoices):
    POOR = 1, _("1 · poor: past support, unpatched, undocumented or failing")
    WEAK = 2, _("2 · weak")
    ADEQUATE = 3, _("3 · adequate")
    GOOD = 4, _("4 · good: supported, patched, documented, more than one person can run it")


class Integration(models.IntegerChoices):
    NONE = 1, _("1 · none: data only by hand")
    FILE = 2, _("2 · file export and import")
    API = 3, _("3 · documented API")
    EVENTS = 4, _("4 · modern API with events or webhooks")


class ScoreMethod(models.TextChoices):
    GUIDED = "guided", _("by answering questions")
    DIRECT = "direct", _("set directly")


class StrategyChoice(models.TextChoices):
    RETAIN = modernisation.Strategy.RETAIN, _("retain")
    WRAP = modernisation.Strategy.WRAP, _("wrap with an API layer")
    REPLATFORM = modernisation.Strategy.REPLATFORM, _("re-platform")
    REFACTOR = modernisation.Strategy.REFACTOR, _("refactor piece by piece")
    REPLACE = modernisation.Strategy.REPLACE, _("replace")
    RETIRE = modernisation.Strategy.RETIRE, _("retire / consolidate")


AXIS_CHOICES = {"criticality": Criticality, "health": Health, "integration": Integration}


def _scale_check(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 4}),
        name=f"assessment_{field}_1_to_4",
        violation_error_message=_("Scores go from 1 to 4."),
    )


def _same_organisation(row: TenantModel) -> None:
    if row.system_id and row.system.organisation_id != row.organisation_id:
        raise ValidationError({"system": _("Choose a system of this organisation.")})


class Assessment(TenantModel):
    """One dated assessment of a system; the latest counts, earlier ones are its history."""

    system = models.ForeignKey(
        System, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("system")
    )
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)
    criticality = models.PositiveSmallIntegerField(
        _("business criticality"), choices=Criticality.choices, validators=SCALE
    )
    criticality_method = models.CharField(
        _("criticality set"), max_length=10, choices=ScoreMethod.choices, default=ScoreMethod.DIRECT
    )
    health = models.PositiveSmallIntegerField(
        _("technical health"), choices=Health.choices, validators=SCALE
    )
    health_method = models.CharField(
        _("health set"), max_length=10, choices=ScoreMethod.choices, default=ScoreMethod.DIRECT
    )
    integration = models.PositiveSmallIntegerField(
        _("integration capability"), choices=Integration.choices, validators=SCALE
    )
    integration_method = models.CharField(
        _("integration set"), max_length=10, choices=ScoreMethod.choices, default=ScoreMethod.DIRECT
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    notes = models.TextField(_("reasons and remarks"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    assessed_by_name = models.CharField(
        _("assessed by (as written)"),
        max_length=254,
        blank=True,
        editable=False,
        help_text=_("Who assessed, when no user of this installation is that person."),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-created_at", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [_scale_check(axis) for axis in AXIS_CHOICES]
        indexes = [models.Index(fields=["organisation", "system", "assessed_on"])]

    def __str__(self) -> str:
        return _("%(system)s, assessed on %(date)s") % {
            "system": self.system,
            "date": date_format(self.assessed_on, "SHORT_DATE_FORMAT"),
        }

    def get_absolute_url(self) -> str:
        return self.system.get_absolute_url()

    @property
    def assessor(self) -> str:
        """Who assessed: the user, or the name kept as written (from an export)."""
        return str(self.assessed_by) if self.assessed_by_id else self.assessed_by_name

    def clean(self) -> None:
        _same_organisation(self)
        errors = {}
        if not isinstance(self.answers, dict) or not _known_answers(self.answers):
            errors["answers"] = _("The answers refer to questions or options that do not exist.")
        if self.assessed_on and self.assessed_on > timezone.localdate():
            errors["assessed_on"] = _("An assessment cannot be dated in the future.")
        system = self.system if self.system_id else None
        ended = system is not None and system.end_of_support and self.assessed_on
        if ended and system.end_of_support < self.assessed_on and (self.health or 0) > 1:
            errors["health"] = _(
                "Vendor support for this system ended on %(date)s, so its technical health "
                "is never above 1 (poor)."
            ) % {"date": date_format(system.end_of_support, "SHORT_DATE_FORMAT")}
        if errors:
            raise ValidationError(errors)


def _known_answers(answers: dict) -> bool:
    questions = question_by_key()
    return all(
        key in questions and questions[key].option(str(option)) is not None
        for key, option in answers.items()
    )


class RecommendationOverride(TenantModel):
    """A person's strategy for a system instead of the computed one; the reason is required."""

    system = models.OneToOneField(
        System,
        on_delete=models.CASCADE,
        related_name="recommendation_override",
        verbose_name=_("system"),
    )
    strategy = models.CharField(_("strategy"), max_length=20, choices=StrategyChoice.choices)
    reason = models.TextField(
        _("reason"),
        help_text=_("Why this strategy instead of the computed one: others will read it."),
    )
    computed_strategy = models.CharField(
        _("computed strategy at the time"),
        max_length=20,
        choices=StrategyChoice.choices,
        blank=True,
        editable=False,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_by_name = models.CharField(
        _("decided by (as written)"),
        max_length=254,
        blank=True,
        editable=False,
        help_text=_("Who decided, when no user of this installation is that person."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["system__name"]
        verbose_name = _("recommendation override")
        verbose_name_plural = _("recommendation overrides")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""),
                name="override_has_a_reason",
                violation_error_message=_("Give a reason for the override."),
            )
        ]

    @property
    def decider(self) -> str:
        """Who decided: the user, or the name kept as written (from an export)."""
        return str(self.decided_by) if self.decided_by_id else self.decided_by_name

    def __str__(self) -> str:
        return _("%(system)s: %(strategy)s") % {
            "system": self.system,
            "strategy": self.get_strategy_display(),
        }

    def get_absolute_url(self) -> str:
        return self.system.get_absolute_url()

    def clean(self) -> None:
        _same_organisation(self)
        if self.reason and not self.reason.strip():  # empty is caught as a blank field
            raise ValidationError({"reason": _("Give a reason for the override.")})
