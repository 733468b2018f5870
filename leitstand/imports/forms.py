"""Upload and mapping forms of the import pages."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import style_widget
from leitstand.imports.reader import Sheet
from leitstand.imports.targets import TARGETS, ImportTarget

IGNORE = ""
DETECT = ""


def target_choices() -> list[tuple[str, str]]:
    return [(key, capfirst(str(target.label))) for key, target in TARGETS.items()]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_(
            "Your own list is fine: Leitstand finds the header row and proposes which column "
            "means what. Nothing is saved until you confirm the preview."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xlsm,.csv,.txt"}),
    )
    target = forms.ChoiceField(
        label=_("What is in this file?"),
        required=False,
        help_text=_(
            "A list of integrations has a column for the system the data comes from and one "
            "for the system it goes to. You can change this in the preview."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [
            (DETECT, _("Find out from the column titles")),
            *target_choices(),
        ]
        for field in self.fields.values():
            style_widget(field.widget)


class MappingForm(forms.Form):
    """What the sheet holds, sheet, header row and, per column of the header row, the field
    it fills."""

    target = forms.ChoiceField(label=_("This sheet holds"), required=False)
    sheet = forms.ChoiceField(label=_("Sheet"))
    header_row = forms.IntegerField(
        label=_("Header row"),
        min_value=1,
        help_text=_("The row number (as the spreadsheet shows it) that holds the column titles."),
    )

    def __init__(
        self, *args, target: ImportTarget, sheets: list[Sheet], headers: list[str], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.target = target
        self.headers = headers
        self.fields["target"].choices = target_choices()
        self.fields["sheet"].choices = [(sheet.name, sheet.name) for sheet in sheets]
        self.fields["header_row"].max_value = max(1, max(len(sheet.rows) for sheet in sheets))
        field_choices = [(IGNORE, _("— do not import —"))] + [
            (spec.name, capfirst(target.label_for(spec.name))) for spec in target.fields
        ]
        for column, header in enumerate(headers):
            self.fields[f"column_{column}"] = forms.ChoiceField(
                label=header or _("(column %(number)s without a title)") % {"number": column + 1},
                choices=field_choices,
                required=False,
            )
        for field in self.fields.values():
            style_widget(field.widget)

    def column_fields(self):
        return [self[f"column_{column}"] for column in range(len(self.headers))]

    def clean(self):
        cleaned = super().clean()
        seen: dict[str, str] = {}
        for column, header in enumerate(self.headers):
            field = cleaned.get(f"column_{column}")
            if not field:
                continue
            if field in seen:
                self.add_error(
                    f"column_{column}",
                    _("“%(field)s” is already filled from the column “%(other)s”.")
                    % {"field": self.target.label_for(field), "other": seen[field]},
                )
            seen[field] = header or str(column + 1)
        return cleaned

    def mapping(self) -> dict[str, str]:
        return {
            str(column): self.cleaned_data[f"column_{column}"]
            for column in range(len(self.headers))
            if self.cleaned_data.get(f"column_{column}")
        }
