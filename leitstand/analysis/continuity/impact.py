"""A process's business impact as the analysis reads it (BSI 200-4 terms, DOMAIN.md).

The damage table rates the harm an outage of the process does after 1 hour, 4 hours, 1 day,
3 days and 1 week in three categories; the maximum tolerable downtime (MTPD) is the first of
these points at which any rating reaches "high". Loaded into `Snapshot.business_impacts`.
"""

from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

#: The points in time the damage table asks about, in hours: 1 h, 4 h, 1 day, 3 days, 1 week.
DAMAGE_POINTS_HOURS = (1, 4, 24, 72, 168)
DEFAULT_OPERATING_HOURS_PER_DAY = Decimal(8)


class Damage(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    VERY_HIGH = "very_high"


class DamageCategory(StrEnum):
    MONEY = "money"
    CONTRACTS = "contracts"  # contracts and law
    REPUTATION = "reputation"  # customers and reputation


#: Ratings from which on an outage is no longer tolerable.
INTOLERABLE = frozenset({Damage.HIGH, Damage.VERY_HIGH})


def damage_field(category: str, hours: int) -> str:
    """The name of one cell of the damage table: 'damage_money_4h'."""
    return f"damage_{category}_{hours}h"


DAMAGE_FIELDS = tuple(
    damage_field(category, hours) for category in DamageCategory for hours in DAMAGE_POINTS_HOURS
)


def mtpd_hours(damage: dict[str, str]) -> int | None:
    """The first point (hours) at which any category's damage is high or very high; None when
    none reaches it within a week ("longer than a week"). Unrated cells ("") count as low."""
    for hours in DAMAGE_POINTS_HOURS:
        if any(damage.get(damage_field(c, hours)) in INTOLERABLE for c in DamageCategory):
            return hours
    return None


class BusinessImpact(NamedTuple):
    """None means not recorded. `damage` maps `DAMAGE_FIELDS` names to a `Damage` value."""

    process_id: int
    damage: dict[str, str]
    rto_hours: Decimal | None = None
    rpo_hours: Decimal | None = None
    margin_percent: Decimal | None = None
    people_idle: int | None = None
    penalty_per_hour: Decimal | None = None
    operating_hours_per_day: Decimal = DEFAULT_OPERATING_HOURS_PER_DAY

    @property
    def mtpd_hours(self) -> int | None:
        return mtpd_hours(self.damage)
