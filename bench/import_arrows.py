"""Counts the imports that run back up the layering (docs/ARCHITECTURE.md), and the import
cycles, with grimp (the graph import-linter checks). Late imports inside functions count.

    .venv/bin/python -m bench.import_arrows            # this checkout
    PYTHONPATH=/path/to/other/checkout .venv/bin/python -m bench.import_arrows

An arrow runs back up when a module imports one of a higher layer (the `layers` contract in
pyproject.toml: project, whole-landscape features, domain apps, platform, method), or when a
lower half of an app (models, records, selectors, services, explanations, exports, demo)
imports an upper half of any app (views, urls, forms, panels, cockpit, api, presenters).
Tests are left out. Every arrow counts once per pair of modules.
"""

import sys
import tomllib
from pathlib import Path

import grimp

from tests.contracts import _cycles

ROOT = "leitstand"
LOWER = {"models", "records", "selectors", "services", "explanations", "exports", "demo"}
UPPER = {"views", "urls", "forms", "panels", "cockpit", "api", "presenters"}


def _layers() -> dict[str, int]:
    """Top-level package -> layer number (0 is the top)."""
    package = Path(sys.modules[ROOT].__file__).parent
    with (package.parent / "pyproject.toml").open("rb") as handle:
        contracts = tomllib.load(handle)["tool"]["importlinter"]["contracts"]
    (layered,) = [c for c in contracts if c["type"] == "layers"]
    return {
        name.strip(): number
        for number, layer in enumerate(layered["layers"])
        for name in layer.split(":")
    }


def _parts(module: str) -> list[str]:
    return module.split(".")[1:]


def _half(module: str) -> str | None:
    """Whether a module inside a domain app is its "lower" or "upper" half, else None."""
    parts = _parts(module)[1:]
    for part in parts:
        if part in UPPER:
            return "upper"
        if part in LOWER:
            return "lower"
    return None


def count() -> dict[str, object]:
    __import__(ROOT)
    layers = _layers()
    graph = grimp.build_graph(ROOT, include_external_packages=False)
    modules = {m for m in graph.modules if "tests" not in _parts(m) and m.startswith(f"{ROOT}.")}
    modules.add(ROOT)
    across, halves = set(), set()
    for importer in modules:
        for imported in graph.find_modules_directly_imported_by(importer) & modules:
            top_from, top_to = (_parts(importer) or [""])[0], (_parts(imported) or [""])[0]
            level_from, level_to = layers.get(top_from), layers.get(top_to)
            if level_from is not None and level_to is not None and level_from > level_to:
                across.add((importer, imported))
            if _half(importer) == "lower" and _half(imported) == "upper":
                halves.add((importer, imported))
    imports = {m: sorted(graph.find_modules_directly_imported_by(m) & modules) for m in modules}
    cycles = _cycles(imports)
    return {
        "modules": len(modules),
        "imports": sum(len(targets) for targets in imports.values()),
        "up_across_layers": sorted(across),
        "lower_half_to_upper_half": sorted(halves),
        "cycles": cycles,
    }


def main() -> None:
    found = count()
    print(f"modules (tests left out): {found['modules']}, imports between them: {found['imports']}")
    arrows = sorted(set(found["up_across_layers"]) | set(found["lower_half_to_upper_half"]))
    print(f"arrows running back up: {len(arrows)}")
    print(f"  across layers: {len(found['up_across_layers'])}")
    print(f"  lower half -> upper half: {len(found['lower_half_to_upper_half'])}")
    for importer, imported in arrows:
        print(f"    {importer} -> {imported}")
    print(f"cycles (groups of modules importing each other in a circle): {len(found['cycles'])}")
    for cycle in found["cycles"]:
        print("    " + " -> ".join(cycle))


if __name__ == "__main__":
    main()
