"""Proposals for what a file leaves out, from what else its rows say.

The import's place for steps that know more than the file: the kind of system from its name
(kinds.py), the facts of products recognised in the catalogue (catalogue_step.py). A step
looks at the rows of a plan and proposes values for fields that are empty there, or, for a
field holding several values (capabilities), values to add beside the file's own. A proposal
never overwrites or removes a value the file holds. Each step has a switch in the preview
("apply all"); a step sure enough of itself is on by default. The person's switch is kept
with the import's decisions.

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
    #: The values (a list) go beside those the file holds in the cell, instead of only into
    #: an empty cell: the file says "Vertrieb", the catalogue knows Pipedrive is a CRM.
    adds: bool = False

    def fits(self) -> bool:
        """Whether the proposal leaves every value of the file as it is."""
        return self.adds or is_empty(self.row.values.get(self.field))

    def apply(self, step_key: str) -> None:
        current = self.row.values.get(self.field)
        value = self.value
        if self.adds and not is_empty(current):
            value = [*current, *self.value]
        self.row.values[self.field] = value
        self.row.proposed[self.field] = (self.value, step_key)


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
    #: rows where the step adds values beside those the file holds in the cell
    beside_file: int = 0

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
    """Run each step for this target in order; applied proposals fill empty cells or add to
    a list of values (an earlier step's proposal is not replaced by a later one's)."""
    active = [row for row in rows if row.action != SKIP]
    groups = []
    for step in STEPS:
        if target.key not in step.targets:
            continue
        found = step.propose(ProposalInput(organisation, target, active, known))
        fitting = [proposal for proposal in found if proposal.fits()]
        if not fitting:
            continue
        applied = decisions.proposal_applied(step.key, step.applied_by_default)
        beside = {id(p.row) for p in fitting if not is_empty(p.row.values.get(p.field))}
        groups.append(ProposalGroup(step, fitting, applied, len(beside)))
        if applied:
            for proposal in fitting:
                proposal.apply(step.key)
    return groups
