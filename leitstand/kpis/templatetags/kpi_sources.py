from django import template

from leitstand.kpis import sources

register = template.Library()


@register.filter
def source_shown(text: str) -> str:
    """A source Leitstand wrote itself, in the reader's language (see kpis.sources)."""
    return sources.shown(text)
