"""Forms of the company check: start a check, one interview page per area, the JSON upload."""

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from leitstand.analysis.company_check.catalogue import STATUS, Area, Requirement
from leitstand.core.forms import OrgModelForm, style_form
from leitstand.security_check.models import AnswerValue, SecurityCheck

MAX_UPLOAD_BYTES = 200_000


class StartCheckForm(OrgModelForm):
    unique_name_field = None

    repeat = forms.BooleanField(
        label=_("Start from the answers of the last completed check"),
        required=False,
        help_text=_("Every answer can still be changed; the result page then shows what changed."),
    )

    class Meta:
        model = SecurityCheck
        fields = ["checked_on", "interviewer", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, can_repeat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_repeat:
            del self.fields["repeat"]
        self.fields["checked_on"].initial = timezone.localdate()


def value_field(name: str) -> str:
    return f"r{name}"


def note_field(name: str) -> str:
    return f"r{name}_note"


def item_name(number: str, item: str) -> str:
    return f"{number}_{item}"


class AreaForm(forms.Form):
    """Every question of one area: status question first, then the parts, each with a note."""

    def __init__(self, *args, area: Area, initial_answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        language = get_language()
        for requirement in area.requirements:
            for item, label in _questions(requirement, language):
                name = item_name(requirement.number, item)
                value, note = initial_answers.get((requirement.number, item), ("", ""))
                self.fields[value_field(name)] = forms.ChoiceField(
                    label=label,
                    choices=AnswerValue.choices,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=value or None,
                )
                self.fields[note_field(name)] = forms.CharField(
                    label=_("Note"),
                    required=False,
                    initial=note,
                    max_length=2000,
                    widget=forms.TextInput(attrs={"placeholder": _("Note (optional)")}),
                )
        style_form(self)

    def answers(self) -> dict[tuple[str, str], tuple[str, str]]:
        """Answered questions only: a question left blank stays open (not known)."""
        values = {}
        for requirement in self.area.requirements:
            for item in requirement.items:
                name = item_name(requirement.number, item)
                value = self.cleaned_data.get(value_field(name)) or ""
                note = (self.cleaned_data.get(note_field(name)) or "").strip()
                if value or note:
                    values[(requirement.number, item)] = (value or AnswerValue.UNKNOWN, note)
        return values


def _questions(requirement: Requirement, language: str) -> list[tuple[str, str]]:
    rows = []
    if requirement.status is not None:
        rows.append((STATUS, requirement.status.question.get(language)))
        rows.extend((sub.key, sub.question.get(language)) for sub in requirement.status.sub)
    rows.extend((part.key, part.text.get(language)) for part in requirement.parts)
    return rows


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Answers as JSON"),
        help_text=_(
            'A file like {"answers": {"01": "met", "07": "not_relevant", "11": "not_met"}}. '
            "Requirements missing from the file count as not known."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large for a check's answers."))
        return upload
