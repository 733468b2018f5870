from django import forms
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import date_problem, style_form
from leitstand.products.statements import MAX_BYTES


class OwnEndOfSupportForm(forms.Form):
    """The system panel's own end-of-support date, kept instead of the catalogue's."""

    date = forms.DateField(label=_("Own end-of-support date"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
        field = self.fields["date"]
        field.error_messages["required"] = date_problem("")
        field.widget.attrs["class"] += " form-control-sm"


class StatementUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Statement file (CSV)"),
        help_text=_(
            "A CSV export of a bank account or credit card (for example CSV-CAMT at savings "
            "banks), or a DATEV Buchungsstapel. At most 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB. Export a shorter period."))
        return upload
