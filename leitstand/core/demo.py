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

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@dataclass(frozen=True)
class DemoLoader:
    label: str  # the app's label, for messages
    folder: Path  # the app's demo/ folder with one <slug>.yaml per organisation
    load: Callable  # load(organisation, data)
    order: int

    def data_for(self, slug: str) -> dict | None:
        """The app's demo data for one organisation, or None if it has none."""
        path = self.folder / f"{slug}.yaml"
        return read_yaml(path) if path.exists() else None


class DemoData:
    def __init__(self) -> None:
        self._loaders: dict[str, DemoLoader] = {}

    def register(self, app: AppConfig, load: Callable, *, order: int) -> None:
        self._loaders[app.label] = DemoLoader(app.label, Path(app.path) / "demo", load, order)

    def loaders(self) -> list[DemoLoader]:
        return sorted(self._loaders.values(), key=lambda loader: loader.order)


demo_data = DemoData()


def read_yaml(path: Path) -> dict:
    """A demo file as a mapping (a fresh copy: loaders may change what they are given)."""
    return copy.deepcopy(_parsed(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, _modified: int) -> dict:
    """Parsing is most of the cost of reading the demo; the tests load it many times in one
    process. `_modified` (the file's modification time) makes an edited file parsed again."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    if not isinstance(data, dict):
        raise ImproperlyConfigured(f"{path}: the demo data must be a mapping.")
    return data


def with_decimals(model: type[models.Model], fields: dict) -> dict:
    """`fields` with the numbers of the model's decimal fields as Decimal, written as in the
    file: YAML reads 0.75 as a float, and a float is not an exact amount."""
    decimal_fields = {
        field.name for field in model._meta.get_fields() if isinstance(field, models.DecimalField)
    }
    return {
        name: Decimal(str(value))
        if name in decimal_fields and isinstance(value, int | float) and not isinstance(value, bool)
        else value
        for name, value in fields.items()
    }
