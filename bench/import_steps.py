"""CPU time of an import's steps, grouped by the issue that added them (`python -m bench import`).

Issue 14 bounds the import's slow-down by its value matching (at most 10 %); other issues
added steps of their own since (staging of large lists, issue 22; catalogue proposals,
issue 15). To show each share honestly, the steps' functions are wrapped while the import
runs and their CPU time summed; what no step covers (transactions, the import record, the
audit entry) is "the rest".
"""

import importlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

VALUES = "value matching and mapping (issue 14)"
OTHERS = "added by other issues"
BASE = "reading, checking and writing"
GROUPS = (VALUES, OTHERS, BASE)

#: (module, function, what the step does, group). A function is wrapped where it is called
#: from, so the module is the caller's (services imports read_sheets by name).
STEPS = (
    ("leitstand.imports.services", "read_sheets", "read the file", BASE),
    ("leitstand.imports.services", "detect_lists", "find the header row, map the columns", VALUES),
    ("leitstand.imports.memory", "recall", "recall the mapping of the last import", VALUES),
    ("leitstand.imports.memory", "remember", "remember the mapping and the choices", VALUES),
    ("leitstand.imports.planning", "_read_rows", "read the cells, values understood", VALUES),
    ("leitstand.imports.planning", "reconcile", "reconcile people and departments", VALUES),
    ("leitstand.imports.planning", "_check_rows", "check rows, plan new entries", BASE),
    ("leitstand.imports.planning", "_new_references", "check rows, plan new entries", BASE),
    ("leitstand.imports.planning", "match_existing", "match rows with stored ones", BASE),
    (
        "leitstand.imports.staging",
        "create_staging",
        "staging of lists over 5,000 rows (22)",
        OTHERS,
    ),
    ("leitstand.imports.staging", "move_rows", "staging of lists over 5,000 rows (22)", OTHERS),
    ("leitstand.imports.services", "write_plan", "write the rows", BASE),
)
#: Proposal steps (leitstand/imports/proposals.py) by key.
PROPOSAL_STEPS = {
    "kind_from_name": ("kinds from names", VALUES),
    "product_catalogue": ("catalogue proposals (15)", OTHERS),
}
REST = "the rest (transactions, import record, audit entry)"


class StepTimes:
    """Sums of CPU seconds per step while `watching()`; `total` is set by the caller."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.group: dict[str, str] = {REST: BASE}
        self.total = 0.0

    def _timed(self, label: str, group: str, function: Callable) -> Callable:
        self.group[label] = group

        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.cpu[label] += time.process_time() - started

        return timed

    @contextmanager
    def watching(self) -> Iterator["StepTimes"]:
        from leitstand.imports import proposals

        originals = []
        for module_name, name, label, group in STEPS:
            module = importlib.import_module(module_name)
            originals.append((module, name, getattr(module, name)))
            setattr(module, name, self._timed(label, group, getattr(module, name)))
        steps = list(proposals.STEPS)
        proposals.STEPS[:] = [
            replace(
                step,
                propose=self._timed(
                    *PROPOSAL_STEPS.get(step.key, (step.key, OTHERS)), step.propose
                ),
            )
            for step in steps
        ]
        try:
            yield self
        finally:
            proposals.STEPS[:] = steps
            for module, name, original in originals:
                setattr(module, name, original)

    def by_group(self) -> dict[str, dict[str, float]]:
        """group -> {step: CPU seconds}, with the rest of the total in BASE."""
        grouped: dict[str, dict[str, float]] = {group: {} for group in GROUPS}
        for label, seconds in self.cpu.items():
            grouped[self.group[label]][label] = seconds
        grouped[BASE][REST] = self.total - sum(self.cpu.values())
        return grouped


def print_split(new: StepTimes, again: StepTimes) -> None:
    """Both imports' steps side by side, each group with its sum."""
    print(f"  CPU time by step (the issue that added it):{'new':>17} {'again':>10}")
    new_groups, again_groups = new.by_group(), again.by_group()
    for group in GROUPS:
        steps = sorted(set(new_groups[group]) | set(again_groups[group]))
        print(
            f"    {group + ':':<54}{sum(new_groups[group].values()) * 1000:6.0f} ms"
            f" {sum(again_groups[group].values()) * 1000:7.0f} ms"
        )
        for step in steps:
            print(
                f"      {step:<52}{new_groups[group].get(step, 0) * 1000:6.0f} ms"
                f" {again_groups[group].get(step, 0) * 1000:7.0f} ms"
            )
