"""Widgets that stay fast with long choice lists."""

from html import escape

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from leitstand.landscape.cache import cached_for_landscape


class FastSelect(forms.Select):
    """A single-choice <select> built in Python.

    Django renders every <option> through a template (about 0.1 ms each) and builds a model
    instance per row, so a list of a thousand people would add 100 ms to a page. This widget
    writes the same markup directly and, when the model names its label column
    (`choice_label_field`, whose value is what `str()` shows), reads only ids and labels.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        return self._render(name, value, attrs, self._escaped_pairs())

    def _render(self, name, value, attrs, pairs, extra_attrs=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        final_attrs.update(extra_attrs or {})
        selected = {str(item) for item in self.format_value(value)}
        options = "".join(
            f'<option value="{choice}"{" selected" if choice in selected else ""}>{label}</option>'
            for choice, label in pairs
        )
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308  (escaped)

    def _escaped_pairs(self) -> list[tuple[str, str]]:
        """(value, label) of every option, escaped. A long list of an organisation's people or
        vendors is kept until its landscape changes (leitstand.landscape.cache): the
        list page reads it on every visit."""
        choices = self.choices
        label_field = getattr(getattr(choices, "queryset", None), "model", None)
        label_field = getattr(label_field, "choice_label_field", None)
        if not isinstance(choices, ModelChoiceIterator) or label_field is None:
            return _escaped(choices)
        empty = choices.field.empty_label
        pairs = _escaped([("", empty)]) if empty is not None else []
        rows = choices.queryset.values_list("pk", label_field)
        organisation = _organisation_of(choices.queryset)
        if organisation is None:
            return pairs + _escaped(rows)
        sql, params = rows.query.sql_with_params()
        return pairs + cached_for_landscape(
            organisation, f"choices {sql} {params}", lambda: _escaped(rows)
        )


#: A choice list longer than this becomes a type-ahead field (`TypeAheadSelect`).
TYPEAHEAD_AFTER = 50


class TypeAheadSelect(FastSelect):
    """A filter's choice of a person, vendor, department ...: a <select> while the list is
    short; beyond TYPEAHEAD_AFTER entries only "all" and the chosen entry, and
    static/js/leitstand.js puts a search field beside it that asks the model's small JSON
    endpoint (`choices_url_name` on the model, see leitstand.core.views.choices_json) for the
    entries matching what is typed. A page with a thousand people then sends two options,
    not a thousand."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        url = self._choices_url()
        pairs = self._escaped_pairs()
        if url is None or len(pairs) <= TYPEAHEAD_AFTER + 1:
            return self._render(name, value, attrs, pairs)
        selected = {str(item) for item in self.format_value(value)}
        kept = [(choice, label) for choice, label in pairs if choice == "" or choice in selected]
        hint = {"data-typeahead": url, "data-typeahead-hint": _("Type to search")}
        return self._render(name, value, attrs, kept, hint)

    def _choices_url(self) -> str | None:
        queryset = getattr(self.choices, "queryset", None)
        url_name = getattr(getattr(queryset, "model", None), "choices_url_name", None)
        organisation = _organisation_of(queryset) if url_name else None
        if organisation is None:
            return None
        return reverse(url_name, kwargs={"org": organisation.slug})


def _escaped(pairs) -> list[tuple[str, str]]:
    # The standard library's escape: the same five characters as Django's, without the
    # lazy-string wrapper that cost 5 microseconds per call (two calls per option).
    return [(escape(str(choice)), escape(str(label))) for choice, label in pairs]


def _organisation_of(queryset):
    """The organisation a `for_org` queryset is scoped to (it remembers it), else None."""
    for field, known in queryset._known_related_objects.items():
        if field.name == "organisation" and len(known) == 1:
            return next(iter(known.values()))
    return None


class TypeAheadCheckboxes(forms.CheckboxSelectMultiple):
    """Many choices from a long list (the master systems of a data object, the systems of an
    initiative), which OrgModelForm uses instead of checkboxes or a multiple select beyond
    TYPEAHEAD_AFTER entries: only the chosen entries, ticked (untick to remove), and
    static/js/typeahead.js puts a search field below them that asks the model's JSON endpoint
    (`choices_url_name`) and adds the entry picked, ticked. Fifty thousand systems would be
    20 MB of checkboxes."""

    def __init__(self, *, organisation, attrs=None, choices=()) -> None:
        super().__init__(attrs=attrs, choices=choices)
        self.organisation = organisation

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        queryset = self.choices.queryset
        model = queryset.model
        chosen = [str(item) for item in self.format_value(value) if str(item).isdigit()]
        rows = queryset.filter(pk__in=chosen).values_list("pk", model.choice_label_field)
        final_attrs = self.build_attrs(self.attrs, attrs)
        base_id = final_attrs.pop("id", f"id_{name}")
        boxes = "".join(
            f'<div class="form-check"><input type="checkbox" name="{escape(name)}" '
            f'value="{pk}" id="{escape(base_id)}_{pk}" checked{flatatt(final_attrs)}>'
            f'<label class="form-check-label" for="{escape(base_id)}_{pk}">{escape(label)}'
            "</label></div>"
            for pk, label in rows
        )
        url = reverse(model.choices_url_name, kwargs={"org": self.organisation.slug})
        search = flatatt(
            {
                "data-typeahead-many": url,
                "data-name": name,
                "data-id": base_id,
                "data-hint": _("Type to search and add"),
                "class": "typeahead-many border rounded p-2",
            }
        )
        return mark_safe(f"<div{search}>{boxes}</div>")  # noqa: S308  (escaped)


class TypeAheadChoice(forms.Select):
    """One choice from a long list in a form (a step's system, a system's owner), which
    OrgModelForm uses beyond TYPEAHEAD_AFTER entries: the empty entry and the chosen one, and
    static/js/leitstand.js puts the type-ahead search field beside it (as for the filters'
    `TypeAheadSelect`). Fifty thousand systems would be 2 MB of options."""

    def __init__(self, *, organisation, attrs=None, choices=()) -> None:
        super().__init__(attrs=attrs, choices=choices)
        self.organisation = organisation

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        field = self.choices.field
        model = self.choices.queryset.model
        chosen = [str(item) for item in self.format_value(value) if str(item).isdigit()]
        rows = self.choices.queryset.filter(pk__in=chosen).values_list(
            "pk", model.choice_label_field
        )
        pairs = _escaped([("", field.empty_label or ""), *rows])
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        final_attrs["data-typeahead"] = reverse(
            model.choices_url_name, kwargs={"org": self.organisation.slug}
        )
        final_attrs["data-typeahead-hint"] = _("Type to search")
        selected = set(chosen)
        options = "".join(
            f'<option value="{choice}"{" selected" if choice in selected else ""}>{label}</option>'
            for choice, label in pairs
        )
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308  (escaped)
