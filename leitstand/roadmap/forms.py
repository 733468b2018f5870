from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm, style_form, style_widget
from leitstand.roadmap.models import (
    ChangeChecklist,
    FindingState,
    Initiative,
    InitiativeOption,
    Milestone,
    Phase,
)

NUMBER = {"step": "any", "inputmode": "decimal"}


class InitiativeForm(OrgModelForm):
    class Meta:
        model = Initiative
        fields = [
            "name",
            "problem",
            "owner",
            "sponsor",
            "status",
            "priority",
            "systems",
            "replaces",
            "processes",
            "scenarios",
            "kpis",
            "notes",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    sections = [
        (_("The problem"), ["name", "problem"]),
        (_("Who and how far"), ["owner", "sponsor", "status", "priority"]),
        (
            _("What it touches"),
            ["systems", "replaces", "processes", "scenarios", "kpis", "depends_on"],
        ),
        (_("Notes"), ["notes"]),
    ]

    depends_on = forms.ModelMultipleChoiceField(
        queryset=Initiative.objects.none(),
        required=False,
        label=_("depends on"),
        help_text=_("Initiatives that must come first."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["depends_on"]
        field.queryset = Initiative.objects.for_org(self.organisation).exclude(pk=self.instance.pk)
        style_widget(field.widget)
        if self.instance.pk:
            field.initial = list(self.instance.depends_on.values_list("pk", flat=True))


class OptionForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = InitiativeOption
        fields = [
            "name",
            "description",
            "scenario",
            "licences_eur",
            "implementation_eur",
            "internal_hours",
            "training_eur",
            "running_cost_eur_per_year",
            "cash_saved_eur_per_year",
            "hours_freed_per_year",
            "outage_hours_avoided_per_year",
            "trial_start_on",
            "trial_end_on",
            "tried_by",
            "trial_notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "trial_notes": forms.Textarea(attrs={"rows": 2}),
            "trial_start_on": forms.DateInput(),
            "trial_end_on": forms.DateInput(),
        }

    sections = [
        (_("The option"), ["name", "description", "scenario"]),
        (
            _("Investment"),
            [
                "licences_eur",
                "implementation_eur",
                "internal_hours",
                "training_eur",
                "running_cost_eur_per_year",
            ],
        ),
        (
            _("Expected effect"),
            ["cash_saved_eur_per_year", "hours_freed_per_year", "outage_hours_avoided_per_year"],
        ),
        (_("Trial"), ["trial_start_on", "trial_end_on", "tried_by", "trial_notes"]),
    ]

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative
        for name in (
            "licences_eur",
            "implementation_eur",
            "internal_hours",
            "training_eur",
            "running_cost_eur_per_year",
            "cash_saved_eur_per_year",
            "hours_freed_per_year",
            "outage_hours_avoided_per_year",
        ):
            self.fields[name].widget.attrs.update(NUMBER)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = (
            InitiativeOption.objects.filter(initiative=self.instance.initiative, name__iexact=name)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(_("This initiative already has an option with this name."))
        return name


class ChooseOptionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why this option"),
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        max_length=4000,
        help_text=_("For example: the order desk rated it best and it needs no new interface."),
    )


class StandardPhasesForm(forms.Form):
    start_on = forms.DateField(
        label=_("First phase starts on"),
        error_messages={"required": _("Give the day the first phase starts.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class PhaseForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Phase
        fields = ["kind", "scope", "start_on", "end_on"]
        widgets = {"start_on": forms.DateInput(), "end_on": forms.DateInput()}

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative


class MilestoneForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Milestone
        fields = ["name", "due_on", "phase", "owner", "done"]
        widgets = {"due_on": forms.DateInput()}

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative
        self.fields["phase"].queryset = self.fields["phase"].queryset.filter(initiative=initiative)


class ChecklistForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = ChangeChecklist
        fields = list(ChangeChecklist.ITEMS)
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in ChangeChecklist.ITEMS}
        help_texts = {
            "affected": _("Teams and roles whose work changes."),
            "asked": _("Who tried it or was heard, and when."),
            "training": _("Who is trained, how and when."),
            "acceptance": _(
                "For example: acceptance survey per option, KPI measured in the pilot."
            ),
            "fallback": _("What happens if it fails: how people work until it is fixed."),
        }

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative


class FindingStateForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = FindingState
        fields = ["status", "owner", "due_on", "note", "reason", "review_on"]
        widgets = {
            "due_on": forms.DateInput(),
            "review_on": forms.DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }
