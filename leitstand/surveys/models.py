"""Anonymous employee surveys about a process: a link with an unguessable token, 3 to 6
questions on a 1-5 scale and one free-text question. Answers keep no name, no address and
only the day they were given; members see them only as aggregates."""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from leitstand.kpis.models import Kpi, Measurement
from leitstand.processes.fields import same_organisation
from leitstand.processes.models import Process
from leitstand.tenancy.models import TenantModel

#: Default questions, by key; a question keeping its default text is shown in the reader's
#: language (the text of a changed question is shown as written).
DEFAULT_QUESTIONS = {
    "smooth": gettext_noop("The process runs smoothly in my daily work."),
    "no_retyping": gettext_noop("I rarely have to type or copy the same data twice."),
    "few_errors": gettext_noop("Mistakes are rare and quick to fix."),
    "tools_help": gettext_noop("The tools I use for it help me rather than slow me down."),
}
DEFAULT_FREE_TEXT = gettext_noop("What would make this process easier for you?")

#: The acceptance survey of an option of an initiative (roadmap): the same questions for
#: every option, so that the team's answers compare side by side.
ACCEPTANCE_QUESTIONS = {
    "easier_work": gettext_noop("This solution makes my daily work easier."),
    "easy_to_learn": gettext_noop("It was easy to learn."),
    "reliable": gettext_noop("I trust its results without checking them again."),
    "keep_using": gettext_noop("I would like to keep working with it."),
}
ACCEPTANCE_FREE_TEXT = gettext_noop("What should change before everyone uses it?")


def is_default(text: str, default: str) -> bool:
    """Whether `text` is the default, in English or in the reader's language."""
    return text.strip() in (default, gettext(default))


def default_key(text: str) -> str:
    """The key of a default question whose text was kept (in either language), else ''."""
    return next((key for key, text_ in DEFAULT_QUESTIONS.items() if is_default(text, text_)), "")


MIN_QUESTIONS = 3
MAX_QUESTIONS = 6
LOWEST, HIGHEST = 1, 5


def new_token() -> str:
    """192 random bits: the link cannot be guessed."""
    return secrets.token_urlsafe(24)


class SurveyPhase(models.TextChoices):
    BEFORE = "before", _("before the change")
    AFTER = "after", _("after the change")
    OTHER = "other", _("other")


class SurveyPurpose(models.TextChoices):
    PROCESS = "process", _("how a process is going")
    ACCEPTANCE = "acceptance", _("acceptance of an option in trial")


class Survey(TenantModel):
    process = models.ForeignKey(
        Process,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("process"),
    )
    purpose = models.CharField(
        _("purpose"), max_length=12, choices=SurveyPurpose.choices, default=SurveyPurpose.PROCESS
    )
    title = models.CharField(_("title"), max_length=200)
    phase = models.CharField(
        _("when"), max_length=10, choices=SurveyPhase.choices, default=SurveyPhase.BEFORE
    )
    free_text_question = models.CharField(
        _("free-text question"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty for the default, shown in each reader's language."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    is_open = models.BooleanField(_("open for answers"), default=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    max_answers = models.PositiveIntegerField(
        _("most answers"),
        default=200,
        validators=[MinValueValidator(3), MaxValueValidator(5000)],
        help_text=_("The link stops taking answers after this many."),
    )
    kpi = models.ForeignKey(
        Kpi,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("satisfaction KPI"),
        help_text=_(
            "When the survey is closed, its average goes to this KPI: as its baseline for a "
            "survey before the change (if it has none yet), otherwise as a measurement."
        ),
    )
    measurement = models.OneToOneField(
        Measurement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "surveys:survey_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    def get_public_url(self) -> str:
        return reverse("survey_answer", kwargs={"token": self.token})

    @property
    def free_text_label(self) -> str:
        if self.free_text_question:
            return self.free_text_question
        if self.purpose == SurveyPurpose.ACCEPTANCE:
            return gettext(ACCEPTANCE_FREE_TEXT)
        return gettext(DEFAULT_FREE_TEXT)

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "process": _("Choose a process of this organisation."),
                "kpi": _("Choose a KPI of this organisation."),
            },
        )


class SurveyQuestion(TenantModel):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    key = models.CharField(max_length=30, blank=True)
    text = models.CharField(_("question"), max_length=300, blank=True)

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        default = DEFAULT_QUESTIONS.get(self.key) or ACCEPTANCE_QUESTIONS.get(self.key)
        return self.text or (gettext(default) if default else "")


class SurveyResponse(TenantModel):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(_("answered on"))
    free_text = models.TextField(_("free text"), blank=True, max_length=2000)

    class Meta:
        ordering = ["survey", "pk"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class SurveyAnswer(TenantModel):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(LOWEST), MaxValueValidator(HIGHEST)]
    )

    class Meta:
        ordering = ["response", "question", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=LOWEST, score__lte=HIGHEST), name="survey_score_1_to_5"
            ),
            models.UniqueConstraint(
                fields=["response", "question"], name="survey_one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.score}"
