"""An import-linter contract of our own: no import cycle between any two modules.

import-linter's own `acyclic_siblings` compares packages; ours compares modules, so a lower
half (records, models) may be imported by another app's pages while its pages import the
shared loader, but no chain of imports ever leads back to where it started (such a cycle is
what a late import inside a function used to hide). Imports inside functions count.
"""

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class AcyclicModulesContract(Contract):
    type_name = "acyclic_modules"

    root = fields.StringField()
    skip = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        skipped = tuple(self.skip or ())  # type: ignore[arg-type]
        modules = {
            module
            for module in graph.find_descendants(str(self.root))
            if not any(f".{part}." in f"{module}." for part in skipped)
        }
        imports = {
            module: sorted(graph.find_modules_directly_imported_by(module) & modules)
            for module in modules
        }
        cycles = _cycles(imports)
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle in check.metadata["cycles"]:
            output.print_error(" -> ".join([*cycle, cycle[0]]))
            output.new_line()


def _cycles(imports: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(imports):
        if start in index:
            continue
        work = [(start, iter(imports[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(imports[child])))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found
