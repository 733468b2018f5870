from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm
from leitstand.core.language import name_field
from leitstand.core.names import name_taken, name_taken_message
from leitstand.inventory.models import (
    SYSTEM_FIELDS,
    Capability,
    Department,
    Person,
    System,
    SystemKind,
    Vendor,
)


class DepartmentForm(OrgModelForm):
    class Meta:
        model = Department
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class PersonForm(OrgModelForm):
    class Meta:
        model = Person
        fields = ["name", "job_title", "department", "email", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class VendorForm(OrgModelForm):
    class Meta:
        model = Vendor
        fields = [
            "name",
            "country",
            "jurisdiction",
            "contract_end",
            "notice_period_months",
            "website",
            "notes",
        ]
        widgets = {"contract_end": forms.DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class CapabilityForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Capability
        fields = ["name_de", "name_en", "differentiating"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_de") and not cleaned.get("name_en"):
            raise forms.ValidationError(_("Give the capability a name in at least one language."))
        for field in ("name_de", "name_en"):
            value = cleaned.get(field)
            if value and name_taken(Capability, self.organisation, field, value, self.instance.pk):
                self.add_error(field, name_taken_message(value))
        return cleaned


class SystemForm(OrgModelForm):
    class Meta:
        model = System
        fields = SYSTEM_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "departments": forms.CheckboxSelectMultiple,
            "capabilities": forms.CheckboxSelectMultiple,
            "introduced_on": forms.DateInput(),
            "end_of_support": forms.DateInput(),
            "personal_data": forms.NullBooleanSelect,
            "centrally_managed": forms.NullBooleanSelect,
        }

    #: Sections of the form page, so a long form reads in plain groups.
    sections = [
        (_("What it is"), ["name", "description", "kind", "lifecycle", "version", "url"]),
        (
            _("Who uses it and who answers for it"),
            ["owner", "deputy", "user_count", "centrally_managed", "departments", "capabilities"],
        ),
        (
            _("Vendor, hosting and cost"),
            [
                "vendor",
                "hosting",
                "jurisdiction",
                "annual_cost",
                "one_off_cost",
                "introduced_on",
                "end_of_support",
            ],
        ),
        (_("Data protection and notes"), ["personal_data", "personal_data_categories", "notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal_data"].widget.attrs["class"] = "form-select"
        managed = self.fields["centrally_managed"].widget
        managed.choices = [
            ("unknown", _("not known")),
            ("true", _("yes")),
            ("false", _("no (shadow IT)")),
        ]
        managed.attrs["class"] = "form-select"
        self.fields["kind"].choices = [("", _("not known")), *SystemKind.choices]
        capability_name = name_field()
        self.fields["capabilities"].queryset = self.fields["capabilities"].queryset.order_by(
            capability_name
        )
        for name in ("annual_cost", "one_off_cost"):
            self.fields[name].widget.attrs.update(
                {"min": "0", "step": "0.01", "inputmode": "decimal"}
            )
