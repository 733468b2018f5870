"""The plan: findings as a working list, initiatives with options, trials, phases, milestones,
dependencies and a change checklist (DOMAIN.md: roadmap, cash vs capacity)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.worklist import Status
from leitstand.inventory.models import Person, System
from leitstand.kpis.models import Kpi
from leitstand.processes.fields import money_field, same_organisation
from leitstand.processes.models import AutomationScenario, Process
from leitstand.surveys.models import Survey
from leitstand.tenancy.models import TenantModel

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def _person(label, help_text=""):
    return models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=label,
        help_text=help_text,
    )


class FindingStatus(models.TextChoices):
    OPEN = Status.OPEN, _("open")
    ACCEPTED = Status.ACCEPTED, _("accepted as a risk")
    PLANNED = Status.PLANNED, _("planned")
    DONE = Status.DONE, _("done")


class FindingState(TenantModel):
    """What people decided about one finding. The finding itself comes from the analysis; its
    identity (`key`: kind and first subject) is stable across analyses."""

    key = models.CharField(max_length=200)
    kind = models.CharField(_("kind"), max_length=60)
    subject_name = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    owner = _person(_("owner"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    reason = models.TextField(
        _("reason for accepting the risk"),
        blank=True,
        max_length=2000,
        help_text=_("Why the risk is accepted for now, for example: no budget until 2027."),
    )
    review_on = models.DateField(
        _("look again on"),
        null=True,
        blank=True,
        help_text=_("When an accepted risk is looked at again."),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("finding status")
        verbose_name_plural = _("finding statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"],
                name="finding_state_one_per_finding",
                violation_error_message=_("This finding already has a status."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject_name or self.key} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse(
            "roadmap:finding_state", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    def clean(self) -> None:
        same_organisation(self, {"owner": _("Choose a person of this organisation.")})
        errors = {}
        if self.status == FindingStatus.ACCEPTED:
            if not self.reason.strip():
                errors["reason"] = _("Say why the risk is accepted.")
            if self.review_on is None:
                errors["review_on"] = _("Say when to look at it again.")
        if errors:
            raise ValidationError(errors)


class InitiativeStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    ASSESSED = "assessed", _("assessed")
    APPROVED = "approved", _("approved")
    IN_PILOT = "in_pilot", _("in pilot")
    ROLLING_OUT = "rolling_out", _("rolling out")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


class Priority(models.IntegerChoices):
    HIGH = 1, _("high")
    MEDIUM = 2, _("medium")
    LOW = 3, _("low")


class Initiative(TenantModel):
    """A measure (Maßnahme) that starts from a business problem in the user's words."""

    choice_label_field = "name"

    name = models.CharField(_("name"), max_length=200)
    problem = models.TextField(
        _("business problem"),
        max_length=4000,
        help_text=_("In your own words: for example, order intake eats 1.5 people's time."),
    )
    owner = _person(_("owner"), _("Who drives it day to day."))
    sponsor = _person(_("sponsor"), _("Who decides and pays: usually the management."))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.IDEA,
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    findings = models.ManyToManyField(
        FindingState,
        blank=True,
        related_name="initiatives",
        verbose_name=_("findings it addresses"),
    )
    systems = models.ManyToManyField(
        System, blank=True, related_name="initiatives", verbose_name=_("systems")
    )
    replaces = models.ManyToManyField(
        System,
        blank=True,
        related_name="replaced_by_initiatives",
        verbose_name=_("systems it replaces or switches off"),
        help_text=_("Their end is planned for when this initiative is rolled out."),
    )
    processes = models.ManyToManyField(
        Process, blank=True, related_name="initiatives", verbose_name=_("processes")
    )
    scenarios = models.ManyToManyField(
        AutomationScenario,
        blank=True,
        related_name="initiatives",
        verbose_name=_("automation scenarios"),
    )
    kpis = models.ManyToManyField(
        Kpi,
        blank=True,
        related_name="initiatives",
        verbose_name=_("KPIs"),
        help_text=_("The KPIs that decide whether the pilot is extended."),
    )
    depends_on = models.ManyToManyField(
        "self",
        through="InitiativeDependency",
        through_fields=("initiative", "requires"),
        symmetrical=False,
        blank=True,
        related_name="dependents",
        verbose_name=_("depends on"),
        help_text=_("Initiatives that must come first."),
    )
    choice_reason = models.TextField(_("why this option"), blank=True, max_length=4000)
    proposal_key = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The analysis proposal it was accepted from, so it is not proposed again.",
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["priority", Lower("name"), "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            models.UniqueConstraint(
                F("organisation"),
                Lower("name"),
                name="initiative_unique_name",
                violation_error_message=_("An initiative with this name already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "roadmap:initiative_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    @property
    def chosen_option(self) -> "InitiativeOption | None":
        """The option the team chose (reads prefetched options when there are some)."""
        return next((option for option in self.options.all() if option.chosen), None)

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "owner": _("Choose a person of this organisation."),
                "sponsor": _("Choose a person of this organisation."),
            },
        )


