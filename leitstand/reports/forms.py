import io

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image

from leitstand.core.forms import style_form
from leitstand.reports.chapters import CONSULTING_CHAPTERS
from leitstand.reports.models import ReportKind, ReportLanguage

TEXT_LIMIT = 8000


class GenerateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=ReportLanguage.choices)


class ConsultingForm(forms.Form):
    """The consulting report's settings: kept for the next report of this organisation."""

    language = forms.ChoiceField(label=_("Language"), choices=ReportLanguage.choices)
    author = forms.CharField(label=_("Prepared by"), max_length=200, required=False)
    engagement_start = forms.DateField(label=_("Engagement from"), required=False)
    engagement_end = forms.DateField(label=_("Engagement until"), required=False)
    chapters = forms.MultipleChoiceField(
        label=_("Chapters"),
        choices=CONSULTING_CHAPTERS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one chapter.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in CONSULTING_CHAPTERS:
            self.fields[f"text_{key}"] = forms.CharField(
                label=_("Your text for “%(chapter)s”") % {"chapter": label},
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        style_form(self)

    def clean(self):
        data = super().clean()
        start, end = data.get("engagement_start"), data.get("engagement_end")
        if start and end and end < start:
            self.add_error("engagement_end", _("The engagement cannot end before it starts."))
        return data

    def text_fields(self):
        return [self[f"text_{key}"] for key, _label in CONSULTING_CHAPTERS]

    def options(self) -> dict:
        data = self.cleaned_data
        return {
            "chapters": list(data["chapters"]),
            "texts": {
                key: data[f"text_{key}"]
                for key, _label in CONSULTING_CHAPTERS
                if data.get(f"text_{key}")
            },
            "engagement_start": data["engagement_start"].isoformat()
            if data["engagement_start"]
            else "",
            "engagement_end": data["engagement_end"].isoformat() if data["engagement_end"] else "",
            "author": data["author"],
        }


def initial_from(settings_row, language: str) -> dict:
    if settings_row is None:
        return {"language": language, "chapters": [key for key, _label in CONSULTING_CHAPTERS]}
    initial = {
        "language": language,
        "chapters": settings_row.chapters or [key for key, _label in CONSULTING_CHAPTERS],
        "engagement_start": settings_row.engagement_start,
        "engagement_end": settings_row.engagement_end,
        "author": settings_row.author,
    }
    for key, text in (settings_row.texts or {}).items():
        initial[f"text_{key}"] = text
    return initial


LOGO_MAX_BYTES = 512 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class LogoForm(forms.Form):
    logo = forms.FileField(
        label=_("Logo for the reports' cover"),
        help_text=_("PNG or JPEG, at most 512 KB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )

    def clean_logo(self):
        upload = self.cleaned_data["logo"]
        if upload.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo is larger than 512 KB."))
        data = upload.read()
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
                kind = image.format
        except (OSError, SyntaxError, ValueError) as error:
            raise forms.ValidationError(_("This file is not a PNG or JPEG picture.")) from error
        if kind not in LOGO_TYPES:
            raise forms.ValidationError(_("This file is not a PNG or JPEG picture."))
        return data, LOGO_TYPES[kind]
