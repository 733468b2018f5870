"""Business processes as the analysis reads them: ordered steps and automation scenarios.

Loaded into `Snapshot.processes` by `leitstand.processes.records.process_records`. A step's
minutes are a person's working time per run (an automated step nobody watches has 0), the
same meaning as an integration's minutes per run.
"""

from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

ZERO = Decimal(0)


class Needed(StrEnum):
    """Does the step add value? 'no' makes it a finding: remove it, don't automate it."""

    YES = "yes"
    NO = "no"
    UNCLEAR = "unclear"


class ProcessStep(NamedTuple):
    id: int
    name: str
    position: int
    automated: bool = False
    minutes_per_run: Decimal = ZERO
    error_rate_percent: Decimal = ZERO
    minutes_to_fix_error: Decimal = ZERO
    needed: str = Needed.YES
    department_id: int | None = None
    role: str = ""
    system_id: int | None = None
    integration_id: int | None = None  # the manual integration this step performs, if any


class AutomationScenario(NamedTuple):
    """What changes: `step_ids` take `minutes_after` together per run, at `error_rate_after`."""

    id: int
    name: str
    step_ids: tuple[int, ...]
    minutes_after: Decimal = ZERO
    error_rate_after_percent: Decimal = ZERO
    investment: Decimal = ZERO
    running_cost_per_year: Decimal = ZERO
    automates_steps: bool = True


class Process(NamedTuple):
    id: int
    name: str
    frequency: str
    runs_per_period: Decimal
    owner_id: int | None = None
    department_id: int | None = None
    revenue_per_run: Decimal | None = None
    revenue_per_year: Decimal | None = None
    steps: tuple[ProcessStep, ...] = ()  # in order
    scenarios: tuple[AutomationScenario, ...] = ()

    @property
    def system_ids(self) -> tuple[int, ...]:
        """The systems its steps use, each once, in the order of the steps."""
        return tuple(dict.fromkeys(s.system_id for s in self.steps if s.system_id is not None))
