"""The product catalogue as read-only records, loaded once from the data files in catalogue/.

Pure Python (Django only tells where the parsed catalogue is kept between processes,
leitstand/core/compiled.py): the matcher, the command line, the benchmark and the pages share it.
Files: vendors.yaml and products.yaml (our compilation), cycles.yaml (our release cycles for
products endoflife.date lacks), endoflife.json (extracted from endoflife.date by the
`catalogue extract-endoflife` command, MIT licence, notice and commit kept in the file).
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from leitstand.core.compiled import kept

DATA = Path(__file__).parent / "catalogue"

KINDS = ("application", "suite", "infrastructure", "device", "spreadsheet", "authority_portal")
HOSTINGS = ("on_premises", "private_cloud", "public_cloud", "saas")
EU_OPTIONS = ("available", "not_available", "unknown", "self_hosted", "not_applicable")
CATEGORIES = (
    "accounting",
    "payroll",
    "erp",
    "crm",
    "customer_service",
    "shop",
    "payments",
    "website",
    "marketing",
    "office",
    "email",
    "file_sharing",
    "chat",
    "video",
    "project",
    "time_tracking",
    "hr",
    "dms",
    "esign",
    "banking",
    "transport",
    "craft_trade",
    "telephony",
    "firewall",
    "endpoint_security",
    "remote_access",
    "password",
    "identity",
    "backup",
    "nas",
    "server_os",
    "client_os",
    "virtualisation",
    "database",
    "runtime",
    "browser",
    "cloud",
    "monitoring",
    "ai",
    "automation",
    "authority_portal",
    "device",
    "pos",
)

# End-of-support fields: a date, True (ended, day unknown), False (not ended / no date) or None.
SupportEnd = date | bool | None


def rebuilt_from_fields(record) -> tuple:
    """How a slotted frozen record is pickled: its class and field values, so loading calls
    `__init__`, about twice as fast as the dataclass's own field-by-field state (the kept
    catalogue and matcher, leitstand/core/compiled.py, hold some 5,000 such records)."""
    return record.__class__, tuple(getattr(record, name) for name in record.__slots__)


@dataclass(frozen=True, slots=True)
class Cycle:
    """A release cycle in endoflife.date's terms."""

    key: str
    label: str = ""
    codename: str = ""
    release: date | None = None
    eoas: SupportEnd = None  # end of active (mainstream) support
    eol: SupportEnd = None  # end of security support
    eoes: SupportEnd = None  # end of extended (paid) support
    lts: bool = False
    link: str = ""
    unverified: bool = False

    @property
    def end_of_security_support(self) -> date | None:
        return self.eol if isinstance(self.eol, date) else None

    def security_ended(self, today: date) -> bool | None:
        """True when security support has ended by `today`, None when not known."""
        if isinstance(self.eol, date):
            return self.eol < today
        if isinstance(self.eol, bool):
            return self.eol
        return None

    __reduce__ = rebuilt_from_fields


@dataclass(frozen=True, slots=True)
class CycleSource:
    """Where a product's release cycles come from, and how old they are."""

    name: str  # "endoflife.date" or "Leitstand"
    url: str
    as_of: date | None  # the day the data was taken or checked
    verified: bool
    note: str = ""

    __reduce__ = rebuilt_from_fields


@dataclass(frozen=True, slots=True)
class Vendor:
    key: str
    name: str
    legal: str
    country: str
    website: str
    payees: tuple[str, ...] = ()
    default_product: str = ""

    __reduce__ = rebuilt_from_fields


@dataclass(frozen=True)
class Product:
    id: str
    name: str
    vendor: Vendor
    kind: str
    category: str
    capabilities: tuple[str, ...]
    hosting: tuple[str, ...]
    eu: str
    url: str
    aliases: tuple[str, ...]  # as written in the file, "=" marks strict aliases
    note: str = ""
    eol_slug: str = ""
    editions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cycle_tokens: dict[str, str] = field(default_factory=dict)
    payees: tuple[str, ...] = ()
    cycles: tuple[Cycle, ...] = ()
    cycle_source: CycleSource | None = None
    verified: date | None = None
    versioned: str = ""  # the product a name with a version number means ("SharePoint 2013")
    model_prefixes: tuple[str, ...] = ()  # "ds" of "DS920+": the number after it is no version

    @property
    def typical_hosting(self) -> str:
        return self.hosting[0] if self.hosting else ""

    def cycle(self, key: str) -> Cycle | None:
        for cycle in self.cycles:
            if cycle.key == key:
                return cycle
        return None


@dataclass(frozen=True)
class Catalogue:
    products: tuple[Product, ...]
    vendors: dict[str, Vendor]
    endoflife_commit: str = ""
    endoflife_date: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {product.id: product for product in self.products})

    def get(self, product_id: str) -> Product | None:
        return self.by_id.get(product_id)  # type: ignore[attr-defined]


