from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm
from leitstand.core.language import name_field
from leitstand.core.names import name_taken, name_taken_message
from leitstand.flows.models import DataObject, Integration


def _data_object_order() -> str:
    return name_field()


class IntegrationForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Integration
        fields = [
            "source",
            "target",
            "data_objects",
            "method",
            "frequency",
            "runs_per_period",
            "minutes_per_run",
            "error_rate_percent",
            "minutes_to_fix_error",
            "status",
            "notes",
        ]
        widgets = {
            "data_objects": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    sections = [
        (_("Which systems, which data"), ["source", "target", "data_objects"]),
        (_("How and how often"), ["method", "frequency", "runs_per_period", "status"]),
        (
            _("Manual work and errors"),
            ["minutes_per_run", "error_rate_percent", "minutes_to_fix_error"],
        ),
        (_("Notes"), ["notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        objects = self.fields["data_objects"]
        objects.queryset = objects.queryset.order_by(_data_object_order())
        for name in ("runs_per_period", "minutes_per_run", "minutes_to_fix_error"):
            self.fields[name].widget.attrs.update({"min": "0", "step": "any"})
        self.fields["error_rate_percent"].widget.attrs.update(
            {"min": "0", "max": "100", "step": "any"}
        )


class DataObjectForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = DataObject
        fields = ["name_de", "name_en", "description", "master_systems"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "master_systems": forms.CheckboxSelectMultiple,
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_de") and not cleaned.get("name_en"):
            raise forms.ValidationError(_("Give the data object a name in at least one language."))
        for field in ("name_de", "name_en"):
            value = cleaned.get(field)
            if value and name_taken(DataObject, self.organisation, field, value, self.instance.pk):
                self.add_error(field, name_taken_message(value))
        return cleaned
