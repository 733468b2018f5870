"""Understanding what a cell means for a choice field, as people write it.

"Cloud (SaaS)", "self-hosted", "manuell abtippen", "Datei-Export/Import", "Copy & Paste (Excel)",
"Webhooks", "Geraet", "autom.": each is plainly one of the choices. A value is understood in
steps, each stricter about what counts as the same:
1. the whole text is a known word (after normalising case, punctuation, parentheses and umlaut
   spellings);
2. the same with plural and inflection endings removed ("Dateien", "Webhooks");
3. the whole text is close to one known word and clearly closer to it than to any word of
   another value ("abtipen");
4. its parts are known words ("Cloud (SaaS)", "manuell abtippen", "autom. Schnittstelle"), and
   the words of one value cover more of the text than the words of all other values together.
Anything else is unclear: the caller asks the person (preview) or leaves the cell empty.

Pure Python (rapidfuzz, no Django), so the tables can be property-tested on their own.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

#: How close a word must be to count as the same, and by how much the best value must beat the
#: next one (rapidfuzz ratio, 0-100).
CLOSE = 85
CLOSE_WORD = 88
MARGIN = 6
#: Words shorter than this are only compared exactly ("db", "eu", "api").
FUZZY_MIN_LENGTH = 4
MAX_PART_WORDS = 4
_STOP = "per via ueber mit im in der die das den dem des ein eine einer und oder vom zum zur ins"
STOP_WORDS = frozenset(
    f"{_STOP} am an auf bei fuer aus the a by to of and or with for on at".split()
)
_ENDINGS = ("en", "er", "es", "e", "n", "s")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_WORD = re.compile(r"[^\w]+")
_ABBREVIATED = re.compile(r"(\w{3,})\.")


def normalise_value(text: str) -> str:
    """Lower case, umlauts spelled out, punctuation and brackets removed, spaces collapsed."""
    value = unicodedata.normalize("NFKC", str(text)).lower()
    if not value.isascii():  # (translating costs more than the rest; ASCII has no umlauts)
        value = value.translate(_UMLAUTS)
    if not value.replace(" ", "").isalnum():  # \w is a letter, a digit or "_"
        value = _NON_WORD.sub(" ", value).replace("_", " ")
    return " ".join(value.split())


def stem(word: str) -> str:
    """A word without its plural or inflection ending ("dateien" -> "datei", "webhooks")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def stem_words(text: str) -> str:
    return " ".join(stem(word) for word in text.split())


@dataclass(frozen=True, slots=True)
class Understood:
    value: str
    word: str  # the known word it was matched with (normalised)
    how: str  # "exact" or "close" (a close match is shown in the preview to be checked)