class InitiativeDependency(TenantModel):
    """`initiative` can only start (or only pays back) once `requires` is done."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="dependencies",
        verbose_name=_("initiative"),
    )
    requires = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="required_by",
        verbose_name=_("depends on"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["initiative", "requires", "pk"]
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "requires"],
                name="dependency_once",
                violation_error_message=_("This dependency is recorded already."),
            ),
            models.CheckConstraint(
                condition=~Q(initiative=F("requires")), name="dependency_not_on_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} → {self.requires}"

    def get_absolute_url(self) -> str:
        return self.initiative.get_absolute_url()

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "initiative": _("Choose an initiative of this organisation."),
                "requires": _("Choose an initiative of this organisation."),
            },
        )
        if self.initiative_id and self.initiative_id == self.requires_id:
            raise ValidationError({"requires": _("An initiative cannot depend on itself.")})


class InitiativeOption(TenantModel):
    """One way to solve the problem, with its costs, its expected effect and its trial."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="options", verbose_name=_("initiative")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    scenario = models.ForeignKey(
        AutomationScenario,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="options",
        verbose_name=_("automation scenario"),
        help_text=_("Its hours freed come from the analysis of the process (one figure)."),
    )
    licences_eur = money_field(_("licences (EUR, once)"))
    implementation_eur = money_field(_("implementation by outsiders (EUR, once)"))
    internal_hours = models.DecimalField(
        _("internal effort (hours, once)"),
        max_digits=10,
        decimal_places=1,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
        help_text=_("Our own people's time; valued at the organisation's labour cost."),
    )
    training_eur = money_field(_("training (EUR, once)"))
    running_cost_eur_per_year = money_field(_("running cost per year (EUR)"))
    cash_saved_eur_per_year = money_field(
        _("cash saved per year (EUR)"),
        _("Licences and running costs that end: money that no longer leaves the account."),
    )
    hours_freed_per_year = models.DecimalField(
        _("hours freed per year"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("Only without an automation scenario: your own estimate of hours freed."),
    )
    outage_hours_avoided_per_year = models.DecimalField(
        _("outage hours avoided per year"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("Where known: the expected outage hours a year this option avoids."),
    )
    trial_start_on = models.DateField(_("trial from"), null=True, blank=True)
    trial_end_on = models.DateField(_("trial until"), null=True, blank=True)
    tried_by = models.ManyToManyField(
        Person, blank=True, related_name="tried_options", verbose_name=_("tried by")
    )
    trial_notes = models.TextField(_("what the trial showed"), blank=True, max_length=4000)
    chosen = models.BooleanField(
        _("chosen"),
        default=False,
        help_text=_("The option the team chose; the initiative says why."),
    )
    survey = models.OneToOneField(
        Survey,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="option",
        editable=False,
        verbose_name=_("acceptance survey"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["initiative", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                F("initiative"),
                Lower("name"),
                name="option_unique_name_per_initiative",
                violation_error_message=_("This initiative already has an option with this name."),
            ),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=Q(chosen=True),
                name="option_one_chosen_per_initiative",
                violation_error_message=_("An initiative has one chosen option."),
            ),
            models.CheckConstraint(
                condition=Q(
                    licences_eur__gte=0,
                    implementation_eur__gte=0,
                    internal_hours__gte=0,
                    training_eur__gte=0,
                    running_cost_eur_per_year__gte=0,
                    cash_saved_eur_per_year__gte=0,
                ),
                name="option_figures_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.initiative.get_absolute_url() + f"#option-{self.pk}"

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "initiative": _("Choose an initiative of this organisation."),
                "scenario": _("Choose a scenario of this organisation."),
            },
        )
        if self.trial_start_on and self.trial_end_on and self.trial_end_on < self.trial_start_on:
            raise ValidationError({"trial_end_on": _("The trial cannot end before it starts.")})


class PhaseKind(models.TextChoices):
    SIMPLIFY = "simplify", _("simplify the process")
    PILOT = "pilot", _("pilot in one area")
    EVALUATE = "evaluate", _("evaluate")
    ROLLOUT = "rollout", _("roll out")
    HANDOVER = "handover", _("hand over")


PHASE_ORDER = [kind.value for kind in PhaseKind]


class Phase(TenantModel):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="phases", verbose_name=_("initiative")
    )
    kind = models.CharField(_("phase"), max_length=10, choices=PhaseKind.choices)
    scope = models.CharField(
        _("where or what"),
        max_length=200,
        blank=True,
        help_text=_("For example: branch Hamburg, order desk only."),
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"))

    class Meta:
        ordering = ["initiative", "start_on", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__gte=F("start_on")), name="phase_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label}: {self.scope}" if self.scope else str(label)

    def get_absolute_url(self) -> str:
        return self.initiative.get_absolute_url() + "#phases"

    def clean(self) -> None:
        same_organisation(self, {"initiative": _("Choose an initiative of this organisation.")})
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("A phase cannot end before it starts.")})


