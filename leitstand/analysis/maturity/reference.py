"""Published reference figures and which of them may honestly stand beside a result.

A figure is a share of enterprises in a population (geography, size class, year) with a source.
A DII share is comparable with a company's DII count only for the same DII variant (the item
list changes between odd and even survey years); the others are listed apart, never on one
line. Size classes follow Eurostat: small 10-49, medium 50-249, large 250+ persons employed;
"sme" is 10-249, "all" is every enterprise with 10 or more.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from leitstand.analysis.maturity.model import Text

DII_AT_LEAST_BASIC = "dii_at_least_basic"
DII_BAND_SHARE = "dii_band_share"
SIZE_CLASSES = ("small", "medium", "large", "sme", "all")
# For a company of a size class: the populations that contain it, most specific first.
CONTAINING = {
    "small": ("small", "sme", "all"),
    "medium": ("medium", "sme", "all"),
    "large": ("large", "all"),
    "micro": ("all",),  # the survey covers enterprises with 10 or more persons employed
    None: ("all",),
}


class ReferenceError(ValueError):
    """The reference file breaks the structure the comparison relies on."""


@dataclass(frozen=True)
class ReferenceFigure:
    indicator: str
    year: int
    geo: str  # "EU27", "DE"
    size_class: str
    percent: Decimal
    population: Text
    source_name: str
    source_url: str
    dii_variant: str = ""  # only for DII shares
    band: str = ""  # only for DII band shares


@dataclass(frozen=True)
class Reference:
    last_verified: date
    figures: tuple[ReferenceFigure, ...]


def size_class(employees: int | None) -> str | None:
    if employees is None:
        return None
    if employees < 10:
        return "micro"
    if employees < 50:
        return "small"
    if employees < 250:
        return "medium"
    return "large"


def parse_reference(data: Mapping) -> Reference:
    figures = []
    for number, record in enumerate(data["figures"], start=1):
        where = f"figure {number}"
        if record.get("size_class") not in SIZE_CLASSES:
            raise ReferenceError(f"{where}: unknown size class {record.get('size_class')!r}")
        percent = Decimal(str(record["percent"]))
        if not Decimal(0) <= percent <= Decimal(100):
            raise ReferenceError(f"{where}: a share lies between 0 and 100")
        source = record.get("source") or {}
        if not source.get("name") or not str(source.get("url", "")).startswith("https://"):
            raise ReferenceError(f"{where}: every figure needs a source name and https address")
        indicator = record["indicator"]
        variant = str(record.get("dii_variant", ""))
        if indicator in (DII_AT_LEAST_BASIC, DII_BAND_SHARE) and not variant:
            raise ReferenceError(f"{where}: a DII share must name its DII variant")
        population = record["population"]
        figures.append(
            ReferenceFigure(
                indicator=indicator,
                year=int(record["year"]),
                geo=str(record["geo"]),
                size_class=record["size_class"],
                percent=percent,
                population=Text(en=population["en"], de=population["de"]),
                source_name=source["name"],
                source_url=source["url"],
                dii_variant=variant,
                band=str(record.get("band", "")),
            )
        )
    last_verified = data["last_verified"]
    if isinstance(last_verified, str):
        last_verified = date.fromisoformat(last_verified)
    return Reference(last_verified=last_verified, figures=tuple(figures))


def _most_specific(candidates: list[ReferenceFigure], company_class: str | None) -> list:
    """Per geography: the latest year, and in it the population closest to the company."""
    order = CONTAINING.get(company_class, CONTAINING[None])
    chosen = []
    for geo in dict.fromkeys(f.geo for f in candidates):
        fitting = [f for f in candidates if f.geo == geo and f.size_class in order]
        if not fitting:
            continue
        latest = max(f.year for f in fitting)
        in_year = [f for f in fitting if f.year == latest]
        chosen.append(min(in_year, key=lambda f: order.index(f.size_class)))
    return chosen


def comparable_figures(
    reference: Reference, indicator: str, company_class: str | None
) -> list[ReferenceFigure]:
    """Single-indicator shares for a company of this size class (one per geography)."""
    candidates = [f for f in reference.figures if f.indicator == indicator]
    return _most_specific(candidates, company_class)


def dii_figures(
    reference: Reference, variant: str, company_class: str | None
) -> tuple[list[ReferenceFigure], list[ReferenceFigure]]:
    """The "at least basic" shares of the same DII variant (comparable), and the shares of
    other variants (shown apart, with the reason they are not comparable)."""
    same = [
        f
        for f in reference.figures
        if f.indicator == DII_AT_LEAST_BASIC and f.dii_variant == variant
    ]
    other = [
        f
        for f in reference.figures
        if f.indicator == DII_AT_LEAST_BASIC and f.dii_variant != variant
    ]
    return _most_specific(same, company_class), _most_specific(other, company_class)


def band_shares(
    reference: Reference, variant: str, company_class: str | None
) -> list[ReferenceFigure]:
    """How the population spreads over the DII bands, same variant, closest population."""
    same = [
        f for f in reference.figures if f.indicator == DII_BAND_SHARE and f.dii_variant == variant
    ]
    order = CONTAINING.get(company_class, CONTAINING[None])
    fitting = [f for f in same if f.size_class in order and f.geo == "EU27"]
    if not fitting:
        return []
    latest = max(f.year for f in fitting)
    best = min((f for f in fitting if f.year == latest), key=lambda f: order.index(f.size_class))
    return [f for f in fitting if f.year == latest and f.size_class == best.size_class]
