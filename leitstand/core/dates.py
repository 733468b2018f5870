"""Date arithmetic the method needs (whole months, as in contracts and support dates)."""

from datetime import date


def days_in_month(year: int, month: int) -> int:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return (next_month - date(year, month, 1)).days


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier when negative), clipped to the month's end."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, days_in_month(year, month)))