@dataclass(eq=False)
class ValueTable:
    """The words of one choice field: normalised word -> stored value."""

    index: dict[str, str]
    stems: dict[str, str]  # stemmed word -> value, where only one value has it
    stem_words: dict[str, str]  # stemmed word -> the known word it comes from
    implies: dict[str, dict[str, str]]
    fuzzy_words: list[str]
    _understood: dict[tuple[str, bool], Understood | None] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        words_by_value: Mapping[str, Iterable[str]],
        implies: Mapping[str, Mapping[str, str]] | None = None,
    ) -> "ValueTable":
        index: dict[str, str] = {}
        for value, words in words_by_value.items():
            for word in words:
                normalised = normalise_value(word)
                if normalised:
                    index.setdefault(normalised, value)
        stems: dict[str, str] = {}
        originals: dict[str, str] = {}
        ambiguous: set[str] = set()
        for word, value in index.items():
            stemmed = stem_words(word)
            if stems.get(stemmed, value) != value:
                ambiguous.add(stemmed)
            stems.setdefault(stemmed, value)
            originals.setdefault(stemmed, word)
        for stemmed in ambiguous:
            del stems[stemmed]
        implied = {normalise_value(word): dict(fields) for word, fields in (implies or {}).items()}
        fuzzy = [word for word in index if len(word) >= FUZZY_MIN_LENGTH]
        return cls(index, stems, originals, implied, fuzzy)

    def understand(self, text: str, parts: bool = True) -> Understood | None:
        """The value `text` stands for, or None when it is unclear. Each text is judged once.
        Without `parts`, only the whole text counts (steps 1 to 3)."""
        normalised = normalise_value(text)
        key = (normalised, parts)
        try:
            return self._understood[key]
        except KeyError:
            pass
        found = self._judge(normalised, _abbreviations(text), parts) if normalised else None
        self._understood[key] = found
        return found

    def implied_by(self, understood: Understood) -> dict[str, str]:
        """Other fields the matched word says something about ("SaaS" as a kind: its hosting)."""
        return self.implies.get(understood.word, {})

    def _judge(self, text: str, abbreviations: frozenset[str], parts: bool) -> Understood | None:
        if text in self.index:
            return Understood(self.index[text], text, "exact")
        stemmed = stem_words(text)
        if stemmed in self.stems:
            return Understood(self.stems[stemmed], self.stem_words[stemmed], "close")
        close = self._closest(text, CLOSE) if len(text) >= FUZZY_MIN_LENGTH else None
        if close is not None or not parts:
            return close
        return self._from_parts(text.split(), abbreviations)

    def _closest(self, text: str, cutoff: int) -> Understood | None:
        """The value of the closest word, if it is clearly closer than any other value's."""
        found = process.extract(text, self.fuzzy_words, scorer=fuzz.ratio, score_cutoff=cutoff)
        best: dict[str, tuple[float, str]] = {}
        for word, score, _index in found:
            value = self.index[word]
            if value not in best or score > best[value][0]:
                best[value] = (score, word)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        if len(ranked) > 1 and ranked[0][1][0] - ranked[1][1][0] < MARGIN:
            return None
        value, (_score, word) = ranked[0]
        return Understood(value, word, "close")

    def _from_parts(self, words: list[str], abbreviations: frozenset[str]) -> Understood | None:
        """Known words and phrases inside the text, longest first; one value must dominate."""
        covered = [False] * len(words)
        found: dict[str, int] = {}
        matched_word: dict[str, str] = {}
        for size in range(min(MAX_PART_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(covered[start : start + size]):
                    continue
                phrase = " ".join(words[start : start + size])
                value, word = self._part(phrase, size, abbreviations)
                if value is None:
                    continue
                meaningful = sum(1 for w in words[start : start + size] if w not in STOP_WORDS)
                found[value] = found.get(value, 0) + max(meaningful, 1)
                matched_word.setdefault(value, word)
                covered[start : start + size] = [True] * size
        if not found:
            return None
        content = sum(1 for word in words if word not in STOP_WORDS) or len(words)
        ranked = sorted(found.items(), key=lambda item: -item[1])
        value, count = ranked[0]
        others = sum(number for _value, number in ranked[1:])
        if count <= others or count * 2 < content:
            return None
        return Understood(value, matched_word[value], "close")

    def _part(self, phrase: str, size: int, abbreviations) -> tuple[str | None, str]:
        if phrase in self.index:
            return self.index[phrase], phrase
        stemmed = stem_words(phrase)
        if stemmed in self.stems:
            return self.stems[stemmed], self.stem_words[stemmed]
        if size > 1 or phrase in STOP_WORDS:
            return None, ""
        if phrase in abbreviations:
            return self._abbreviation(phrase)
        if len(phrase) >= 5:
            close = self._closest(phrase, CLOSE_WORD)
            if close is not None:
                return close.value, close.word
        return None, ""

    def _abbreviation(self, prefix: str) -> tuple[str | None, str]:
        """ "autom." is "automatisch": the values of the words it begins, if only one."""
        values = {value: word for word, value in self.index.items() if word.startswith(prefix)}
        if len(values) != 1:
            return None, ""
        value, word = next(iter(values.items()))
        return value, word


def _abbreviations(text: str) -> frozenset[str]:
    return frozenset(normalise_value(match) for match in _ABBREVIATED.findall(str(text)))
