"""Form base for tenant-owned objects: choices limited to the organisation, Bootstrap widgets,
case-insensitive unique names, and field-by-field validation while typing (HTMX)."""

from decimal import Decimal

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils import formats

from leitstand.core.language import is_german
from leitstand.core.names import name_taken, name_taken_message
from leitstand.core.widgets import FastSelect
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


def localize_numbers(form: forms.BaseForm) -> None:
    """Decimal and integer fields of `form` show and read numbers in the user's language."""
    for name, field in form.fields.items():
        if not isinstance(field, forms.DecimalField | forms.IntegerField):
            continue
        attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("step", "min", "max")}
        field.widget = LocalNumberInput(attrs, grouping=not _is_calendar_year(name, field))
        original = field.to_python
        field.to_python = lambda value, _original=original: _original(local_number_text(value))


def style_widget(widget: forms.Widget) -> None:
    classes = widget.attrs.get("class", "").split()
    css = css_class_for(widget)
    if css not in classes:
        widget.attrs["class"] = " ".join([*classes, css])


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
        localize_numbers(self)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and issubclass(queryset.model, TenantModel):
                field.queryset = queryset.filter(organisation=organisation)
            if type(field.widget) is forms.Select:
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)
            style_widget(field.widget)
            if isinstance(field, forms.URLField):
                field.assume_scheme = "https"
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"
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
