"""Funding: the company facts eligibility needs, de-minimis aid received, partner and linked
enterprises, and funding plans (a project's costs, the chosen programmes and the timeline).

Federal state and turnover stay on the organisation (`federal_state`, `annual_revenue`);
everything else that only funding needs lives here.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.funding.catalogue import TOPICS
from leitstand.roadmap.models import Initiative, InitiativeOption
from leitstand.tenancy.models import TenantModel

NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class NaceSection(models.TextChoices):
    A = "A", _("A - Agriculture, forestry and fishing")
    B = "B", _("B - Mining and quarrying")
    C = "C", _("C - Manufacturing")
    D = "D", _("D - Electricity, gas, steam and air conditioning supply")
    E = "E", _("E - Water supply, sewerage, waste management")
    F = "F", _("F - Construction")
    G = "G", _("G - Wholesale and retail trade, repair of motor vehicles")
    H = "H", _("H - Transportation and storage")
    I = "I", _("I - Accommodation and food service")  # noqa: E741 (the NACE letter)
    J = "J", _("J - Information and communication")
    K = "K", _("K - Financial and insurance activities")
    L = "L", _("L - Real estate activities")
    M = "M", _("M - Professional, scientific and technical activities")
    N = "N", _("N - Administrative and support service activities")
    O = "O", _("O - Public administration and defence")  # noqa: E741
    P = "P", _("P - Education")
    Q = "Q", _("Q - Human health and social work")
    R = "R", _("R - Arts, entertainment and recreation")
    S = "S", _("S - Other service activities")
    T = "T", _("T - Activities of households as employers")
    U = "U", _("U - Extraterritorial organisations")


class FundingFacts(TenantModel):
    """One row per organisation: the facts of Recommendation 2003/361/EC and the programmes'
    conditions that the organisation itself does not hold. Empty means "not known"."""

    fte = models.DecimalField(
        _("staff in full-time equivalents"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_(
            "Annual work units: part-timers count pro rata, apprentices usually not. "
            "Exactly 50 counts as medium-sized."
        ),
    )
    balance_sheet_total = models.DecimalField(
        _("balance-sheet total (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_("From the last annual financial statement."),
    )
    has_linked_enterprises = models.BooleanField(
        _("partner or linked enterprises"),
        null=True,
        blank=True,
        help_text=_(
            "Does another enterprise hold 25 % or more of this one, or this one 25 % or more "
            "of another? Their staff and money count towards the size class."
        ),
    )
    linked_enterprises_note = models.TextField(
        _("note on partner and linked enterprises"), blank=True
    )
    nace_section = models.CharField(
        _("sector (NACE section)"), max_length=1, choices=NaceSection.choices, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded in (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
    )
    de_minimis_complete = models.BooleanField(
        _("de-minimis aid list is complete"),
        default=False,
        help_text=_(
            "Tick when every de-minimis aid of the last three years is listed (or there was "
            "none). Until then the headroom is unknown."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("funding facts")
        verbose_name_plural = _("funding facts")
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="funding_facts_one_per_org")
        ]

    def __str__(self) -> str:
        return str(_("Funding facts of %(org)s") % {"org": self.organisation})

    def get_absolute_url(self) -> str:
        return reverse("funding:facts", kwargs={"org": self.organisation.slug})


class Relation(models.TextChoices):
    PARTNER = "partner", _("partner enterprise (25 to 50 %)")
    LINKED = "linked", _("linked enterprise (more than 50 % or control)")


class LinkedEnterprise(TenantModel):
    """A partner's figures count pro rata of the share; a linked enterprise's in full."""

    name = models.CharField(_("name"), max_length=200)
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)
    share_percent = models.DecimalField(
        _("share held (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("The larger of capital and voting rights; only for partner enterprises."),
    )
    fte = models.DecimalField(
        _("staff (FTE)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
    )
    turnover = models.DecimalField(
        _("annual turnover (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
    )
    balance_sheet_total = models.DecimalField(
        _("balance-sheet total (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner or linked enterprise")
        verbose_name_plural = _("partner and linked enterprises")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:facts", kwargs={"org": self.organisation.slug})

    def clean(self) -> None:
        if self.relation == Relation.PARTNER and self.share_percent is None:
            raise ValidationError({"share_percent": _("Give the share held in the partner.")})


class DeMinimisAid(TenantModel):
    granted_on = models.DateField(_("granted on"))
    amount = models.DecimalField(
        _("amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        validators=NOT_NEGATIVE,
        help_text=_("The aid value named in the de-minimis certificate (gross grant equivalent)."),
    )
    grantor = models.CharField(_("grantor"), max_length=200)
    programme = models.CharField(_("programme"), max_length=200, blank=True)

    class Meta:
        ordering = ["-granted_on", "pk"]
        verbose_name = _("de-minimis aid")
        verbose_name_plural = _("de-minimis aid")

    def __str__(self) -> str:
        return f"{self.grantor} {self.granted_on}"

    def get_absolute_url(self) -> str:
        return reverse("funding:facts", kwargs={"org": self.organisation.slug})


#: Cost fields of a plan, in the order of the catalogue's categories.
COST_FIELDS = {
    "external_consulting": "cost_external_consulting",
    "software_licences": "cost_software_licences",
    "implementation": "cost_implementation",
    "hardware": "cost_hardware",
    "training": "cost_training",
    "internal_staff": "cost_internal_staff",
}


def _cost(label, help_text=""):
    return models.DecimalField(
        label,
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=NOT_NEGATIVE,
        help_text=help_text,
    )


class FundingPlan(TenantModel):
    """A project's funding: its costs by category, the programmes chosen, the timeline."""

    name = models.CharField(_("name"), max_length=200)
    initiative = models.OneToOneField(
        Initiative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_plan",
        verbose_name=_("initiative"),
        help_text=_("The roadmap initiative this plan funds; its KPIs and milestones come along."),
    )
    option = models.ForeignKey(
        InitiativeOption,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_plans",
        verbose_name=_("option"),
        help_text=_("Whose business case gives the costs; empty means the chosen option."),
    )
    description = models.TextField(
        _("project description"),
        blank=True,
        help_text=_("What changes, for whom, and why: funding agencies read this first."),
    )
    goals = models.TextField(
        _("measurable goals"),
        blank=True,
        help_text=_("One per line, with a number: order entry from 17 to 1 minute per order."),
    )
    cost_external_consulting = _cost(_("external consulting (EUR)"))
    cost_software_licences = _cost(
        _("software licences (EUR)"), _("Licences and subscriptions within the project period.")
    )
    cost_implementation = _cost(
        _("implementation (EUR)"), _("External services: set-up, interfaces, data migration.")
    )
    cost_hardware = _cost(_("hardware (EUR)"))
    cost_training = _cost(_("training (EUR)"))
    cost_internal_staff = _cost(
        _("internal staff (EUR)"), _("Hours of your own people on the project x labour cost.")
    )
    running_cost_per_year = _cost(
        _("running cost per year (EUR)"),
        _("After the project; programmes rarely fund it, the plan shows it for the bank."),
    )
    contract_signed_on = models.DateField(
        _("first contract signed on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty while nothing is ordered. A signed order or contract counts as the "
            "project's start and excludes programmes that require applying first."
        ),
    )
    topics = models.JSONField(
        _("what the project is about"),
        default=list,
        blank=True,
        help_text=_("Many programmes fund only some topics, for example IT security."),
    )
    chosen_programmes = models.JSONField(
        _("chosen programmes"),
        default=list,
        blank=True,
        help_text=_("Programme ids from the catalogue; empty means Leitstand's suggestion."),
    )
    apply_by = models.DateField(_("apply by"), null=True, blank=True)
    approval_expected = models.DateField(_("approval expected"), null=True, blank=True)
    project_start = models.DateField(_("project start"), null=True, blank=True)
    project_end = models.DateField(_("project end"), null=True, blank=True)
    proof_of_use_due = models.DateField(_("proof of use due"), null=True, blank=True)
    milestones = models.TextField(
        _("milestones"),
        blank=True,
        help_text=_("One per line: date, then what is done. 2027-03-31 Pilot with 5 customers"),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("funding plan")
        verbose_name_plural = _("funding plans")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:plan_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    def costs(self) -> dict[str, Decimal]:
        return {category: getattr(self, field) for category, field in COST_FIELDS.items()}

    @property
    def business_case_option(self) -> "InitiativeOption | None":
        """The option whose costs the plan takes: the one named, else the chosen one."""
        if self.option_id:
            return self.option
        return self.initiative.chosen_option if self.initiative_id else None

    def clean(self) -> None:
        errors = {}
        org = self.organisation_id
        if self.initiative_id and self.initiative.organisation_id != org:
            errors["initiative"] = _("Choose an initiative of this organisation.")
        if self.option_id and (
            self.option.organisation_id != org
            or (self.initiative_id and self.option.initiative_id != self.initiative_id)
        ):
            errors["option"] = _("Choose an option of the plan's initiative.")
        order = [
            ("apply_by", "approval_expected"),
            ("approval_expected", "project_start"),
            ("project_start", "project_end"),
            ("project_end", "proof_of_use_due"),
        ]
        for earlier, later in order:
            first, second = getattr(self, earlier), getattr(self, later)
            if first and second and second < first:
                errors[later] = _("This date lies before the step before it.")
        if not isinstance(self.topics, list) or not set(self.topics) <= set(TOPICS):
            errors["topics"] = _("Choose topics from the list.")
        if not isinstance(self.chosen_programmes, list) or not all(
            isinstance(item, str) for item in self.chosen_programmes
        ):
            errors["chosen_programmes"] = _("A list of programme ids.")
        if errors:
            raise ValidationError(errors)
