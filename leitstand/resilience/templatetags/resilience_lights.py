"""Traffic lights in words: every colour also has a label and an icon (not colour alone)."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

LIGHTS = {
    "ok": (_("fine"), "success", "bi-check-circle-fill"),
    "warn": (_("needs attention"), "warning", "bi-exclamation-triangle-fill"),
    "bad": (_("problem"), "danger", "bi-x-octagon-fill"),
    "unknown": (_("not known"), "secondary", "bi-question-circle"),
}

ASPECTS = {
    "backup": _("Backup"),
    "rule": _("3-2-1-1-0"),
    "restore": _("Restore test"),
    "two_factor": _("Two-factor login"),
    "updates": _("Updates"),
    "support": _("End of support"),
    "emergency_plan": _("Emergency plan"),
}

PARTS = {
    "copies": _("3 copies of the data"),
    "media": _("on 2 different storage media"),
    "offsite": _("1 copy off site"),
    "offline": _("1 copy offline or immutable"),
    "errors": _("0 errors in a restore test within 12 months"),
}


@register.filter
def light_label(light: str) -> str:
    return LIGHTS[str(light)][0]


@register.filter
def light_colour(light: str) -> str:
    return LIGHTS[str(light)][1]


@register.filter
def light_icon(light: str) -> str:
    return LIGHTS[str(light)][2]


@register.filter
def aspect_label(aspect: str) -> str:
    return ASPECTS[aspect]


@register.filter
def part_label(part: str) -> str:
    return PARTS[part]


@register.simple_tag
def lights_legend() -> list[tuple[str, str, str, str]]:
    return [(key, label, colour, icon) for key, (label, colour, icon) in LIGHTS.items()]


@register.filter
def as_light(value) -> str:
    """True/False/None of a yardstick part as a light."""
    if value is True:
        return "ok"
    return "bad" if value is False else "unknown"
