from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import style_form
from leitstand.tenancy.models import Organisation, Role


class StyledForm:
    def style(self) -> None:
        style_form(self)


class OrganisationForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "industry",
            "employees",
            "annual_revenue",
            "federal_state",
            "labour_cost_per_hour",
            "working_days_per_year",
            "productive_hours_per_fte",
            "wrap_min_manual_hours",
            "require_2fa",
        ]

    sections = [
        (
            _("The company"),
            ["name", "slug", "industry", "employees", "annual_revenue", "federal_state"],
        ),
        (
            _("Method defaults for euro and hour figures"),
            [
                "labour_cost_per_hour",
                "working_days_per_year",
                "productive_hours_per_fte",
                "wrap_min_manual_hours",
            ],
        ),
        (_("Security"), ["require_2fa"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.style()

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.data.get("name", ""))[:60]
        if not slug:
            raise forms.ValidationError(
                _("Choose a short name made of letters, digits and hyphens.")
            )
        if Organisation.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This short name is taken. Choose another one."))
        return slug


class NewOrganisationForm(OrganisationForm):
    class Meta(OrganisationForm.Meta):
        fields = ["name", "slug", "industry", "employees", "annual_revenue", "federal_state"]

    sections = [(_("The company"), Meta.fields)]


class InviteForm(StyledForm, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.VIEWER)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style()


class RoleForm(StyledForm, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style()
