"""One way to show money, hours and shares, in the user's language."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from leitstand.core.language import is_german


def _number(value: float | Decimal, decimals: int) -> str:
    # Django's number_format cuts extra digits off; round half up first, as people expect.
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return formats.number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_eur(value: float | Decimal | None, decimals: int = 0) -> str:
    """12.345 € in German, €12,345 in English; '—' for an unknown amount."""
    if value is None:
        return "—"
    text = _number(value, decimals)
    if is_german():
        return f"{text}\u00a0€"
    if text.startswith("-"):
        return f"-€{text[1:]}"
    return f"€{text}"


def format_hours(value: float | Decimal | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return _("%(hours)s h") % {"hours": _number(value, decimals)}


def format_number(value: float | Decimal | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return _number(value, decimals)
