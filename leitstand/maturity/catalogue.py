"""Loads the app's data files (items, signals, reference figures) into the pure records of
`leitstand.analysis.maturity`. Change texts and figures in the YAML files, not in code."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.analysis.maturity.model import Catalogue, parse_catalogue
from leitstand.analysis.maturity.prefill import Signal, parse_signals
from leitstand.analysis.maturity.reference import Reference, parse_reference

FOLDER = Path(__file__).parent / "catalogue"


def _read(name: str) -> dict:
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_catalogue() -> Catalogue:
    return parse_catalogue(_read("items.yaml"))


@cache
def load_signals() -> dict[str, Signal]:
    return parse_signals(_read("signals.yaml"))


@cache
def load_reference() -> Reference:
    return parse_reference(_read("reference.yaml"))
