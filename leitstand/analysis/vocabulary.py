"""The words of the method that models and rules share: methods, frequencies, states, severity.

The Django models take their choice values from here, so a rule and a form never disagree.
"""

from enum import StrEnum


class Method(StrEnum):
    """How data gets from one system to another."""

    API = "api"
    EVENT = "event"
    SHARED_DATABASE = "shared_database"
    FILE = "file"
    MANUAL = "manual"
    SPREADSHEET = "spreadsheet"
    EMAIL = "email"
    PAPER = "paper"


class MethodCategory(StrEnum):
    """Automated (no person per run), file (a person exports and imports) or manual."""

    AUTOMATED = "automated"
    FILE = "file"
    MANUAL = "manual"


METHOD_CATEGORY: dict[str, MethodCategory] = {
    Method.API: MethodCategory.AUTOMATED,
    Method.EVENT: MethodCategory.AUTOMATED,
    Method.SHARED_DATABASE: MethodCategory.AUTOMATED,
    Method.FILE: MethodCategory.FILE,
    Method.MANUAL: MethodCategory.MANUAL,
    Method.SPREADSHEET: MethodCategory.MANUAL,
    Method.EMAIL: MethodCategory.MANUAL,
    Method.PAPER: MethodCategory.MANUAL,
}


def method_category(method: str) -> MethodCategory:
    return METHOD_CATEGORY[method]


def is_automated(method: str) -> bool:
    """Whether a flow runs without a person: it follows from the method alone."""
    return METHOD_CATEGORY[method] is MethodCategory.AUTOMATED


class Frequency(StrEnum):
    """'N per day' means per working day; 'per event' means N expected events a year."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    EVENT = "event"


class FlowStatus(StrEnum):
    ACTIVE = "active"
    PLANNED = "planned"
    RETIRED = "retired"


class Lifecycle(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    PHASE_OUT = "phase_out"
    RETIRED = "retired"


#: Systems that run today: the ones that can overlap, fail or hold data now.
IN_OPERATION = frozenset({Lifecycle.ACTIVE, Lifecycle.PHASE_OUT})


class SystemKind(StrEnum):
    """What a system is (DOMAIN.md, kinds of system); where it runs is its hosting.
    An empty kind means not known: never read as "application"."""

    APPLICATION = "application"  # a business application: ERP, CRM, shop
    SUITE = "suite"  # an office or collaboration suite: Microsoft 365, Google Workspace
    INFRASTRUCTURE = "infrastructure"  # firewall, NAS, server, backup software, telephone system
    DEVICE = "device"  # a class of devices: hand scanners, tablets
    SPREADSHEET = "spreadsheet"  # a spreadsheet or file (also a small Access database)
    AUTHORITY_PORTAL = "authority_portal"  # a public authority's portal: ELSTER
    UNKNOWN = ""


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more urgent."""
        return SEVERITY_RANK[self]


SEVERITY_RANK = {Severity.HIGH: 3, Severity.MEDIUM: 2, Severity.LOW: 1, Severity.INFO: 0}


NON_EU = "non_eu"
