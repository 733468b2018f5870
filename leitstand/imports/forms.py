"""Upload and mapping forms of the import pages."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from leitstand.core.forms import style_form
from leitstand.imports.reader import Sheet
from leitstand.imports.scores import without_scale_hint
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
        style_form(self)


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
        style_form(self)

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


LEAVE_EMPTY = ""
SAME, APART = "same", "apart"


class DecisionsForm(forms.Form):
    """What the preview asks: the meaning of each distinct unclear value (and of values read
    by closeness, to correct them), the scale of score columns, whether near-identical names
    are the same, which proposal steps to apply. Built from the plan, so a POST is read back
    against the same questions the page showed."""

    def __init__(self, *args, plan, decisions, choices_for, **kwargs):
        super().__init__(*args, **kwargs)
        self.value_items: list[tuple[str, str, str, int, str]] = []  # name, field, text, rows, how
        self.scale_items: list[tuple[str, str, tuple]] = []
        self.merge_items: list[tuple[str, object]] = []
        self.proposal_items: list[tuple[str, object]] = []
        target = plan.target
        for field_name, notes in plan.values.items():
            options = [(LEAVE_EMPTY, _("— leave empty (unknown) —")), *choices_for(field_name)]
            label = capfirst(without_scale_hint(target.label_for(field_name)))
            entries = [(text, rows, "unclear", "") for text, rows in notes.unclear.items()]
            entries += [
                (text, rows, how, "" if value is None else _as_choice(value))
                for text, (value, how, rows) in notes.noted.items()
            ]
            for text, rows, how, current in sorted(
                entries, key=lambda e: (e[2] != "unclear", e[0])
            ):
                name = f"value_{len(self.value_items)}"
                self.fields[name] = forms.ChoiceField(
                    label=label, choices=options, required=False, initial=current
                )
                self.value_items.append((name, field_name, text, rows, how))
            if notes.unclear_scale or notes.scale:
                name = f"scale_{field_name}"
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=[("", _("— choose the scale —")), *scale_choices()],
                    required=False,
                    initial=decisions.scales.get(
                        field_name, notes.scale.key if notes.scale else ""
                    ),
                )
                self.scale_items.append((name, field_name, notes.unclear_scale))
        for proposal in plan.merges:
            name = f"merge_{len(self.merge_items)}"
            initial = {True: SAME, False: APART, None: ""}[proposal.decided]
            self.fields[name] = forms.ChoiceField(
                label=proposal.name,
                choices=[("", _("— decide —")), (SAME, _("the same")), (APART, _("different"))],
                required=False,
                initial=initial,
                widget=forms.RadioSelect,
            )
            self.merge_items.append((name, proposal))
        for group in plan.proposals:
            name = f"proposal_{len(self.proposal_items)}"
            self.fields[name] = forms.BooleanField(
                label=str(group.step.label), required=False, initial=group.applied
            )
            self.proposal_items.append((name, group))
        style_form(self)

    @property
    def has_questions(self) -> bool:
        return bool(self.fields)

    def rows(self, kind: str) -> list:
        """The bound fields of one kind of question, with what the page shows beside them."""
        items = {
            "values": self.value_items,
            "scales": self.scale_items,
            "merges": self.merge_items,
            "proposals": self.proposal_items,
        }[kind]
        return [(self[item[0]], *item[1:]) for item in items]

    def apply_to(self, decisions) -> None:
        data = self.cleaned_data
        for name, field_name, text, _rows, how in self.value_items:
            chosen = data.get(name) or LEAVE_EMPTY
            if how == "close" and chosen == self.fields[name].initial:
                continue  # understood, and left as understood: nothing to remember
            decisions.choose_value(field_name, text, chosen)
        for name, field_name, _numbers in self.scale_items:
            if data.get(name):
                decisions.scales[field_name] = data[name]
        for name, proposal in self.merge_items:
            said = data.get(name)
            if said == SAME:
                decisions.decide_merge(proposal.reference, proposal.key, proposal.same_as_key)
            elif said == APART:
                decisions.decide_merge(proposal.reference, proposal.key, None)
        for name, group in self.proposal_items:
            decisions.proposals[group.step.key] = bool(data.get(name))


def _as_choice(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def scale_choices() -> list[tuple[str, str]]:
    return [
        ("1-4", _("1 to 4 (4 is the most)")),
        ("4-1", _("1 to 4 (1 is the most)")),
        ("1-5", _("1 to 5 (5 is the most)")),
        ("5-1", _("1 to 5 (1 is the most)")),
        ("1-10", _("1 to 10 (10 is the most)")),
        ("10-1", _("1 to 10 (1 is the most)")),
        ("grades", _("school grades 1 to 6 (1 is the best)")),
        ("0-10", _("0 to 10 (10 is the most)")),
        ("1-3", _("1 to 3 (3 is the most)")),
    ]
