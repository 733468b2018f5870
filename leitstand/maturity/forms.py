"""Forms of the maturity assessment: start (or repeat), the questionnaire, the JSON upload."""

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.maturity.model import UNKNOWN, Catalogue
from leitstand.core.forms import OrgModelForm, style_form
from leitstand.maturity.models import AnswerValue, MaturityAnswer, MaturityAssessment
from leitstand.maturity.services import Given

MAX_UPLOAD_BYTES = 200_000


class StartAssessmentForm(OrgModelForm):
    unique_name_field = None

    repeat = forms.BooleanField(
        label=_("Start from the answers of the last completed assessment"),
        required=False,
        help_text=_(
            "Answers the data now suggests differently are shown for confirmation; "
            "the result then shows the change per axis and per item."
        ),
    )

    class Meta:
        model = MaturityAssessment
        fields = ["assessed_on", "assessor", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, can_repeat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_repeat:
            del self.fields["repeat"]
        self.fields["assessed_on"].initial = timezone.localdate()


def value_field(key: str) -> str:
    return f"v_{key}"


def confirm_field(key: str) -> str:
    return f"c_{key}"


def note_field(key: str) -> str:
    return f"n_{key}"


class QuestionnaireForm(forms.Form):
    """Every item on one page; a suggested answer has a box to confirm it."""

    def __init__(self, *args, catalogue: Catalogue, answers: dict[str, MaturityAnswer], **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        language = get_language()
        labels = dict(AnswerValue.choices)
        for item in catalogue.items:
            row = answers.get(item.key)
            choices = [(value, labels[value]) for value in (*item.choices, UNKNOWN)]
            self.fields[value_field(item.key)] = forms.ChoiceField(
                label=item.question.get(language),
                help_text=item.help.get(language),
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
                initial=row.value if row else UNKNOWN,
            )
            if row is not None and row.suggested:
                self.fields[confirm_field(item.key)] = forms.BooleanField(
                    label=_("I confirm this answer"),
                    required=False,
                    initial=row.source == "confirmed",
                )
            self.fields[note_field(item.key)] = forms.CharField(
                label=_("Note"),
                required=False,
                initial=row.note if row else "",
                max_length=2000,
                widget=forms.TextInput(attrs={"placeholder": _("Note (optional)")}),
            )
        style_form(self)

    def answers(self) -> dict[str, Given]:
        given = {}
        for item in self.catalogue.items:
            value = self.cleaned_data.get(value_field(item.key)) or UNKNOWN
            given[item.key] = Given(
                value=value,
                confirmed=bool(self.cleaned_data.get(confirm_field(item.key))),
                note=(self.cleaned_data.get(note_field(item.key)) or "").strip(),
            )
        return given


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Assessment as JSON"),
        help_text=_(
            'A file exported from Leitstand, or one like {"format": "leitstand-maturity", '
            '"version": 1, "answers": {"dii_erp": "yes", "strategy_plan": "partly"}}. '
            "Items missing from the file count as not known."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large for one assessment."))
        return upload
