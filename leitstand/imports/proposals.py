"""Proposals for cells a file leaves empty, from what else its rows say.

The import's place for steps that know more than the file: the kind of system from its name
(kinds.py); later, for example, products recognised in a catalogue. A step looks at the rows
of a plan and proposes values for fields that are empty there. A proposal never overwrites a
value the file holds. Each step has a switch in the preview ("apply all"); a step sure enough
of itself is on by default. The person's switch is kept with the import's decisions.

A step is registered with `register(ProposalStep(...))`, for example from an app's
`AppConfig.ready()`; `propose` gets a `ProposalInput` and returns `Proposal`s.
"""

from collections.abc import Callable
from dataclasses import dataclass

from leitstand.imports.decisions import Decisions
from leitstand.imports.rows import SKIP, RowResult, is_empty
from leitstand.imports.targets import ImportTarget


@dataclass(frozen=True)
class Proposal:
    row: RowResult
    field: str
    value: object  # as a cell of that field reads (a choice value, a name of a reference)
    reason: str  # shown beside it: "from the name (“.xlsx”)"


@dataclass(frozen=True)
class ProposalInput:
    organisation: object
    target: ImportTarget
    rows: list[RowResult]  # the rows that are imported (skipped ones left out)
    known: dict  # reference key -> {lower name: existing object}


@dataclass(frozen=True)
class ProposalStep:
    key: str  # kept in the decisions: {"proposals": {key: applied}}
    label: object  # what the preview calls the step (a lazy translation)
    targets: tuple[str, ...]
    propose: Callable[[ProposalInput], list[Proposal]]
    applied_by_default: bool = True


@dataclass
class ProposalGroup:
    """One step's proposals in this import, and whether they are applied."""

    step: ProposalStep
    proposals: list[Proposal]
    applied: bool

    @property
    def field_name(self) -> str:
        """The form field of the switch in the preview."""
        return f"proposals:{self.step.key}"

    @property
    def row_count(self) -> int:
        """How many rows the step fills cells in (a row may get several cells)."""
        return len({id(proposal.row) for proposal in self.proposals})

    def rows_with(self, field_name: str) -> int:
        return sum(1 for proposal in self.proposals if proposal.field == field_name)


STEPS: list[ProposalStep] = []


def register(step: ProposalStep) -> None:
    if any(existing.key == step.key for existing in STEPS):
        raise ValueError(f"A proposal step {step.key!r} is registered already.")
    STEPS.append(step)


def propose(
    organisation, target: ImportTarget, rows: list[RowResult], known: dict, decisions: Decisions
) -> list[ProposalGroup]:
    """Run each step for this target in order; applied proposals fill empty cells only (and
    an earlier step's proposal is not replaced by a later one's)."""
    active = [row for row in rows if row.action != SKIP]
    groups = []
    for step in STEPS:
        if target.key not in step.targets:
            continue
        found = step.propose(ProposalInput(organisation, target, active, known))
        fitting = [p for p in found if is_empty(p.row.values.get(p.field))]
        if not fitting:
            continue
        applied = decisions.proposal_applied(step.key, step.applied_by_default)
        groups.append(ProposalGroup(step, fitting, applied))
        if applied:
            for proposal in fitting:
                proposal.row.values[proposal.field] = proposal.value
                proposal.row.proposed[proposal.field] = (proposal.value, step.key)
    return groups
