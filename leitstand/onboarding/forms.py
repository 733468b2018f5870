"""The new-organisation page: a blank organisation, one from a template organisation, or one
restored from a complete JSON export."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.tenancy.forms import NewOrganisationForm
from leitstand.tenancy.models import Organisation, Role

MAX_EXPORT_BYTES = 50 * 1024 * 1024


class NewClientForm(NewOrganisationForm):
    template = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Start from a template organisation"),
        empty_label=_("no template: the standard catalogue only"),
        help_text=_(
            "Copies its capabilities, departments, data objects, processes with their steps, "
            "and surveys with their questions; no systems, people or figures."
        ),
    )
    export_file = forms.FileField(
        required=False,
        label=_("Or restore a complete JSON export"),
        help_text=_("The file from “Export → Complete backup (JSON)” of a Leitstand organisation."),
    )

    class Meta(NewOrganisationForm.Meta):
        pass

    sections = [
        *NewOrganisationForm.sections,
        (_("Starting data"), ["template", "export_file"]),
    ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = Organisation.objects.filter(
            memberships__user=user, memberships__role__in=[Role.OWNER, Role.EDITOR]
        ).order_by("name")
        self.style()

    def clean_export_file(self):
        upload = self.cleaned_data.get("export_file")
        if upload is None:
            return None
        if upload.size > MAX_EXPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise forms.ValidationError(
                _("This file is not valid JSON: %(error)s") % {"error": exc}
            ) from exc

    def clean(self):
        data = super().clean()
        if data.get("template") and data.get("export_file"):
            raise forms.ValidationError(_("Choose a template or an export, not both."))
        return data
