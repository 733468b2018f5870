"""Finding the header row and proposing which column holds which field.

Headers are matched against the synonyms in catalogue/headers.yaml (German and English),
then fuzzily (rapidfuzz) so "Kosten p.a. (€)" or "Verantwortl." still find their field.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.utils import translation
from rapidfuzz import fuzz, process

from leitstand.core.values import clean_text
from leitstand.imports.reader import Sheet
from leitstand.imports.scores import has_scale_hint, without_scale_hint
from leitstand.imports.targets import TARGETS, import_order, target_for

CATALOGUE = Path(__file__).parent / "catalogue" / "headers.yaml"
FUZZY_CUTOFF = 84
#: A header maps to a field only when it matches it by this much more than any other field.
MARGIN = 5
SCORE = "score"
#: Shorter synonyms and titles ("von", "art", "to") match only exactly: fuzzily, they would
#: match any word that contains them ("Departments" holds "art").
FUZZY_MIN_LENGTH = 4
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


@cache
def _fuzzy_candidates(target: str, scores_only: bool = False) -> list[str]:
    index = synonym_index(target)
    fields = target_for(target)
    return [
        word
        for word, field in index.items()
        if len(word) >= FUZZY_MIN_LENGTH and (not scores_only or fields.field(field).kind == SCORE)
    ]


def header_candidates(target: str, header: object) -> list[tuple[str, float]]:
    """The fields this header may mean, best first, with how sure (0-100); at most one per
    field. A header with a scale hint ("(1-4)") only ever means a score."""
    raw = clean_text(header)
    hinted = has_scale_hint(raw)
    text = normalise(without_scale_hint(raw) if hinted else raw)
    if not text:
        return []
    index = synonym_index(target)
    fields = target_for(target)
    if text in index and (not hinted or fields.field(index[text]).kind == SCORE):
        return [(index[text], 100.0)]
    if len(text) < FUZZY_MIN_LENGTH:
        return []
    found = process.extract(
        text,
        _fuzzy_candidates(target, hinted),
        scorer=fuzz.WRatio,
        score_cutoff=FUZZY_CUTOFF,
        limit=12,
    )
    best: dict[str, float] = {}
    for word, score, _index in found:
        best.setdefault(index[word], float(score))
    return sorted(best.items(), key=lambda item: -item[1])


def match_header(target: str, header: object) -> tuple[str | None, float]:
    """The field this header means, and how sure (0-100); None when no field is clearly
    the best (within MARGIN of the next one): such a column is shown as "choose"."""
    candidates = header_candidates(target, header)
    if not candidates:
        return None, 0.0
    field, score = candidates[0]
    if score < 100 and len(candidates) > 1 and score - candidates[1][1] < MARGIN:
        return None, 0.0
    return field, score


def unsure_columns(target: str, headers: list[object], mapping: dict) -> dict[int, list[str]]:
    """Unmapped columns whose title reads like several fields: column -> those fields."""
    unsure = {}
    for column, header in enumerate(headers):
        if str(column) in mapping or column in mapping:
            continue
        candidates = header_candidates(target, header)
        if len(candidates) > 1:
            unsure[column] = [field for field, _score in candidates[:3]]
    return unsure


def propose_mapping(target: str, headers: list[object]) -> dict[int, str]:
    """column index -> field; each field goes to the column that matches it best."""
    return {column: field for column, (field, _score) in propose_scored(target, headers).items()}


def propose_scored(target: str, headers: list[object]) -> dict[int, tuple[str, float]]:
    """column index -> (field, how sure); each field goes to the column that matches it best."""
    candidates = []
    for column, header in enumerate(headers):
        field, score = match_header(target, header)
        if field:
            candidates.append((score, -column, column, field))
    mapping: dict[int, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, _order, column, field in sorted(candidates, reverse=True):
        if field not in taken:
            mapping[column] = (field, score)
            taken.add(field)
    return dict(sorted(mapping.items()))


@dataclass
class HeaderGuess:
    target: str
    sheet: Sheet
    row: int  # index into sheet.rows
    mapping: dict[int, str]
    certainty: float = 0.0  # the sum of the columns' match scores

    @classmethod
    def of_row(cls, target: str, sheet: Sheet, row: int, headers: list) -> "HeaderGuess":
        scored = propose_scored(target, headers)
        mapping = {column: field for column, (field, _score) in scored.items()}
        certainty = sum(score for _field, score in scored.values())
        return cls(target, sheet, row, mapping, certainty)

    @property
    def has_signature(self) -> bool:
        """Whether the columns that show this kind of list are all there."""
        mapped = set(self.mapping.values())
        return all(field in mapped for field in target_for(self.target).signature)

    @property
    def score(self) -> int:
        return len(self.mapping) + (2 if self.has_signature else 0)


def guess_headers(sheet: Sheet, targets: Iterable[str] = TARGETS) -> dict[str, HeaderGuess]:
    """Per target, the row among the first ones whose cells read most like its headers."""
    best = {target: HeaderGuess(target, sheet, 0, {}) for target in targets}
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        if not any(isinstance(cell, str) and cell.strip() for cell in row):
            continue
        clearly = False
        for target in best:
            guess = HeaderGuess.of_row(target, sheet, index, row)
            if guess.score > best[target].score:
                best[target] = guess
            clearly = clearly or _clearly_headers(guess, row)
        if clearly:
            break  # the rows below are data; matching them fuzzily only costs time
    for guess in best.values():
        if not guess.mapping:
            guess.row = _first_filled_row(sheet)
    return best


def guess_header(target: str, sheet: Sheet) -> HeaderGuess:
    return guess_headers(sheet, (target,))[target]


def _clearly_headers(guess: HeaderGuess, row: list) -> bool:
    filled = sum(1 for cell in row if clean_text(cell))
    return guess.has_signature and len(guess.mapping) >= max(3, 0.6 * filled)


def _first_filled_row(sheet: Sheet) -> int:
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        if any(clean_text(cell) for cell in row):
            return index
    return 0


def choose_sheet(target: str, sheets: list[Sheet]) -> HeaderGuess:
    """The sheet that holds the list: the best header row wins; ties go to the first sheet."""
    guesses = [guess_header(target, sheet) for sheet in sheets]
    return max(guesses, key=lambda guess: (guess.score, -guesses.index(guess)))


def list_in(sheet: Sheet) -> HeaderGuess | None:
    """The list a sheet holds: one whose signature columns are all there (systems: a name;
    integrations: from and to), and of those the one whose titles match best. A sheet with
    "Von" and "Nach" holds integrations, even if "Quellsystem" also reads like a name."""
    complete = [guess for guess in guess_headers(sheet).values() if guess.has_signature]
    return max(
        complete,
        key=lambda guess: (guess.certainty, -import_order(guess.target)),
        default=None,
    )


def detect_lists(sheets: list[Sheet]) -> list[HeaderGuess]:
    """The best sheet for each kind of list the workbook holds, in import order."""
    best: dict[str, HeaderGuess] = {}
    for sheet in sheets:
        guess = list_in(sheet)
        if guess and (guess.target not in best or guess.score > best[guess.target].score):
            best[guess.target] = guess
    return sorted(best.values(), key=lambda guess: import_order(guess.target))


def headers_of(sheet: Sheet, row: int) -> list[str]:
    if row >= len(sheet.rows):
        return []
    return [clean_text(cell) for cell in sheet.rows[row]]
