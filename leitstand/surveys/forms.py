"""The survey a member sets up, and the anonymous answer form built from its questions."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import OrgModelForm
from leitstand.kpis.models import Kpi, KpiUnit
from leitstand.processes.models import Process
from leitstand.surveys.models import (
    DEFAULT_FREE_TEXT,
    DEFAULT_QUESTIONS,
    HIGHEST,
    LOWEST,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    Survey,
    SurveyQuestion,
    is_default,
)

QUESTION_FIELDS = [f"question_{n}" for n in range(1, MAX_QUESTIONS + 1)]


class SurveyForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = Survey
        fields = ["title", "phase", "kpi", "max_answers", "free_text_question"]

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.process = process
        self.fields["kpi"].queryset = Kpi.objects.for_org(self.organisation).filter(
            process=process, unit=KpiUnit.SATISFACTION
        )
        self.locked = bool(self.instance.pk and self.instance.responses.exists())
        existing = list(self.instance.questions.all()) if self.instance.pk else []
        for index, name in enumerate(QUESTION_FIELDS):
            field = forms.CharField(
                label=_("Question %(number)s (1 to 5)") % {"number": index + 1},
                max_length=300,
                required=index < MIN_QUESTIONS,
                disabled=self.locked,
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )
            if index < len(existing):
                field.initial = existing[index].label
            elif not self.instance.pk and index < len(DEFAULT_QUESTIONS):
                field.initial = gettext(list(DEFAULT_QUESTIONS.values())[index])
            self.fields[name] = field
        if not self.instance.pk:
            self.fields["free_text_question"].initial = gettext(DEFAULT_FREE_TEXT)

    sections = [
        (_("The survey"), ["title", "phase", "kpi", "max_answers"]),
        (
            _("Questions: each is answered from 1 (strongly disagree) to 5 (strongly agree)"),
            QUESTION_FIELDS,
        ),
        (_("Free text"), ["free_text_question"]),
    ]

    def question_texts(self) -> list[str]:
        texts = (self.cleaned_data.get(name, "") or "" for name in QUESTION_FIELDS)
        return [text.strip() for text in texts if text.strip()]

    def clean_free_text_question(self) -> str:
        text = self.cleaned_data.get("free_text_question", "").strip()
        return "" if is_default(text, DEFAULT_FREE_TEXT) else text


SCALE = [(str(n), str(n)) for n in range(LOWEST, HIGHEST + 1)]


class AnswerForm(forms.Form):
    """One radio group per question, and the free text; nothing that names the person."""

    free_text = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.label,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a number from 1 to 5.")},
            )
        self.fields["free_text"].label = survey.free_text_label

    def scores(self) -> list[tuple[SurveyQuestion, int]]:
        return [(q, self.cleaned_data[f"q{q.pk}"]) for q in self.questions]

    def scale_fields(self) -> list:
        return [self[f"q{q.pk}"] for q in self.questions]
