"""The method stays free of Django: it must run (and be tested) without a database."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
#: Pure modules outside the package that the analysis may use; they are checked here as well.
PURE_ELSEWHERE = {"leitstand.resilience.facts": PACKAGE.parent / "resilience" / "facts.py"}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            whole = [f"{module}.{alias.name}" for alias in node.names]
            # "from leitstand.resilience import facts" counts as importing that module
            names.extend(whole if all(n in PURE_ELSEWHERE for n in whole) else [module])
    return names


def test_the_analysis_package_does_not_import_django():
    for path in [*PACKAGE.rglob("*.py"), *PURE_ELSEWHERE.values()]:
        for name in _imports(path):
            assert not name.startswith("django"), f"{path.name} imports {name}"
            allowed = name.startswith("leitstand.analysis") or name in PURE_ELSEWHERE
            assert not name.startswith("leitstand.") or allowed, f"{path.name} imports {name}"
