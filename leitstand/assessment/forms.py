"""The assessment form (per axis: answer the questions or set the value) and the override form."""

from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.assessment.models import (
    AXIS_CHOICES,
    Assessment,
    RecommendationOverride,
    ScoreMethod,
)
from leitstand.assessment.questions import catalogue
from leitstand.assessment.scoring import (
    AxisScore,
    Default,
    SystemFacts,
    fact_bounds,
    guided_score,
)
from leitstand.core.forms import OrgModelForm, style_widget
from leitstand.inventory.models import System

AXES = tuple(AXIS_CHOICES)
DONT_KNOW = gettext_lazy("I don't know")


SCALES = {
    "criticality": gettext_lazy("What happens if the system is gone for a day."),
    "health": gettext_lazy(
        "Supported, patched, documented and looked after by more than one person is good; "
        "past its end of support, unpatched, undocumented or failing is poor."
    ),
    "integration": gettext_lazy(
        "How data gets in and out: only by hand, by file, through an API, or through an API "
        "that reports changes as they happen."
    ),
}


def question_field(key: str) -> str:
    return f"q_{key}"


@dataclass
class AxisSection:
    """One axis of the form as the page shows it: how it is set, its questions, its score."""

    key: str
    label: str
    scale: str
    method: forms.BoundField
    value: forms.BoundField
    questions: list
    default: Default | None
    score: AxisScore | None
    guided: bool
    result: int | None

    @property
    def problems(self) -> list:
        """Errors worth showing while the person is still answering."""
        if self.guided and not (self.score and self.score.answers):
            return []
        return list(self.value.errors)


class AssessmentForm(OrgModelForm):
    """Values of guided axes are computed from the answers (and bounded by the facts)."""

    unique_name_field = None

    class Meta:
        model = Assessment
        fields = [
            "assessed_on",
            "criticality_method",
            "criticality",
            "health_method",
            "health",
            "integration_method",
            "integration",
            "notes",
        ]
        widgets = {
            "assessed_on": forms.DateInput,
            "criticality_method": forms.RadioSelect,
            "health_method": forms.RadioSelect,
            "integration_method": forms.RadioSelect,
            "criticality": forms.RadioSelect,
            "health": forms.RadioSelect,
            "integration": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "criticality_method": gettext_lazy("How do you want to set it?"),
            "health_method": gettext_lazy("How do you want to set it?"),
            "integration_method": gettext_lazy("How do you want to set it?"),
        }

    def __init__(self, *args, system: System, facts: SystemFacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.system = system
        self.facts = facts
        self.instance.system = system
        self.scores: dict[str, AxisScore] = {}
        for axis in AXES:
            self.fields[axis].required = False
            self.fields[axis].choices = [(v, label) for v, label in self.fields[axis].choices if v]
            self.fields[f"{axis}_method"].choices = ScoreMethod.choices
        for questions in catalogue().values():
            for question in questions.questions:
                field = forms.ChoiceField(
                    label=question.text,
                    required=False,
                    choices=[(o.key, o.text) for o in question.options] + [("", DONT_KNOW)],
                    widget=forms.RadioSelect,
                )
                style_widget(field.widget)
                self.fields[question_field(question.key)] = field

    def sections(self, defaults: dict[str, Default]) -> list[AxisSection]:
        data = getattr(self, "cleaned_data", {})
        method = {axis: self[f"{axis}_method"].value() for axis in AXES}
        return [
            AxisSection(
                key=axis,
                label=Assessment._meta.get_field(axis).verbose_name,
                scale=SCALES[axis],
                method=self[f"{axis}_method"],
                value=self[axis],
                questions=[self[question_field(q.key)] for q in catalogue()[axis].questions],
                default=defaults.get(axis),
                score=self.scores.get(axis),
                guided=method[axis] == ScoreMethod.GUIDED,
                result=data.get(axis),
            )
            for axis in AXES
        ]

    def answers(self) -> dict[str, str]:
        """The answers of the axes set by questions, as {question key: option key}."""
        data = getattr(self, "cleaned_data", {})
        return {
            question.key: data[question_field(question.key)]
            for axis in AXES
            if data.get(f"{axis}_method") == ScoreMethod.GUIDED
            for question in catalogue()[axis].questions
            if data.get(question_field(question.key))
        }

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("assessed_on") or timezone.localdate()
        eos = self.facts.end_of_support
        bounds = fact_bounds(self.facts._replace(support_ended=eos is not None and eos < day))
        answers = self.answers()
        for axis in AXES:
            if cleaned.get(f"{axis}_method") == ScoreMethod.GUIDED:
                self._guided(axis, answers, bounds, cleaned)
            elif cleaned.get(axis) is None:
                self.add_error(axis, _("Choose a value from 1 to 4."))
        self.instance.answers = answers
        return cleaned

    def _guided(self, axis: str, answers: dict, bounds: dict, cleaned: dict) -> None:
        score = guided_score(axis, answers, bounds)
        self.scores[axis] = score
        cleaned[axis] = score.value
        if score.value is None:
            self.add_error(
                axis, _("Answer at least one of the questions, or choose the value directly.")
            )


class OverrideForm(OrgModelForm):
    unique_name_field = None

    class Meta:
        model = RecommendationOverride
        fields = ["strategy", "reason"]
        widgets = {"strategy": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, system: System, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.system = system
        self.fields["strategy"].choices = [c for c in self.fields["strategy"].choices if c[0]]
        self.fields["reason"].error_messages["required"] = _("Give a reason for the override.")
