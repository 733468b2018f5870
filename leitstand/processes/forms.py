"""Forms of processes, their steps (edited in place on the process page) and scenarios."""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.messages import Minutes
from leitstand.analysis.vocabulary import METHOD_CATEGORY, MethodCategory
from leitstand.core.forms import OrgModelForm
from leitstand.core.widgets import TYPEAHEAD_AFTER
from leitstand.core.wording import format_param
from leitstand.flows.models import Integration
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.tenancy.models import Organisation

NUMBER = {"min": "0", "step": "any", "inputmode": "decimal"}
PERCENT = {"min": "0", "max": "100", "step": "any", "inputmode": "decimal"}


def _numbers(form: forms.ModelForm, names: list[str], attrs: dict) -> None:
    for name in names:
        form.fields[name].widget.attrs.update(attrs)


class ProcessForm(OrgModelForm):
    class Meta:
        model = Process
        fields = [
            "name",
            "description",
            "owner",
            "department",
            "frequency",
            "runs_per_period",
            "revenue_per_run",
            "revenue_per_year",
            "notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    sections = [
        (_("What and who"), ["name", "description", "owner", "department"]),
        (_("How often"), ["frequency", "runs_per_period"]),
        (_("Revenue (optional, for outage cost)"), ["revenue_per_run", "revenue_per_year"]),
        (_("Notes"), ["notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _numbers(self, ["runs_per_period", "revenue_per_run", "revenue_per_year"], NUMBER)


AUTOMATED_METHODS = [m for m, c in METHOD_CATEGORY.items() if c is MethodCategory.AUTOMATED]


def manual_integrations(organisation: Organisation) -> QuerySet:
    """Integrations a person performs (by hand or by file): the ones a step can carry out."""
    return (
        Integration.objects.for_org(organisation)
        .exclude(method__in=AUTOMATED_METHODS)
        .select_related("source", "target")
    )


def _offered_integrations(integrations: QuerySet, process: Process, step: ProcessStep):
    """All manual flows while they fit a list (TYPEAHEAD_AFTER); beyond that the ones of the
    systems the process's steps use, and the step's own (a large organisation has a hundred
    thousand: megabytes of options)."""
    if integrations[: TYPEAHEAD_AFTER + 1].count() <= TYPEAHEAD_AFTER:
        return integrations
    systems = ProcessStep.objects.filter(process=process, system__isnull=False).values("system")
    keep = Q(source__in=systems) | Q(target__in=systems)
    if step.integration_id:
        keep |= Q(pk=step.integration_id)
    return integrations.filter(keep)


class ProcessStepForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = ProcessStep
        fields = [
            "name",
            "department",
            "role",
            "system",
            "automated",
            "minutes_per_run",
            "error_rate_percent",
            "minutes_to_fix_error",
            "needed",
            "integration",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 1})}

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.process = process
        self.fields["integration"].queryset = _offered_integrations(
            manual_integrations(self.organisation), process, self.instance
        )
        _numbers(self, ["minutes_per_run", "minutes_to_fix_error"], NUMBER)
        _numbers(self, ["error_rate_percent"], PERCENT)


class ScenarioForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = AutomationScenario
        fields = [
            "name",
            "description",
            "steps",
            "minutes_after",
            "error_rate_after_percent",
            "automates_steps",
            "investment",
            "running_cost_per_year",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "steps": forms.CheckboxSelectMultiple,
        }

    sections = [
        (_("What changes"), ["name", "description", "steps"]),
        (
            _("Afterwards"),
            ["minutes_after", "error_rate_after_percent", "automates_steps"],
        ),
        (_("What it costs"), ["investment", "running_cost_per_year"]),
    ]

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.process = process
        self.fields["steps"].queryset = process.steps.order_by("position", "pk")
        self.fields["steps"].label_from_instance = lambda step: (
            f"{step.position}. {step.name} ({format_param(Minutes(step.minutes_per_run))})"
        )
        _numbers(self, ["minutes_after", "investment", "running_cost_per_year"], NUMBER)
        _numbers(self, ["error_rate_after_percent"], PERCENT)
