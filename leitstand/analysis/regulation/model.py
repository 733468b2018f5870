"""Deadlines set by law and the company facts they depend on, as the analysis reads them.

Loaded by `leitstand.products.records.regulation_record` from the catalogue file
products/catalogue/regulation.yaml (dates with source and last-verified day) and the
organisation's own figures. A missing figure stays None: the rules ask for it.
"""

from datetime import date
from decimal import Decimal
from typing import NamedTuple


class LegalDate(NamedTuple):
    key: str  # e_invoice_issue_large, e_invoice_issue_all, gobd_retention, nis2, ...
    starts_on: date
    source: str = ""
    verified_on: date | None = None
    threshold_eur: Decimal | None = None
    years: int | None = None
    books_years: int | None = None
    employees: int | None = None
    turnover_eur: Decimal | None = None
    basis: str = ""  # the legal basis in a few words ("§ 27 Abs. 38 UStG")


class Sector(NamedTuple):
    """A sector listed for NIS2 and the words of an industry name that point to it."""

    words: tuple[str, ...]
    name_en: str
    name_de: str


class Regulation(NamedTuple):
    dates: tuple[LegalDate, ...]
    annual_revenue: Decimal | None  # turnover of the last year, EUR
    employees: int | None
    industry: str
    sectors: tuple[Sector, ...] = ()

    def date_of(self, key: str) -> LegalDate | None:
        for legal_date in self.dates:
            if legal_date.key == key:
                return legal_date
        return None
