"""Companies and the real catalogue for the funding tests (no database)."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import yaml

from leitstand.analysis.funding.catalogue import STATES, Catalogue, parse_catalogue
from leitstand.analysis.funding.company import CompanyFacts

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "funding" / "catalogue" / "programmes.yaml"


def load_catalogue() -> Catalogue:
    return parse_catalogue(yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8")))


def catalogue_day(catalogue: Catalogue) -> date:
    """A day on which every entry is fresh: the latest verification date."""
    return max(p.last_verified for p in catalogue.programmes)


FTE_FOR = {"micro": Decimal(5), "small": Decimal(30), "medium": Decimal(60), "none": Decimal(400)}
TURNOVER_FOR = {
    "micro": Decimal(1_000_000),
    "small": Decimal(6_000_000),
    "medium": Decimal(20_000_000),
    "none": Decimal(80_000_000),
}


def company(size: str = "medium", **changes) -> CompanyFacts:
    fields = {
        "state": "SN",
        "fte": FTE_FOR[size],
        "turnover_eur": TURNOVER_FOR[size],
        "balance_sheet_eur": TURNOVER_FOR[size] / 2,
        "has_linked_enterprises": False,
        "nace_section": "H",
        "founded": 1998,
        "de_minimis_aid": (),
        "contract_signed": None,
    }
    fields.update(changes)
    return CompanyFacts(**fields)


def other_state(states) -> str:
    return next(s for s in STATES if s not in states)


def yesterday(day: date) -> date:
    return day - timedelta(days=1)
