"""Pure helpers over one system's resilience facts, as the shared contract names them.

They live in `leitstand.analysis.backup_yardstick` because the analysis package must not import
Django apps; this module is the app-side name for the same functions.
"""

from leitstand.analysis.backup_yardstick import (
    MIN_COPIES,
    MIN_MEDIA,
    RULE_PARTS,
    TEST_VALID_DAYS,
    TWO_FACTOR_ENFORCED,
    TWO_FACTOR_NONE,
    TWO_FACTOR_OFFERED,
    UPDATES_CURRENT,
    UPDATES_MONTHS,
    UPDATES_WEEKS,
    UPDATES_YEARS,
    emergency_plan_tested,
    restore_tested,
    rule_3_2_1_1_0,
    rule_met,
    within_twelve_months,
)

__all__ = [
    "MIN_COPIES",
    "MIN_MEDIA",
    "RULE_PARTS",
    "TEST_VALID_DAYS",
    "TWO_FACTOR_ENFORCED",
    "TWO_FACTOR_NONE",
    "TWO_FACTOR_OFFERED",
    "UPDATES_CURRENT",
    "UPDATES_MONTHS",
    "UPDATES_WEEKS",
    "UPDATES_YEARS",
    "emergency_plan_tested",
    "restore_tested",
    "rule_3_2_1_1_0",
    "rule_met",
    "within_twelve_months",
]
