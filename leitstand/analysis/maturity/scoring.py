"""Scores of a maturity self-assessment: each DMA axis 0-100, overall the mean of the six,
the DII count 0-12, each with its band; the weakest axis; the change against an earlier one.

An item scores yes 1, partly 0.5, no 0; "unknown" and unanswered count 0 and are listed as open
items (as in the company check: what nobody knows is not reached). An axis is the mean of its
items times 100, rounded half up to a whole number; the overall score is the plain mean of the
six axis scores as shown, to one decimal, so a reader can check it by hand. A band is looked
up with the score rounded half up to a whole number (DMA: basic 0-25, average 26-50, ...).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from leitstand.analysis.maturity.model import (
    NO,
    PARTLY,
    UNKNOWN,
    YES,
    Band,
    Catalogue,
)

ITEM_SCORE = {YES: Decimal(1), PARTLY: Decimal("0.5"), NO: Decimal(0), UNKNOWN: Decimal(0)}
HUNDRED = Decimal(100)


def whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def band_of(bands: tuple[Band, ...], value: Decimal | int) -> Band:
    rounded = whole(Decimal(value))
    for band in bands:
        if band.holds(rounded):
            return band
    raise ValueError(f"{value} lies outside the bands")


@dataclass(frozen=True)
class AxisScore:
    key: str
    score: int  # 0-100
    band: Band
    reached: Decimal  # sum of the item scores
    items: int  # number of items of the axis
    unknown: int  # items not answered or "not known"


@dataclass(frozen=True)
class MaturityResult:
    axes: tuple[AxisScore, ...]
    overall: Decimal  # mean of the axis scores, one decimal
    overall_band: Band
    dii_count: int
    dii_band: Band
    dii_at_least_basic: bool
    dii_items_yes: tuple[str, ...]
    open_items: tuple[str, ...]  # item keys without a yes/partly/no answer

    @property
    def axis_by_key(self) -> dict[str, AxisScore]:
        return {axis.key: axis for axis in self.axes}

    @property
    def weakest(self) -> AxisScore:
        """The lowest axis; on a tie, the one first in the catalogue."""
        return min(self.axes, key=lambda axis: axis.score)


def item_value(answers: Mapping[str, str], key: str) -> str:
    value = answers.get(key, UNKNOWN)
    return value if value in ITEM_SCORE else UNKNOWN


def score_assessment(catalogue: Catalogue, answers: Mapping[str, str]) -> MaturityResult:
    """`answers`: item key -> yes / partly / no / unknown (missing keys are unknown)."""
    axes = []
    for axis in catalogue.axes:
        items = catalogue.items_of(axis.key)
        values = [item_value(answers, item.key) for item in items]
        reached = sum((ITEM_SCORE[value] for value in values), Decimal(0))
        score = whole(reached / len(items) * HUNDRED)
        axes.append(
            AxisScore(
                key=axis.key,
                score=score,
                band=band_of(catalogue.dma_bands, score),
                reached=reached,
                items=len(items),
                unknown=sum(1 for value in values if value == UNKNOWN),
            )
        )
    overall = (Decimal(sum(a.score for a in axes)) / len(axes)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    dii_yes = tuple(
        item.key for item in catalogue.dii_items if item_value(answers, item.key) == YES
    )
    count = len(dii_yes)
    return MaturityResult(
        axes=tuple(axes),
        overall=overall,
        overall_band=band_of(catalogue.dma_bands, overall),
        dii_count=count,
        dii_band=band_of(catalogue.dii.bands, count),
        dii_at_least_basic=count >= catalogue.dii.basic_from,
        dii_items_yes=dii_yes,
        open_items=tuple(
            item.key for item in catalogue.items if item_value(answers, item.key) == UNKNOWN
        ),
    )


@dataclass(frozen=True)
class AxisChange:
    key: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class ItemChange:
    key: str
    before: str
    after: str

    @property
    def direction(self) -> int:
        """+1 better, -1 worse, 0 only the knowledge changed (unknown <-> no)."""
        difference = ITEM_SCORE[self.after] - ITEM_SCORE[self.before]
        return (difference > 0) - (difference < 0)


@dataclass(frozen=True)
class MaturityChange:
    axes: tuple[AxisChange, ...]
    overall_before: Decimal
    overall_after: Decimal
    dii_before: int
    dii_after: int
    items: tuple[ItemChange, ...]  # only the items whose answer changed, in catalogue order
    same_dii_variant: bool

    @property
    def overall_delta(self) -> Decimal:
        return self.overall_after - self.overall_before

    @property
    def dii_delta(self) -> int | None:
        """None when the two DII counts follow different item lists: not comparable."""
        return self.dii_after - self.dii_before if self.same_dii_variant else None


def compare(
    catalogue: Catalogue,
    before_answers: Mapping[str, str],
    after_answers: Mapping[str, str],
    before_variant: str | None = None,
    after_variant: str | None = None,
) -> MaturityChange:
    before = score_assessment(catalogue, before_answers)
    after = score_assessment(catalogue, after_answers)
    changes = tuple(
        ItemChange(
            item.key, item_value(before_answers, item.key), item_value(after_answers, item.key)
        )
        for item in catalogue.items
        if item_value(before_answers, item.key) != item_value(after_answers, item.key)
    )
    return MaturityChange(
        axes=tuple(
            AxisChange(b.key, b.score, a.score)
            for b, a in zip(before.axes, after.axes, strict=True)
        ),
        overall_before=before.overall,
        overall_after=after.overall,
        dii_before=before.dii_count,
        dii_after=after.dii_count,
        items=changes,
        same_dii_variant=(before_variant or catalogue.dii.key)
        == (after_variant or catalogue.dii.key),
    )
