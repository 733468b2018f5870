"""Form base for tenant-owned objects: choices limited to the organisation, Bootstrap widgets,
case-insensitive unique names, and field-by-field validation while typing (HTMX)."""

from django import forms
from django.forms.renderers import TemplatesSetting

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
