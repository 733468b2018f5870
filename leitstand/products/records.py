"""The analysis' view of the deadlines set by law: the dated rules from the catalogue file
regulation.yaml and the organisation's figures they depend on."""

from datetime import date
from decimal import Decimal
from functools import cache

import yaml

from leitstand.analysis.regulation.model import LegalDate, Regulation, Sector
from leitstand.products.catalogue import DATA
from leitstand.tenancy.models import Organisation


@cache
def regulation_file() -> dict:
    with (DATA / "regulation.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@cache
def legal_dates() -> tuple[LegalDate, ...]:
    return tuple(
        LegalDate(
            key=key,
            starts_on=entry["starts_on"],
            source=entry.get("source", ""),
            verified_on=entry.get("verified") if isinstance(entry.get("verified"), date) else None,
            threshold_eur=_decimal(entry.get("threshold_eur")),
            years=entry.get("years"),
            books_years=entry.get("books_years"),
            employees=entry.get("employees"),
            turnover_eur=_decimal(entry.get("turnover_eur")),
            basis=entry.get("basis", ""),
        )
        for key, entry in regulation_file().items()
    )


@cache
def nis2_sectors() -> tuple[Sector, ...]:
    return tuple(
        Sector(tuple(item["words"]), item["sector_en"], item["sector_de"])
        for item in regulation_file()["nis2"].get("sector_words", ())
    )


def regulation_record(organisation: Organisation) -> Regulation:
    """No query: the dates come from the catalogue file, the figures from the organisation."""
    return Regulation(
        dates=legal_dates(),
        annual_revenue=organisation.annual_revenue,
        employees=organisation.employees,
        industry=organisation.industry or "",
        sectors=nis2_sectors(),
    )