def _read_yaml(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def _read_json(name: str) -> Any:
    import json

    path = DATA / name
    if not path.exists():
        return {"products": {}}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _support(value: Any) -> SupportEnd:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _day(value: Any) -> date | None:
    if value in (None, "", False, True):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def cycle_from_record(record: dict) -> Cycle:
    """A cycle from our own file or from the extracted endoflife.date file (same field names)."""
    return Cycle(
        key=str(record["cycle"]),
        label=str(record.get("label") or ""),
        codename=str(record.get("codename") or ""),
        release=_day(record.get("release")),
        eoas=_support(record.get("eoas")),
        eol=_support(record.get("eol")),
        eoes=_support(record.get("eoes")),
        lts=bool(record.get("lts")),
        link=str(record.get("link") or ""),
        unverified=bool(record.get("unverified")),
    )


def _vendor(key: str, entry: dict) -> Vendor:
    return Vendor(
        key=key,
        name=entry["name"],
        legal=entry.get("legal", ""),
        country=entry.get("country", "") or "",
        website=entry.get("website", "") or "",
        payees=tuple(entry.get("payees") or ()),
        default_product=entry.get("default_product", ""),
    )


def _editions(raw: dict | None) -> dict[str, tuple[str, ...]]:
    result = {}
    for word, tokens in (raw or {}).items():
        result[str(word).lower()] = tuple(tokens) if isinstance(tokens, list) else (str(tokens),)
    return result


def build_catalogue(
    vendors_raw: dict, products_raw: list, own_cycles: dict, endoflife: dict
) -> Catalogue:
    """Turn the raw file contents into records (separate from reading, so tests can feed data)."""
    vendors = {key: _vendor(key, entry) for key, entry in vendors_raw.items()}
    eol_products = endoflife.get("products", {})
    eol_date = _day(endoflife.get("commit_date"))
    eol_commit = endoflife.get("commit", "")
    products = []
    for entry in products_raw:
        cycles: tuple[Cycle, ...] = ()
        source = None
        slug = entry.get("eol", "")
        if slug and slug in eol_products:
            data = eol_products[slug]
            cycles = tuple(cycle_from_record(record) for record in data["cycles"])
            # A product added from a later copy than the file's pin carries its own commit.
            commit = data.get("commit") or eol_commit
            source = CycleSource(
                name="endoflife.date",
                url=f"https://endoflife.date/{slug}",
                as_of=_day(data.get("commit_date")) or eol_date,
                verified=True,
                note=f"endoflife.date at commit {commit[:7]}" if commit else "",
            )
        elif entry["id"] in own_cycles:
            own = own_cycles[entry["id"]]
            cycles = tuple(cycle_from_record(record) for record in own["cycles"])
            verified = _day(own.get("verified"))
            source = CycleSource(
                name="Leitstand",
                url=own.get("source", ""),
                as_of=verified,
                verified=verified is not None,
                note=own.get("note", ""),
            )
        products.append(
            Product(
                id=entry["id"],
                name=entry["name"],
                vendor=vendors[entry["vendor"]],
                kind=entry["kind"],
                category=entry["category"],
                capabilities=tuple(entry.get("capabilities") or ()),
                hosting=tuple(entry.get("hosting") or ()),
                eu=entry["eu"],
                url=entry.get("url", ""),
                aliases=tuple(str(alias) for alias in entry.get("aliases") or ()),
                note=entry.get("note", ""),
                eol_slug=slug,
                editions=_editions(entry.get("editions")),
                cycle_tokens={str(k): str(v) for k, v in (entry.get("cycle_tokens") or {}).items()},
                payees=tuple(entry.get("payees") or ()),
                cycles=cycles,
                cycle_source=source,
                verified=_day(entry.get("verified")),
                versioned=entry.get("versioned", ""),
                model_prefixes=tuple(str(word).lower() for word in entry.get("models") or ()),
            )
        )
    return Catalogue(
        products=tuple(products),
        vendors=vendors,
        endoflife_commit=eol_commit,
        endoflife_date=eol_date,
    )


FILES = ("vendors.yaml", "products.yaml", "cycles.yaml", "endoflife.json")


def sources() -> list[Path]:
    """What the loaded catalogue is made of: its files and the code that reads them."""
    return [path for path in (DATA / name for name in FILES) if path.exists()] + [Path(__file__)]


def _read_catalogue() -> Catalogue:
    return build_catalogue(
        _read_yaml("vendors.yaml"),
        _read_yaml("products.yaml"),
        _read_yaml("cycles.yaml"),
        _read_json("endoflife.json"),
    )


@cache
def load_catalogue() -> Catalogue:
    """The shipped catalogue, once per process: parsed by the first process, kept under var/
    for the next ones (parsing takes about 60 ms, loading what was kept a few)."""
    return kept("products-catalogue", sources(), _read_catalogue)


def catalogue_as_of() -> date | None:
    """The newest day any part of the shipped data was taken or checked (shown to users)."""
    catalogue = load_catalogue()
    days = [catalogue.endoflife_date] + [
        product.cycle_source.as_of for product in catalogue.products if product.cycle_source
    ]
    known = [day for day in days if day]
    return max(known) if known else None
