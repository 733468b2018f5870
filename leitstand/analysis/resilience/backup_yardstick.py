"""Pure yardsticks over one system's resilience facts (no ORM): usable with the model row and
with the analysis snapshot's `SystemResilienceFacts` alike, as both carry the same field names.

A restore test or emergency-plan test counts for 12 months (DOMAIN.md, "Resilience: per
system"); an older one counts as none.
"""

from datetime import date

TWO_FACTOR_NONE = "none"
TWO_FACTOR_OFFERED = "offered"
TWO_FACTOR_ENFORCED = "enforced"

UPDATES_CURRENT = "current"
UPDATES_WEEKS = "weeks"
UPDATES_MONTHS = "months"
UPDATES_YEARS = "years"

TEST_VALID_DAYS = 365  # "within the last 12 months"

# The five parts of the 3-2-1-1-0 yardstick, in order.
RULE_PARTS = ("copies", "media", "offsite", "offline", "errors")
MIN_COPIES = 3
MIN_MEDIA = 2


def within_twelve_months(day: date | None, as_of: date) -> bool:
    """True if `day` lies at most 12 months before `as_of` (a future day does not count)."""
    return day is not None and 0 <= (as_of - day).days <= TEST_VALID_DAYS


def restore_tested(resilience, as_of: date) -> bool:
    """A restore test with a good result within the last 12 months."""
    if resilience is None:
        return False
    return resilience.restore_test_ok is True and within_twelve_months(
        resilience.restore_tested_on, as_of
    )


def emergency_plan_tested(resilience, as_of: date) -> bool:
    """An emergency plan that exists and was tested within the last 12 months."""
    if resilience is None:
        return False
    return resilience.emergency_plan is not False and within_twelve_months(
        resilience.emergency_plan_tested_on, as_of
    )


def _at_least(value: int | None, minimum: int) -> bool | None:
    return None if value is None else value >= minimum


def rule_3_2_1_1_0(resilience, as_of: date) -> dict[str, bool | None]:
    """The five parts of 3-2-1-1-0: True met, False not met, None not known.

    3 copies, 2 media, 1 copy off site, 1 copy offline or immutable, 0 errors in the last restore
    test (a test older than 12 months counts as none, so the part is not met).
    """
    if resilience is None:
        return dict.fromkeys(RULE_PARTS)
    if resilience.backup_exists is False:
        return dict.fromkeys(RULE_PARTS, False)
    if resilience.restore_tested_on is None:
        # With a backup but no restore test recorded, nobody has seen it restore: not met.
        nothing_known = resilience.backup_exists is None and resilience.restore_test_ok is None
        errors = None if nothing_known else False
    elif not within_twelve_months(resilience.restore_tested_on, as_of):
        errors = False
    else:
        errors = resilience.restore_test_ok
    return {
        "copies": _at_least(resilience.backup_copies, MIN_COPIES),
        "media": _at_least(resilience.backup_media, MIN_MEDIA),
        "offsite": resilience.backup_offsite,
        "offline": resilience.backup_offline,
        "errors": errors,
    }


def rule_met(parts: dict[str, bool | None]) -> bool | None:
    """All five met: True; any one failed: False; otherwise (some unknown) None."""
    values = parts.values()
    if any(value is False for value in values):
        return False
    if any(value is None for value in values):
        return None
    return True
