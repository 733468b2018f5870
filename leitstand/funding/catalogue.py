"""The programme catalogue file, loaded once per process (it changes only with a release)."""

from functools import lru_cache
from pathlib import Path

import yaml

from leitstand.analysis.funding.catalogue import Catalogue, parse_catalogue

CATALOGUE_FILE = Path(__file__).resolve().parent / "catalogue" / "programmes.yaml"


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    with CATALOGUE_FILE.open(encoding="utf-8") as handle:
        return parse_catalogue(yaml.safe_load(handle))
