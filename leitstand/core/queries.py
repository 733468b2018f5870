"""Reading numbers in bulk: decimal columns as text, turned into Decimal by hand."""

from decimal import Decimal

from django.db.models import CharField
from django.db.models.functions import Cast


def as_text(field: str) -> Cast:
    """A decimal column read as text: exact, and far cheaper to turn into a Decimal than
    Django's per-value converters (which took 0.35 s of 0.6 s at 50,000 flows)."""
    return Cast(field, output_field=CharField())


def decimal_or_none(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
