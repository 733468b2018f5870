"""The company check's catalogue file shipped with the app (catalogue.toml): the 27
requirements in 6 areas with their parts, TOP requirements, status questions and every text in
German and English, read once into the records of `leitstand.analysis.company_check.catalogue`."""

import tomllib
from functools import cache
from pathlib import Path

from leitstand.analysis.company_check.catalogue import Catalogue, parse_catalogue

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")


@cache
def load_catalogue() -> Catalogue:
    with CATALOGUE_FILE.open("rb") as file:
        return parse_catalogue(tomllib.load(file))
