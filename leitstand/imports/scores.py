"""Assessment scores as workbooks carry them: 1-4, or words, or another scale.

DOMAIN.md scores each axis from 1 to 4 (higher: more critical, healthier, better integrable).
Workbooks also use 1-5, 1-10 or school grades 1-6 (1 is best), say so in the header
("Techn. Zustand (1-5)", "Note 1-6", "1 = sehr gut") or not at all. A number on another scale
is brought onto 1-4 linearly and rounded half up, and the preview shows what it became.
Pure Python: no Django.
"""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple


class Scale(NamedTuple):
    key: str  # as stored in a decision: "1-4", "1-5", "1-10", "grades", "4-1", ...
    low: int
    high: int
    best_is_low: bool  # 1 is the best (or most critical) value: school grades, "1 = hoch"

    def holds(self, number: Decimal) -> bool:
        return self.low <= number <= self.high

    def to_four(self, number: Decimal) -> int:
        """The score on DOMAIN.md's 1-4 scale, higher meaning more (critical, healthy, ...)."""
        position = (number - self.low) / (self.high - self.low)
        if self.best_is_low:
            position = 1 - position
        return int((1 + position * 3).quantize(Decimal(1), rounding=ROUND_HALF_UP))


SCALES: dict[str, Scale] = {
    scale.key: scale
    for scale in (
        Scale("1-4", 1, 4, False),
        Scale("4-1", 1, 4, True),
        Scale("1-5", 1, 5, False),
        Scale("5-1", 1, 5, True),
        Scale("1-10", 1, 10, False),
        Scale("10-1", 1, 10, True),
        Scale("grades", 1, 6, True),
        Scale("0-10", 0, 10, False),
        Scale("1-3", 1, 3, False),
    )
}
DEFAULT = SCALES["1-4"]

_RANGE = re.compile(r"(?<![\d.,])(\d{1,2})\s*(?:-|\u2013|\u2014|bis|to|\.\.)\s*(\d{1,2})(?![\d.,])")
_GRADES = re.compile(r"\b(schulnote|schulnoten|noten?|school\s*grades?|grades?)\b", re.IGNORECASE)
#: "1 = sehr gut", "1=hoch", "(1: best)": the lowest number is the best or highest.
_ONE_IS_BEST = re.compile(
    r"\b1\s*[=:]\s*(sehr\s+)?(gut|best|beste|hoch|high|kritisch|critical|wichtig|top|excellent)",
    re.IGNORECASE,
)
_BRACKETED_HINT = re.compile(r"[(\[][^)\]]*(?:\d|note|grade)[^)\]]*[)\]]", re.IGNORECASE)
_BARE_HINT = re.compile(
    r"(?:\d{1,2}\s*(?:-|\u2013|\u2014|bis|to|\.\.)\s*\d{1,2}|\bschulnoten?\b|\bschool\s*grades?\b)",
    re.IGNORECASE,
)


def scale_in_header(title: str) -> Scale | None:
    """The scale a header names, if any: "(1-4)", "1 bis 5", "Schulnote", "1 = sehr gut"."""
    text = str(title)
    one_is_best = bool(_ONE_IS_BEST.search(text))
    if _GRADES.search(text):
        return SCALES["grades"]
    found = _RANGE.search(text)
    if found is None:
        return SCALES["4-1"] if one_is_best else None
    low, high = sorted((int(found[1]), int(found[2])))
    descending = int(found[1]) > int(found[2])
    key = f"{low}-{high}"
    if key not in SCALES:
        return Scale(key, low, high, one_is_best or descending) if high > low else None
    if one_is_best or descending:
        return SCALES.get(f"{high}-{low}", Scale(f"{high}-{low}", low, high, True))
    return SCALES[key]


def has_scale_hint(title: str) -> bool:
    """Whether a header carries a scale hint: such a column holds scores, never text or lists."""
    return scale_in_header(title) is not None


def without_scale_hint(title: str) -> str:
    """The header without its scale hint: "Techn. Zustand (1-4)" -> "Techn. Zustand"."""
    text = _BARE_HINT.sub(" ", _BRACKETED_HINT.sub(" ", str(title)))
    return " ".join(text.split())


def guess_scale(numbers: list[Decimal]) -> Scale | None:
    """The scale of a column without a hint: 1-4 when every number fits it, else unknown."""
    if not numbers:
        return DEFAULT
    if all(DEFAULT.holds(number) for number in numbers):
        return DEFAULT
    return None
