"""Forms of the funding pages: company facts (with the organisation's state and turnover),
partner/linked enterprises, de-minimis aid, funding plans and the programme choice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm, style_form
from leitstand.funding.explanations import TOPICS
from leitstand.funding.models import DeMinimisAid, FundingFacts, FundingPlan, LinkedEnterprise
from leitstand.tenancy.models import Organisation

YES_NO_UNKNOWN = [("", _("not known")), ("true", _("yes")), ("false", _("no"))]


class OrganisationFactsForm(forms.ModelForm):
    """The facts that live on the organisation itself."""

    class Meta:
        model = Organisation
        fields = ["federal_state", "annual_revenue"]
        labels = {"annual_revenue": _("Annual turnover (EUR)")}
        help_texts = {
            "federal_state": _("Where the project is carried out; most programmes are per state."),
            "annual_revenue": _("From the last annual financial statement."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class FactsForm(OrgModelForm):
    unique_name_field = None
    has_linked_enterprises = forms.TypedChoiceField(
        label=_("Partner or linked enterprises"),
        choices=YES_NO_UNKNOWN,
        coerce=lambda value: {"true": True, "false": False}.get(value),
        empty_value=None,
        required=False,
        help_text=FundingFacts._meta.get_field("has_linked_enterprises").help_text,
    )

    class Meta:
        model = FundingFacts
        fields = [
            "fte",
            "balance_sheet_total",
            "nace_section",
            "founded_year",
            "has_linked_enterprises",
            "linked_enterprises_note",
            "de_minimis_complete",
        ]
        widgets = {"linked_enterprises_note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.instance.has_linked_enterprises
        self.initial["has_linked_enterprises"] = {True: "true", False: "false"}.get(value, "")


class LinkedEnterpriseForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = LinkedEnterprise
        fields = ["name", "relation", "share_percent", "fte", "turnover", "balance_sheet_total"]


class DeMinimisAidForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = DeMinimisAid
        fields = ["granted_on", "amount", "grantor", "programme"]


class FundingPlanForm(OrgModelForm):
    topics = forms.MultipleChoiceField(
        label=_("What the project is about"),
        choices=[(key, label) for key, label in TOPICS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Many programmes fund only some topics, for example IT security."),
    )
    sections = [
        (_("Project"), ["name", "initiative", "option", "description", "topics", "goals"]),
        (
            _("Costs"),
            [
                "cost_external_consulting",
                "cost_software_licences",
                "cost_implementation",
                "cost_hardware",
                "cost_training",
                "cost_internal_staff",
                "running_cost_per_year",
                "contract_signed_on",
            ],
        ),
        (
            _("Timeline"),
            [
                "apply_by",
                "approval_expected",
                "project_start",
                "project_end",
                "proof_of_use_due",
                "milestones",
            ],
        ),
        (_("Notes"), ["notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Validating a checkbox group while it is ticked swaps it for the server's copy and
        # can drop a tick made in between; it has nothing to validate field by field anyway.
        attrs = self.fields["topics"].widget.attrs
        for name in [key for key in attrs if key.startswith("hx-")]:
            del attrs[name]
        option = self.fields["option"]
        option.queryset = option.queryset.select_related("initiative").order_by(
            "initiative__name", "name"
        )
        option.label_from_instance = lambda o: f"{o.initiative}: {o}"

    class Meta:
        model = FundingPlan
        fields = [
            "name",
            "initiative",
            "option",
            "description",
            "topics",
            "goals",
            "cost_external_consulting",
            "cost_software_licences",
            "cost_implementation",
            "cost_hardware",
            "cost_training",
            "cost_internal_staff",
            "running_cost_per_year",
            "contract_signed_on",
            "apply_by",
            "approval_expected",
            "project_start",
            "project_end",
            "proof_of_use_due",
            "milestones",
            "notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 3}),
            "milestones": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
