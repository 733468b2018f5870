"""Form base for tenant-owned objects: choices limited to the organisation, Bootstrap widgets,
numbers and dates in the user's language, case-insensitive unique names, and field-by-field
validation while typing (HTMX)."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from leitstand.core.language import is_german
from leitstand.core.names import name_taken, name_taken_message
from leitstand.core.widgets import (
    TYPEAHEAD_AFTER,
    FastSelect,
    TypeAheadCheckboxes,
    TypeAheadChoice,
)
from leitstand.tenancy.models import Organisation, TenantModel


class FormRenderer(TemplatesSetting):
    """Renders `{{ form }}` and `{{ field.as_field_group }}` with Bootstrap markup."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def css_class_for(widget: forms.Widget) -> str:
    """The Bootstrap class a widget needs."""
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


class LocalNumberInput(forms.TextInput):
    """A number as people write it in their language: 8.500.000,00 in German, 8,500,000.00 in
    English (a browser's number field shows neither the grouping nor, everywhere, the comma)."""

    def __init__(self, attrs=None, grouping: bool = True):
        super().__init__({"inputmode": "decimal", **(attrs or {})})
        self.grouping = grouping

    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return formats.number_format(value, use_l10n=True, force_grouping=self.grouping)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        # A browser number field's limits, set by a form for its old widget, mean nothing here.
        context = super().get_context(name, value, attrs)
        for limit in ("step", "min", "max"):
            context["widget"]["attrs"].pop(limit, None)
        return context


def _is_calendar_year(name: str, field: forms.Field) -> bool:
    """A year such as "founded in 2004": written without grouping (not 2.004)."""
    return (
        isinstance(field, forms.IntegerField)
        and (name == "year" or name.endswith("_year"))
        and not name.endswith("per_year")
    )


def local_number_text(value):
    """What a person typed, as Python reads a number: German "8.500.000,00" and "12,5",
    English "8,500,000.00"; a single dot before other than three digits is a decimal point in
    either language ("12.5")."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if is_german():
        if "," in text:
            return text.replace(".", "").replace(",", ".")
        _whole, dot, decimals = text.rpartition(".")
        if dot and text.count(".") == 1 and len(decimals) != 3:
            return text
        return text.replace(".", "")
    return text.replace(",", "")


def date_placeholder() -> str:
    """The language's date format in plain words: TT.MM.JJJJ in German, YYYY-MM-DD in English."""
    words = {
        "%d": pgettext("date placeholder", "DD"),
        "%m": pgettext("date placeholder", "MM"),
        "%Y": pgettext("date placeholder", "YYYY"),
        "%y": pgettext("date placeholder", "YY"),
    }
    first = formats.get_format("DATE_INPUT_FORMATS")[0]
    return re.sub(r"%[dmYy]", lambda code: words[code[0]], first)


class LocalDateInput(forms.DateInput):
    """A date as people write it in the page's language: 07.12.2026 in German, 2026-12-07 in
    English (the first of the language's DATE_INPUT_FORMATS, leitstand/formats). A text field:
    a browser's date field shows the browser's language, not the page's."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", date_placeholder())
        return context


#: Three groups of digits: a date in some form, but not one the calendar has (31.02.2026).
_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def date_problem(text: str) -> str:
    """Why `text` is not read as a date, and how to write one, in the user's language."""
    hint = {
        "format": date_placeholder(),
        "example": formats.localize_input(timezone.localdate()),
        "value": text,
    }
    if _DATE_SHAPE.match(text.strip()):
        return (
            _(
                "There is no day %(value)s in the calendar. Enter the date as %(format)s, "
                "for example %(example)s."
            )
            % hint
        )
    return _("Enter the date as %(format)s, for example %(example)s.") % hint


def _read_local_date(original):
    def to_python(value):
        try:
            return original(value)
        except ValidationError as error:
            if error.code != "invalid":
                raise
            raise ValidationError(date_problem(str(value)), code="invalid") from None

    return to_python


def localize_fields(form: forms.BaseForm) -> None:
    """Number and date fields of `form` show and read values in the user's language:
    8.500.000,00 and 07.12.2026 in German, 8,500,000.00 and 2026-12-07 in English; ISO dates
    are read in both."""
    for name, field in form.fields.items():
        if isinstance(field, forms.DateField):
            attrs = {k: v for k, v in field.widget.attrs.items() if k != "type"}
            field.widget = LocalDateInput(attrs)
            field.to_python = _read_local_date(field.to_python)
        if not isinstance(field, forms.DecimalField | forms.IntegerField):
            continue
        field.widget = LocalNumberInput(
            field.widget.attrs, grouping=not _is_calendar_year(name, field)
        )
        original = field.to_python
        field.to_python = lambda value, _original=original: _original(local_number_text(value))


def style_form(form: forms.BaseForm) -> None:
    """Every field of `form` in Bootstrap markup with numbers and dates in the user's language:
    what each form that is not an `OrgModelForm` calls at the end of its `__init__`."""
    localize_fields(form)
    for field in form.fields.values():
        style_widget(field.widget)


def style_widget(widget: forms.Widget) -> None:
    classes = widget.attrs.get("class", "").split()
    css = css_class_for(widget)
    if css not in classes:
        widget.attrs["class"] = " ".join([*classes, css])


def _long_choice(field: forms.Field) -> bool:
    """A choice from a list longer than TYPEAHEAD_AFTER (one COUNT) whose model offers a
    type-ahead endpoint (people, systems, departments, vendors)."""
    if not isinstance(field.widget, forms.Select | forms.CheckboxSelectMultiple):
        return False
    queryset = getattr(field, "queryset", None)
    if getattr(getattr(queryset, "model", None), "choices_url_name", None) is None:
        return False
    return queryset[: TYPEAHEAD_AFTER + 1].count() > TYPEAHEAD_AFTER


class OrgModelForm(forms.ModelForm):
    """A model form bound to one organisation.

    Every relation field offers only that organisation's objects, so a foreign id posted by
    hand is rejected as an invalid choice. Pass `validation_url` to validate each field on
    change; the view answers such HTMX requests without saving.
    """

    unique_name_field: str | None = "name"

    def __init__(
        self, *args, organisation: Organisation, validation_url: str | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        localize_fields(self)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and issubclass(queryset.model, TenantModel):
                field.queryset = queryset.filter(organisation=organisation)
            if type(field.widget) is forms.Select and _long_choice(field):
                field.widget = TypeAheadChoice(
                    organisation=organisation,
                    attrs=field.widget.attrs,
                    choices=field.widget.choices,
                )
            elif type(field.widget) is forms.Select:
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)
            elif getattr(field.widget, "allow_multiple_selected", False) and _long_choice(field):
                field.widget = TypeAheadCheckboxes(
                    organisation=organisation, choices=field.widget.choices
                )
            style_widget(field.widget)
            if isinstance(field, forms.URLField):
                field.assume_scheme = "https"
            if validation_url:
                field.widget.attrs.update(
                    {
                        "hx-post": validation_url,
                        "hx-trigger": "change",
                        "hx-target": f"#wrap-{self.prefix + '-' if self.prefix else ''}{name}",
                        "hx-select": f"#wrap-{self.prefix + '-' if self.prefix else ''}{name}",
                        "hx-swap": "outerHTML",
                        "hx-include": "closest form",
                    }
                )

    def clean(self):
        cleaned = super().clean()
        field = self.unique_name_field
        value = cleaned.get(field) if field else None
        if value and name_taken(
            self._meta.model, self.organisation, field, value, self.instance.pk
        ):
            self.add_error(field, name_taken_message(value))
        return cleaned
