from django import template

from leitstand.products import selectors

register = template.Library()


@register.filter
def capability_label(key: str) -> str:
    return selectors.capability_label(key)


@register.filter
def kind_label(key: str) -> str:
    return str(selectors.KIND_LABELS.get(key, key))


@register.filter
def eu_label(key: str) -> str:
    return str(selectors.EU_LABELS.get(key, key))


@register.filter
def hosting_label(key: str) -> str:
    return str(selectors.HOSTING_LABELS.get(key, key))


@register.filter
def category_label(key: str) -> str:
    return selectors.category_label(key)


@register.filter
def field_label(key: str) -> str:
    return selectors.field_labels([key])[0]
