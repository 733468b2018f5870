"""Widgets that stay fast with long choice lists."""

from html import escape

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe

from leitstand.landscape.cache import cached_for_landscape


class FastSelect(forms.Select):
    """A single-choice <select> built in Python.

    Django renders every <option> through a template (about 0.1 ms each) and builds a model
    instance per row, so a list of a thousand people would add 100 ms to a page. This widget
    writes the same markup directly and, when the model names its label column
    (`choice_label_field`, whose value is what `str()` shows), reads only ids and labels.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = {str(item) for item in self.format_value(value)}
        options = "".join(
            f'<option value="{choice}"{" selected" if choice in selected else ""}>{label}</option>'
            for choice, label in self._escaped_pairs()
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
