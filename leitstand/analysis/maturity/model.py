"""The maturity catalogue as immutable records, built from the app's data file (a dict).

The data file (leitstand/maturity/catalogue/items.yaml) holds the axes, the items with their
texts in German and English, the DMA bands and the DII variant with its bands. `parse_catalogue`
checks the structure the scorer relies on and fails with a CatalogueError otherwise.
"""

from dataclasses import dataclass
from functools import cached_property

from leitstand.analysis.language import german

YES, NO, PARTLY, UNKNOWN = "yes", "no", "partly", "unknown"
YES_NO, YES_PARTLY_NO = "yes_no", "yes_partly_no"
CHOICES = {YES_NO: (YES, NO), YES_PARTLY_NO: (YES, PARTLY, NO)}
AXIS_COUNT = 6
DII_ITEM_COUNT = 12


class CatalogueError(ValueError):
    """The data file breaks the structure the scorer relies on."""


@dataclass(frozen=True)
class Text:
    en: str
    de: str

    def get(self, language: str | None) -> str:
        return self.de if german(language) else self.en


@dataclass(frozen=True)
class Band:
    key: str
    low: int
    high: int
    name: Text

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Axis:
    key: str
    name: Text


@dataclass(frozen=True)
class Item:
    key: str
    axis: str
    kind: str
    question: Text
    help: Text
    advice: Text
    dii: bool = False
    indicator: str = ""  # the published single indicator it matches, if any
    page: str = ""  # a Leitstand page (URL name) where the user can act on it
    finding_kinds: tuple[str, ...] = ()  # analysis findings whose remedies move it
    strategies: tuple[str, ...] = ()  # modernisation strategies whose initiatives move it
    automation_scenarios: bool = False  # initiatives carrying an automation scenario move it

    @property
    def choices(self) -> tuple[str, ...]:
        return CHOICES[self.kind]


@dataclass(frozen=True)
class DiiVariant:
    key: str  # "v3": Eurostat's numbering of the item lists
    year: int  # the survey year whose item list the 12 items follow
    label: Text
    basic_from: int
    bands: tuple[Band, ...]


@dataclass(frozen=True)
class Catalogue:
    version: int
    axes: tuple[Axis, ...]
    items: tuple[Item, ...]
    dma_bands: tuple[Band, ...]
    dii: DiiVariant
    sources: dict

    @cached_property
    def item_by_key(self) -> dict[str, Item]:
        return {item.key: item for item in self.items}

    @cached_property
    def axis_by_key(self) -> dict[str, Axis]:
        return {axis.key: axis for axis in self.axes}

    def items_of(self, axis: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.axis == axis)

    @cached_property
    def dii_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.dii)


def _text(record: dict, where: str) -> Text:
    try:
        en, de = record["en"], record["de"]
    except (KeyError, TypeError) as exc:
        raise CatalogueError(f"{where}: needs an English and a German text") from exc
    if not (isinstance(en, str) and isinstance(de, str) and en.strip() and de.strip()):
        raise CatalogueError(f"{where}: texts must not be empty")
    return Text(en=en, de=de)


def _bands(records: list, where: str, top: int) -> tuple[Band, ...]:
    bands = tuple(
        Band(key=r["key"], low=int(r["from"]), high=int(r["to"]), name=_text(r, where))
        for r in records
    )
    expected = 0
    for band in bands:
        if band.low != expected or band.high < band.low:
            raise CatalogueError(f"{where}: bands must cover 0 to {top} without gaps")
        expected = band.high + 1
    if expected != top + 1:
        raise CatalogueError(f"{where}: bands must end at {top}")
    return bands


def _item(record: dict, axes: set[str]) -> Item:
    key = record.get("key", "")
    if record.get("axis") not in axes:
        raise CatalogueError(f"item {key}: unknown axis {record.get('axis')!r}")
    if record.get("kind") not in CHOICES:
        raise CatalogueError(f"item {key}: unknown kind {record.get('kind')!r}")
    if record.get("dii") and record["kind"] != YES_NO:
        raise CatalogueError(f"item {key}: a DII item is answered yes or no")
    return Item(
        key=key,
        axis=record["axis"],
        kind=record["kind"],
        question=_text(record.get("question"), f"item {key} question"),
        help=_text(record.get("help"), f"item {key} help"),
        advice=_text(record.get("advice"), f"item {key} advice"),
        dii=bool(record.get("dii", False)),
        indicator=record.get("indicator", ""),
        page=record.get("page", ""),
        finding_kinds=tuple(record.get("finding_kinds") or ()),
        strategies=tuple(record.get("strategies") or ()),
        automation_scenarios=bool(record.get("automation_scenarios", False)),
    )


def parse_catalogue(data: dict) -> Catalogue:
    axes = tuple(Axis(key=r["key"], name=_text(r, f"axis {r['key']}")) for r in data["axes"])
    if len(axes) != AXIS_COUNT or len({a.key for a in axes}) != AXIS_COUNT:
        raise CatalogueError(f"the catalogue needs {AXIS_COUNT} distinct axes")
    items = tuple(_item(record, {a.key for a in axes}) for record in data["items"])
    keys = [item.key for item in items]
    if len(set(keys)) != len(keys) or not all(keys):
        raise CatalogueError("every item needs a unique key")
    for axis in axes:
        if not any(item.axis == axis.key for item in items):
            raise CatalogueError(f"axis {axis.key} has no items")
    if sum(1 for item in items if item.dii) != DII_ITEM_COUNT:
        raise CatalogueError(f"the DII has exactly {DII_ITEM_COUNT} items")
    dii = data["dii"]
    variant = DiiVariant(
        key=str(dii["variant"]),
        year=int(dii["variant_year"]),
        label=_text(dii["label"], "dii label"),
        basic_from=int(dii["basic_from"]),
        bands=_bands(dii["bands"], "dii bands", DII_ITEM_COUNT),
    )
    return Catalogue(
        version=int(data["version"]),
        axes=axes,
        items=items,
        dma_bands=_bands(data["dma_bands"], "dma bands", 100),
        dii=variant,
        sources=dict(data.get("sources", {})),
    )
