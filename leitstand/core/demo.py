"""Demo data as data: each app keeps its part of a demo organisation in a file a reviewer
reads as a document, `leitstand/<app>/demo/<organisation-slug>.yaml`, and registers the one
function that loads it in its AppConfig.ready():

    from leitstand.core.demo import demo_data
    demo_data.register(self, load_demo, order=70)

where `load_demo(organisation, data)` gets the parsed file (a dict). `leitstand load_demo`
creates each demo organisation and runs the registered loaders in `order`: an app's data may
refer by name to what an earlier one created (processes name their systems). An app without
a file for an organisation is skipped for it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured

#: Loaders still reading the Python demo modules of leitstand/demo/ (until converted).
PYTHON_MODULE = "python module"


@dataclass(frozen=True)
class DemoLoader:
    label: str  # the app's label, for messages
    folder: Path  # the app's demo/ folder with one <slug>.yaml per organisation
    load: Callable  # load(organisation, data)
    order: int
    reads: str = "yaml"  # or PYTHON_MODULE: gets the organisation's Python demo module

    def data_for(self, slug: str) -> dict | None:
        """The app's demo data for one organisation, or None if it has none."""
        path = self.folder / f"{slug}.yaml"
        if not path.exists():
            return None
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        if not isinstance(data, dict):
            raise ImproperlyConfigured(f"{path}: the demo data must be a mapping.")
        return data


class DemoData:
    def __init__(self) -> None:
        self._loaders: dict[str, DemoLoader] = {}

    def register(self, app: AppConfig, load: Callable, *, order: int, reads: str = "yaml") -> None:
        self._loaders[app.label] = DemoLoader(
            app.label, Path(app.path) / "demo", load, order, reads
        )

    def loaders(self) -> list[DemoLoader]:
        return sorted(self._loaders.values(), key=lambda loader: loader.order)


demo_data = DemoData()
