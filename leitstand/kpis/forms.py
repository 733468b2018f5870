from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm
from leitstand.kpis.models import Kpi, Measurement

NUMBER = {"step": "any", "inputmode": "decimal"}


class KpiForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Kpi
        fields = [
            "process",
            "name",
            "unit",
            "custom_unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "baseline_source",
            "target_value",
            "notes",
        ]
        widgets = {"baseline_date": forms.DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    sections = [
        (_("What is measured"), ["process", "name", "unit", "custom_unit", "direction"]),
        (_("Before the change"), ["baseline_value", "baseline_date", "baseline_source"]),
        (_("The goal"), ["target_value", "notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("baseline_value", "target_value"):
            self.fields[name].widget.attrs.update(NUMBER)


class MeasurementForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "source"]
        widgets = {"measured_on": forms.DateInput()}

    def __init__(self, *args, kpi: Kpi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kpi = kpi
        self.fields["value"].widget.attrs.update(NUMBER)
        self.fields["value"].label = _("value (%(unit)s)") % {"unit": kpi.unit_label}
