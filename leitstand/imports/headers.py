"""Finding the header row and proposing which column holds which field.

Headers are matched against the synonyms in catalogue/headers.yaml (German and English),
then fuzzily (rapidfuzz) so "Kosten p.a. (€)" or "Verantwortl." still find their field.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.utils import translation
from rapidfuzz import fuzz, process

from leitstand.core.values import clean_text
from leitstand.imports.reader import Sheet
from leitstand.imports.targets import target_for

CATALOGUE = Path(__file__).parent / "catalogue" / "headers.yaml"
FUZZY_CUTOFF = 84
HEADER_SCAN_ROWS = 30
_PUNCTUATION = re.compile(r"[^\w/]+")
_SPELLINGS = str.maketrans({"ß": "ss"})
_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


@cache
def catalogue() -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: 10x faster
    with CATALOGUE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)


def normalise(text: str) -> str:
    """Lower case, punctuation and currency signs removed, umlauts spelled one way."""
    value = _PUNCTUATION.sub(" ", clean_text(text).lower().translate(_SPELLINGS))
    for plain, umlaut in _UMLAUTS:
        value = value.replace(plain, umlaut)
    return " ".join(value.replace("€", " ").split())


@cache
def synonym_index(target: str) -> dict[str, str]:
    """normalised synonym -> field name, for one import target (template titles included)."""
    index = {}
    for language in ("en", "de"):
        with translation.override(language):
            for spec in target_for(target).fields:
                index.setdefault(normalise(str(spec.label)), spec.name)
    for field, words in catalogue()[target]["fields"].items():
        index.setdefault(normalise(field), field)
        for word in words:
            index.setdefault(normalise(word), field)
    return index


def match_header(target: str, header: object) -> tuple[str | None, float]:
    """The field this header most likely means, and how sure (0-100)."""
    text = normalise(clean_text(header))
    if not text:
        return None, 0.0
    index = synonym_index(target)
    if text in index:
        return index[text], 100.0
    found = process.extractOne(text, index.keys(), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF)
    if found is None:
        return None, 0.0
    return index[found[0]], float(found[1])


def propose_mapping(target: str, headers: list[object]) -> dict[int, str]:
    """column index -> field; each field goes to the column that matches it best."""
    candidates = []
    for column, header in enumerate(headers):
        field, score = match_header(target, header)
        if field:
            candidates.append((score, -column, column, field))
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for _score, _order, column, field in sorted(candidates, reverse=True):
        if field not in taken:
            mapping[column] = field
            taken.add(field)
    return dict(sorted(mapping.items()))


@dataclass
class HeaderGuess:
    sheet: Sheet
    row: int  # index into sheet.rows
    mapping: dict[int, str]

    @property
    def score(self) -> int:
        return len(self.mapping) + (2 if "name" in self.mapping.values() else 0)


def guess_header(target: str, sheet: Sheet) -> HeaderGuess:
    """The row among the first ones whose cells read most like column headers."""
    best = HeaderGuess(sheet, 0, {})
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        if not any(isinstance(cell, str) and cell.strip() for cell in row):
            continue
        guess = HeaderGuess(sheet, index, propose_mapping(target, row))
        if guess.score > best.score:
            best = guess
        if _clearly_headers(guess, row):
            break  # the rows below are data; matching them fuzzily only costs time
    if not best.mapping:
        best.row = _first_filled_row(sheet)
    return best


def _clearly_headers(guess: HeaderGuess, row: list) -> bool:
    filled = sum(1 for cell in row if clean_text(cell))
    return "name" in guess.mapping.values() and len(guess.mapping) >= max(3, 0.6 * filled)


def _first_filled_row(sheet: Sheet) -> int:
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        if any(clean_text(cell) for cell in row):
            return index
    return 0


def choose_sheet(target: str, sheets: list[Sheet]) -> HeaderGuess:
    """The sheet that holds the list: the best header row wins; ties go to the first sheet."""
    guesses = [guess_header(target, sheet) for sheet in sheets]
    return max(guesses, key=lambda guess: (guess.score, -guesses.index(guess)))


def headers_of(sheet: Sheet, row: int) -> list[str]:
    if row >= len(sheet.rows):
        return []
    return [clean_text(cell) for cell in sheet.rows[row]]
