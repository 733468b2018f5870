"""The method stays free of Django: it must run (and be tested) without a database."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def test_the_analysis_package_does_not_import_django():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith("django"), f"{path.name} imports {name}"
                assert not name.startswith("leitstand.") or name.startswith("leitstand.analysis"), (
                    f"{path.name} imports {name}"
                )
