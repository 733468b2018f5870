"""Business processes: ordered steps (who, which system, how long, how often wrong, needed?) and
automation scenarios with their investment and running cost."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leitstand.flows.models import Integration
from leitstand.inventory.models import Department, Person, System, unique_name
from leitstand.processes.fields import (
    NON_NEGATIVE,
    PERCENT,
    ProcessFrequency,
    StepNeeded,
    money_field,
    same_organisation,
)
from leitstand.tenancy.models import TenantModel


class Process(TenantModel):
    """Something the company does again and again: order intake, invoicing, field service."""

    choice_label_field = "name"  # see core.widgets.FastSelect

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_processes",
        verbose_name=_("owner"),
        help_text=_("The person who answers for the process and decides on changes."),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processes",
        verbose_name=_("department"),
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=ProcessFrequency.choices,
        default=ProcessFrequency.DAY,
    )
    runs_per_period = models.DecimalField(
        _("how many times"),
        max_digits=9,
        decimal_places=2,
        validators=NON_NEGATIVE,
        help_text=_("How often the process runs per working day, week, month or year."),
    )
    revenue_per_run = money_field(
        _("revenue per run (EUR)"),
        _("Optional: the revenue one run brings in, e.g. an average order. Used for outage cost."),
        null=True,
    )
    revenue_per_year = money_field(
        _("revenue per year (EUR)"),
        _("Optional, instead of revenue per run: the revenue the process carries in a year."),
        null=True,
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = [Lower("name")]
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        constraints = [
            unique_name("process", _("A process with this name already exists.")),
            models.CheckConstraint(
                condition=Q(runs_per_period__gte=0), name="process_runs_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(revenue_per_run__isnull=True) | Q(revenue_per_year__isnull=True),
                name="process_one_revenue_figure",
                violation_error_message=_(
                    "Give the revenue per run or per year, not both: one follows from the other."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "processes:process_detail", kwargs={"org": self.organisation.slug, "pk": self.pk}
        )

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "owner": _("Choose a person of this organisation."),
                "department": _("Choose a department of this organisation."),
            },
        )
        if self.revenue_per_run is not None and self.revenue_per_year is not None:
            raise ValidationError(
                {
                    "revenue_per_year": _(
                        "Give the revenue per run or per year, not both: one follows from the "
                        "other."
                    )
                }
            )


class ProcessStep(TenantModel):
    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="steps", verbose_name=_("process")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    name = models.CharField(
        _("what happens"),
        max_length=200,
        help_text=_("For example: type the order into the ERP."),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_steps",
        verbose_name=_("department doing it"),
    )
    role = models.CharField(
        _("role doing it"),
        max_length=120,
        blank=True,
        help_text=_("For example: customer service, dispatcher, technician."),
    )
    system = models.ForeignKey(
        System,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_steps",
        verbose_name=_("system used"),
        help_text=_("Leave empty when no system is used: paper, phone, a conversation."),
    )
    automated = models.BooleanField(
        _("manual or automated"),
        default=False,
        choices=[(False, _("manual: a person does it")), (True, _("automated"))],
    )
    minutes_per_run = models.DecimalField(
        _("minutes per run"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
        help_text=_("A person's working time each time. An automated step nobody watches: 0."),
    )
    error_rate_percent = models.DecimalField(
        _("error rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=PERCENT,
        help_text=_("Share of runs with a mistake to fix, 0 to 100. Typing by hand: 1 to 4 %."),
    )
    minutes_to_fix_error = models.DecimalField(
        _("minutes to fix one error"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
    )
    needed = models.CharField(
        _("needed?"),
        max_length=10,
        choices=StepNeeded.choices,
        default=StepNeeded.YES,
        help_text=_("A step nobody needs is removed, not automated."),
    )
    integration = models.ForeignKey(
        Integration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_steps",
        verbose_name=_("integration it performs"),
        help_text=_(
            "If this step moves data from one system to another by hand, choose that "
            "integration: its hours are then counted once, not twice."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["process", "position", "pk"]
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        constraints = [
            models.CheckConstraint(
                condition=Q(error_rate_percent__gte=0, error_rate_percent__lte=100),
                name="process_step_error_rate_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(minutes_per_run__gte=0, minutes_to_fix_error__gte=0),
                name="process_step_minutes_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.process.get_absolute_url() + f"#step-{self.pk}"

    def clean(self) -> None:
        same_organisation(
            self,
            {
                "process": _("Choose a process of this organisation."),
                "department": _("Choose a department of this organisation."),
                "system": _("Choose a system of this organisation."),
                "integration": _("Choose an integration of this organisation."),
            },
        )


class AutomationScenario(TenantModel):
    """A way to automate some steps: what they take afterwards, what it costs."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="scenarios", verbose_name=_("process")
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("For example: order e-mails read into the ERP by a workflow tool."),
    )
    description = models.TextField(_("description"), blank=True)
    steps = models.ManyToManyField(
        ProcessStep,
        related_name="scenarios",
        verbose_name=_("steps it changes"),
    )
    minutes_after = models.DecimalField(
        _("minutes per run afterwards"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
        help_text=_("The working time the changed steps still take together, per run."),
    )
    error_rate_after_percent = models.DecimalField(
        _("error rate afterwards (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=PERCENT,
    )
    automates_steps = models.BooleanField(
        _("the changed steps run automatically afterwards"), default=True
    )
    investment = money_field(
        _("one-off investment (EUR)"), _("Licences, setup, consulting, training, once.")
    )
    running_cost_per_year = money_field(
        _("running cost per year (EUR)"), _("Subscriptions, maintenance, support, every year.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["process", Lower("name"), "pk"]
        verbose_name = _("automation scenario")
        verbose_name_plural = _("automation scenarios")
        constraints = [
            models.UniqueConstraint(
                F("process"),
                Lower("name"),
                name="scenario_unique_name_per_process",
                violation_error_message=_("This process already has a scenario with this name."),
            ),
            models.CheckConstraint(
                condition=Q(error_rate_after_percent__gte=0, error_rate_after_percent__lte=100),
                name="scenario_error_rate_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(minutes_after__gte=0, investment__gte=0, running_cost_per_year__gte=0),
                name="scenario_figures_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.process.get_absolute_url() + f"#scenario-{self.pk}"

    def clean(self) -> None:
        same_organisation(self, {"process": _("Choose a process of this organisation.")})
