"""How the analysis' messages read: each app registers the wording of its findings, and this
module renders any message in the reader's language, numbers formatted as everywhere else.

The analysis has no translations: a message is a key plus typed numbers
(`leitstand.analysis.messages`). The app that owns a finding keeps its templates in its
`explanations.py` and registers them in its AppConfig.ready(), as panels are registered:

    from leitstand.core.wording import wording
    wording.register(templates=PROCESS_TEMPLATES, kinds=PROCESS_KINDS, order=40)

A template with a `count` may have singular and plural forms, chosen by the number
(`plural_n`). Parameters are formatted by their type: money with the one money formatter,
hours with the hours formatter, and so on.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db.models import Choices
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.analysis import messages as m
from leitstand.core.formatting import format_eur, format_hours, format_number

SEVERITIES = {
    "high": gettext_lazy("high"),
    "medium": gettext_lazy("medium"),
    "low": gettext_lazy("low"),
    "info": gettext_lazy("note"),
}


class Wording:
    """The registry behind TEMPLATES, KINDS, GAP_FIELDS and the labels of `Term` values."""

    def __init__(self) -> None:
        self._entries: list[tuple[int, int, dict]] = []
        self.templates: dict[str, object] = {}
        self.kinds: dict[str, object] = {}
        self.gap_fields: dict[str, object] = {}

    def register(
        self,
        *,
        templates: Mapping[str, object] | None = None,
        kinds: Mapping[str, object] | None = None,
        gap_fields: Mapping[str, object] | None = None,
        terms: Mapping[str, type[Choices]] | None = None,
        order: int = 100,
    ) -> None:
        """Add an app's wording. `terms` maps a prefix to a choices class: a `Term`
        "method:api" is shown as the label of `api` in the choices registered as "method"."""
        entry = {
            "templates": dict(templates or {}),
            "kinds": dict(kinds or {}),
            "gap_fields": dict(gap_fields or {}),
            "terms": dict(terms or {}),
        }
        for _order, _position, existing in self._entries:
            for part, values in entry.items():
                clash = set(values) & set(existing[part])
                if clash and any(existing[part][k] is not values[k] for k in clash):
                    raise ValueError(f"{part} registered twice: {sorted(clash)}")
        self._entries.append((order, len(self._entries), entry))
        self._entries.sort(key=lambda item: item[:2])
        merged = ((self.templates, "templates"), (self.kinds, "kinds"))
        for target, part in (*merged, (self.gap_fields, "gap_fields")):
            target.clear()
            for _order, _position, registered in self._entries:
                target.update(registered[part])

    def term_label(self, term: str) -> str:
        prefix, _sep, value = term.partition(":")
        for _order, _position, registered in self._entries:
            choices = registered["terms"].get(prefix)
            if choices is not None and value in choices.values:
                return str(choices(value).label)
        return term


wording = Wording()

#: Every registered template by message key, finding kind and data-gap field, in the order
#: of registration (`order`, then the order of the dicts): the findings page lists the kinds
#: in this order. Filled by `wording.register`; read them, never write them.
TEMPLATES = wording.templates
KINDS = wording.kinds
GAP_FIELDS = wording.gap_fields


def _decimals(value: Decimal | int, most: int) -> int:
    """As many decimals as the value has, at most `most`: 17, 7.5, 0.75 (not 0.8 or 17.00)."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    return min(most, max(0, -exponent)) if isinstance(exponent, int) else 0


def format_param(param: m.Param) -> str:
    """One parameter as text in the active language."""
    if isinstance(param, m.Eur):
        return format_eur(param.value)
    if isinstance(param, m.Hours):
        return format_hours(param.value, 1 if param.value < 100 else 0)
    if isinstance(param, m.Minutes):
        minutes = format_number(param.value, _decimals(param.value, 2))
        return _("%(minutes)s min") % {"minutes": minutes}
    if isinstance(param, m.Percent):
        return _("%(value)s%%") % {"value": format_number(param.value, _decimals(param.value, 1))}
    if isinstance(param, m.Months):
        return format_number(param.value, 1)
    if isinstance(param, m.Count):
        return format_number(param.value, _decimals(param.value, 2))
    if isinstance(param, m.Fte):
        return format_number(param.value, 2)
    if isinstance(param, m.Labels):
        return ", ".join(param.values) if param.values else _("data")
    if isinstance(param, m.Day):
        return date_format(param.value, "SHORT_DATE_FORMAT")
    if isinstance(param, m.Term):
        return wording.term_label(param.value)
    return str(param.value)


def render(message: m.Message) -> str:
    values: dict[str, str | int] = {
        name: format_param(param) for name, param in message.params.items()
    }
    count = message.params.get("count")
    if isinstance(count, m.Count):
        values["plural_n"] = int(count.value)  # picks the singular or plural template
    return str(TEMPLATES[message.key] % values)


def render_all(messages: Iterable[m.Message]) -> str:
    return " ".join(render(message) for message in messages)