class Milestone(TenantModel):
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("initiative"),
    )
    phase = models.ForeignKey(
        Phase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("phase"),
    )
    name = models.CharField(_("name"), max_length=200)
    due_on = models.DateField(_("date"))
    owner = _person(_("owner"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["initiative", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.initiative.get_absolute_url() + "#milestones"

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "initiative": _("Choose an initiative of this organisation."),
                "phase": _("Choose a phase of this organisation."),
                "owner": _("Choose a person of this organisation."),
            },
        )
        if self.phase_id and self.initiative_id and self.phase.initiative_id != self.initiative_id:
            raise ValidationError({"phase": _("Choose a phase of this initiative.")})


class ChangeChecklist(TenantModel):
    """The people side of a change: who is affected, asked, trained, how acceptance is measured
    and what happens if it fails."""

    initiative = models.OneToOneField(
        Initiative,
        on_delete=models.CASCADE,
        related_name="checklist",
        verbose_name=_("initiative"),
    )
    affected = models.TextField(_("who is affected"), blank=True, max_length=2000)
    asked = models.TextField(_("who was asked"), blank=True, max_length=2000)
    training = models.TextField(_("training planned"), blank=True, max_length=2000)
    acceptance = models.TextField(_("how acceptance is measured"), blank=True, max_length=2000)
    fallback = models.TextField(_("fallback if it fails"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("change checklist")
        verbose_name_plural = _("change checklists")

    ITEMS = ("affected", "asked", "training", "acceptance", "fallback")

    def __str__(self) -> str:
        return str(self.initiative)

    def get_absolute_url(self) -> str:
        return self.initiative.get_absolute_url() + "#checklist"

    @property
    def items_done(self) -> int:
        return sum(1 for name in self.ITEMS if getattr(self, name).strip())

    def clean(self) -> None:
        same_organisation(self, {"initiative": _("Choose an initiative of this organisation.")})


class DroppedProposal(TenantModel):
    """A proposal of the analysis that someone dropped: it is not proposed again."""

    key = models.CharField(max_length=200)
    name = models.CharField(_("name"), max_length=300)
    dropped_at = models.DateTimeField(_("dropped"), auto_now_add=True)

    class Meta:
        ordering = ["-dropped_at", "pk"]
        verbose_name = _("dropped proposal")
        verbose_name_plural = _("dropped proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="dropped_proposal_once_per_key"
            )
        ]

    def __str__(self) -> str:
        return self.name
