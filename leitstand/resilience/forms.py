"""The form of a system's resilience facts, in sections as the DOMAIN.md lists them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm
from leitstand.resilience.models import MAX_COPIES, SystemResilience

YES_NO_UNKNOWN = [("unknown", _("not known")), ("true", _("yes")), ("false", _("no"))]


class SystemResilienceForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = SystemResilience
        fields = [
            "backup_exists",
            "backup_interval_hours",
            "backup_responsible",
            "backup_copies",
            "backup_media",
            "backup_offsite",
            "backup_offline",
            "restore_tested_on",
            "restore_test_ok",
            "restore_duration_hours",
            "two_factor",
            "internet_facing",
            "updates_by",
            "updates_behind",
            "emergency_plan",
            "emergency_plan_tested_on",
            "hardware_since",
            "notes",
        ]
        widgets = {
            "restore_tested_on": forms.DateInput(),
            "emergency_plan_tested_on": forms.DateInput(),
            "hardware_since": forms.DateInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    sections = [
        (_("Backup"), ["backup_exists", "backup_interval_hours", "backup_responsible"]),
        (
            _("3-2-1-1-0: copies, media, off site, offline"),
            ["backup_copies", "backup_media", "backup_offsite", "backup_offline"],
        ),
        (
            _("Last restore test"),
            ["restore_tested_on", "restore_test_ok", "restore_duration_hours"],
        ),
        (
            _("Login, updates and hardware"),
            ["two_factor", "internet_facing", "updates_by", "updates_behind", "hardware_since"],
        ),
        (_("Emergency plan"), ["emergency_plan", "emergency_plan_tested_on"]),
        (_("Notes"), ["notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.NullBooleanField):
                field.widget = forms.NullBooleanSelect(attrs={"class": "form-select"})
                field.widget.choices = YES_NO_UNKNOWN
        for name in ("backup_copies", "backup_media"):
            self.fields[name].widget.attrs.update({"min": "1", "max": str(MAX_COPIES)})
        self.fields["backup_interval_hours"].widget.attrs.update({"min": "1"})
        self.fields["restore_duration_hours"].widget.attrs.update(
            {"min": "0", "step": "any", "inputmode": "decimal"}
        )
        self.fields["two_factor"].choices = [
            ("", _("not known")),
            *self.fields["two_factor"].choices[1:],
        ]
        self.fields["updates_behind"].choices = [
            ("", _("not known")),
            *self.fields["updates_behind"].choices[1:],
        ]
