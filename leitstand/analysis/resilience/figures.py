"""Resilience figures over the snapshot: which systems are critical, traffic lights per system,
who alone can run what (bus factor), and how much hangs on one vendor. Pure: no Django.

Critical: the latest assessment rates business criticality 3 or 4. A system nobody has assessed
yet counts as critical when it holds the company's data (it is a master of a data object or
holds personal data), because losing such a system loses data, not just convenience.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from leitstand.analysis.portfolio import Support, support_status
from leitstand.analysis.resilience import backup_yardstick as yardstick
from leitstand.analysis.snapshot import Snapshot, System, SystemResilienceFacts
from leitstand.analysis.vocabulary import NON_EU

CRITICAL_FROM = 3  # business criticality on the 1-4 scale
CONCENTRATION_PERCENT = Decimal(40)  # share of critical systems or of annual cost
CONCENTRATION_HIGH_PERCENT = Decimal(60)
CONCENTRATION_MIN_SYSTEMS = 2  # one system alone is no concentration


class Light(StrEnum):
    OK = "ok"
    WARN = "warn"
    BAD = "bad"
    UNKNOWN = "unknown"


LIGHT_ORDER = {Light.BAD: 0, Light.WARN: 1, Light.UNKNOWN: 2, Light.OK: 3}
ASPECTS = ("backup", "rule", "restore", "two_factor", "updates", "support", "emergency_plan")


def today(snapshot: Snapshot) -> date:
    return snapshot.as_of or date.today()


def data_holding_ids(snapshot: Snapshot) -> frozenset[int]:
    """Systems that master a data object or hold personal data."""
    masters = {master.system_id for master in snapshot.masters}
    return frozenset(
        system.id for system in snapshot.systems if system.id in masters or system.personal_data
    )


def critical_system_ids(snapshot: Snapshot) -> frozenset[int]:
    """Systems in operation that are critical (see the module docstring for the fallback)."""
    assessed = {assessment.system_id: assessment for assessment in snapshot.assessments}
    holding = data_holding_ids(snapshot)
    critical = set()
    for system in snapshot.systems_in_operation:
        assessment = assessed.get(system.id)
        if assessment is None:
            if system.id in holding:
                critical.add(system.id)
        elif assessment.criticality >= CRITICAL_FROM:
            critical.add(system.id)
    return frozenset(critical)


# --- traffic lights per system ---------------------------------------------------------------


def _backup(row: SystemResilienceFacts | None, as_of: date) -> Light:
    if row is None or row.backup_exists is None:
        return Light.UNKNOWN
    return Light.OK if row.backup_exists else Light.BAD


def _rule(row: SystemResilienceFacts | None, as_of: date) -> Light:
    parts = yardstick.rule_3_2_1_1_0(row, as_of)
    met = yardstick.rule_met(parts)
    if met is True:
        return Light.OK
    if met is None:
        return Light.UNKNOWN
    failed = sum(1 for value in parts.values() if value is False)
    return Light.WARN if failed == 1 else Light.BAD


def _restore(row: SystemResilienceFacts | None, as_of: date) -> Light:
    if yardstick.restore_tested(row, as_of):
        return Light.OK
    if row is None or (row.backup_exists is None and row.restore_tested_on is None):
        return Light.UNKNOWN
    return Light.BAD


def _two_factor(row: SystemResilienceFacts | None, as_of: date) -> Light:
    if row is None or not row.two_factor:
        return Light.UNKNOWN
    if row.two_factor == yardstick.TWO_FACTOR_ENFORCED:
        return Light.OK
    if row.two_factor == yardstick.TWO_FACTOR_NONE and row.internet_facing:
        return Light.BAD
    return Light.WARN


UPDATE_LIGHTS = {
    yardstick.UPDATES_CURRENT: Light.OK,
    yardstick.UPDATES_WEEKS: Light.WARN,
    yardstick.UPDATES_MONTHS: Light.BAD,
    yardstick.UPDATES_YEARS: Light.BAD,
}


def _updates(row: SystemResilienceFacts | None, as_of: date) -> Light:
    return Light.UNKNOWN if row is None else UPDATE_LIGHTS.get(row.updates_behind, Light.UNKNOWN)


SUPPORT_LIGHTS = {
    Support.PAST: Light.BAD,
    Support.SOON: Light.WARN,
    Support.OK: Light.OK,
    Support.UNKNOWN: Light.UNKNOWN,
}


def _emergency_plan(row: SystemResilienceFacts | None, as_of: date) -> Light:
    if yardstick.emergency_plan_tested(row, as_of):
        return Light.OK
    if row is None or row.emergency_plan is None:
        return Light.UNKNOWN
    return Light.WARN if row.emergency_plan else Light.BAD


def system_lights(
    system: System, row: SystemResilienceFacts | None, as_of: date
) -> dict[str, Light]:
    """One light per aspect, in the order of ASPECTS."""
    return {
        "backup": _backup(row, as_of),
        "rule": _rule(row, as_of),
        "restore": _restore(row, as_of),
        "two_factor": _two_factor(row, as_of),
        "updates": _updates(row, as_of),
        "support": SUPPORT_LIGHTS[support_status(system.end_of_support, as_of)],
        "emergency_plan": _emergency_plan(row, as_of),
    }


# --- people: bus factor ----------------------------------------------------------------------


def single_person_systems(snapshot: Snapshot, critical: frozenset[int]) -> dict[int, list[int]]:
    """Person id -> the critical systems in operation they own with no deputy (bus factor 1)."""
    found: dict[int, list[int]] = defaultdict(list)
    for system in snapshot.systems:
        if system.id in critical and system.owner_id is not None and system.deputy_id is None:
            found[system.owner_id].append(system.id)
    return dict(found)


def ownerless_critical_ids(snapshot: Snapshot, critical: frozenset[int]) -> tuple[int, ...]:
    return tuple(s.id for s in snapshot.systems if s.id in critical and s.owner_id is None)


# --- vendors: concentration ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VendorShare:
    vendor_id: int
    system_ids: tuple[int, ...]  # in operation
    critical_ids: tuple[int, ...]
    critical_total: int
    cost_eur: Decimal
    cost_total_eur: Decimal

    @property
    def critical_percent(self) -> Decimal | None:
        if not self.critical_total:
            return None
        return Decimal(len(self.critical_ids) * 100) / self.critical_total

    @property
    def cost_percent(self) -> Decimal | None:
        if not self.cost_total_eur:
            return None
        return self.cost_eur * 100 / self.cost_total_eur

    @property
    def top_percent(self) -> Decimal:
        return max(self.critical_percent or Decimal(0), self.cost_percent or Decimal(0))

    @property
    def concentrated(self) -> bool:
        """At least 40 % of the critical systems or of the annual cost, with 2 systems or more."""
        if len(self.system_ids) < CONCENTRATION_MIN_SYSTEMS:
            return False
        return self.top_percent >= CONCENTRATION_PERCENT


def vendor_shares(snapshot: Snapshot, critical: frozenset[int]) -> list[VendorShare]:
    """Every vendor with a system in operation, the largest share first."""
    running = snapshot.systems_in_operation
    cost_total = sum((s.annual_cost for s in running if s.annual_cost is not None), Decimal(0))
    by_vendor: dict[int, list[System]] = defaultdict(list)
    for system in running:
        if system.vendor_id is not None:
            by_vendor[system.vendor_id].append(system)
    shares = [
        VendorShare(
            vendor_id=vendor_id,
            system_ids=tuple(s.id for s in systems),
            critical_ids=tuple(s.id for s in systems if s.id in critical),
            critical_total=len(critical),
            cost_eur=sum((s.annual_cost for s in systems if s.annual_cost), Decimal(0)),
            cost_total_eur=cost_total,
        )
        for vendor_id, systems in by_vendor.items()
    ]
    return sorted(shares, key=lambda share: (-share.top_percent, share.vendor_id))


# --- personal data outside the EU ------------------------------------------------------------


def personal_data_outside_eu_ids(snapshot: Snapshot) -> tuple[int, ...]:
    vendors = {vendor.id: vendor for vendor in snapshot.vendors}
    found = []
    for system in snapshot.systems_in_operation:
        if not system.personal_data:
            continue
        jurisdiction = system.jurisdiction
        if not jurisdiction and system.vendor_id in vendors:
            jurisdiction = vendors[system.vendor_id].jurisdiction
        if jurisdiction == NON_EU:
            found.append(system.id)
    return tuple(found)
