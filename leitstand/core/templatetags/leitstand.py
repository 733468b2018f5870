from django import template

from leitstand.core import formatting
from leitstand.core.forms import css_class_for

register = template.Library()


@register.filter
def eur(value, decimals: int = 0) -> str:
    return formatting.format_eur(value, int(decimals))


@register.filter
def hours(value, decimals: int = 0) -> str:
    return formatting.format_hours(value, int(decimals))


@register.filter
def number(value, decimals: int = 0) -> str:
    return formatting.format_number(value, int(decimals))


@register.filter
def get_field(form, name: str):
    return form[name]


@register.simple_tag(takes_context=True)
def sort_link(context, key: str) -> str:
    """Query string that sorts by `key`, flipping direction when it is already sorted by it."""
    params = context["request"].GET.copy()
    current = params.get("sort", "")
    params["sort"] = f"-{key}" if current == key else key
    params.pop("page", None)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def sort_indicator(context, key: str) -> str:
    current = context["request"].GET.get("sort", "")
    if current == key:
        return "▲"
    if current == f"-{key}":
        return "▼"
    return ""


@register.filter
def styled(field):
    """Render a bound field's widget with its Bootstrap class, marked invalid when it has errors."""
    widget = field.field.widget
    classes = widget.attrs.get("class", "").split()
    for css in (css_class_for(widget), "is-invalid" if field.errors else ""):
        if css and css not in classes:
            classes.append(css)
    return field.as_widget(attrs={"class": " ".join(classes)})
