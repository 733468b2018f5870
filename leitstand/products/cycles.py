"""Which release cycle of a product a name means: "2012 R2", "22H2", "2016 SP3", "LTSC 2021".

Each cycle is described by the tokens of its key, its label and its codename
("10-21h2-e-lts", "10 21H2 (E)"), plus the words our catalogue adds (cycle_tokens, e.g.
"2021" for Windows 10 LTSC 2021). The version words of a name must all appear in a cycle
(numbers may be more or less precise: "6" fits 6.4, "6.5.8" fits 6.5). Edition words
select among the rest ("Pro" -> W, "Enterprise" -> E); cycles that carry a variant the name
does not ask for (R2, LTSC, IoT, "for Mac") drop out. The number of a hardware model ("DS920+",
after a word of the product's `models`) is not a version. Service packs are patch levels: of
"2016", "2016 SP1" ... "2016 SP3" the newest is meant. Anything still ambiguous is answered
only if every remaining cycle has already lost security support (then the newest, marked as
assumed: "support ended by then at the latest" is true whichever it was); otherwise no cycle.
"""

import re
from dataclasses import dataclass
from datetime import date

from leitstand.products.catalogue import Cycle, Product
from leitstand.products.names import fold, is_version_token, tokens_of

DEFAULT_EDITIONS = frozenset({"w"})  # Windows home/pro editions: what a plain name means
SERVICE_PACK = re.compile(r"sp\d+")
RELEASE = re.compile(r"r\d")
SYNONYMS = {"ltsc": "lts", "ltsb": "lts"}


@dataclass(frozen=True, slots=True)
class CycleChoice:
    cycle: Cycle | None
    assumed: bool = False
    words: frozenset[str] = frozenset()  # the words of the name read as version or edition


@dataclass(frozen=True)
class _CycleIndex:
    tokens: tuple[frozenset[str], ...]  # per cycle: key, label and extra words
    codenames: tuple[frozenset[str], ...]
    vocabulary: frozenset[str]  # alphabetic words of keys and labels, minus common ones
    codename_words: frozenset[str]
    common: frozenset[str]
    alias_words: frozenset[str]
    key_words: frozenset[str]  # alphabetic words of the cycle keys ("ltsc", "r2", "sac")
    edition_words: frozenset[str]  # the edition tokens the product's editions map to
    exact: dict[str, frozenset[int]]  # word -> cycles that have it (codenames included)
    finer: dict[str, frozenset[int]]  # "6" -> cycles with a more precise number (6.4, 6.5)


def _normal(token: str) -> str:
    return SYNONYMS.get(token, token)


def _tokens(text: str) -> set[str]:
    return {_normal(token) for token in tokens_of(fold(text))}


_INDEXES: dict[str, _CycleIndex] = {}


def _index(product: Product) -> _CycleIndex:
    index = _INDEXES.get(product.id)
    if index is None:
        index = _INDEXES[product.id] = _build_index(product)
    return index


def _build_index(product: Product) -> _CycleIndex:
    per_cycle = []
    codenames = []
    key_words = set()
    for cycle in product.cycles:
        key_words |= {t for t in _tokens(cycle.key.replace("-", " ")) if t.isalpha()}
        key_words |= {t for t in _tokens(product.cycle_tokens.get(cycle.key, "")) if t.isalpha()}
        words = _tokens(cycle.key.replace("-", " ")) | _tokens(cycle.label)
        words |= _tokens(product.cycle_tokens.get(cycle.key, ""))
        per_cycle.append(frozenset(words))
        codenames.append(frozenset(t for t in _tokens(cycle.codename) if t.isalpha()))
    counts: dict[str, int] = {}
    for words in per_cycle:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    half = max(2, len(per_cycle) // 2 + 1)
    common = frozenset(
        word for word, n in counts.items() if n >= half and word.isalpha() and len(per_cycle) > 2
    )
    vocabulary = frozenset(
        word for words in per_cycle for word in words if word.isalpha() and word not in common
    )
    alias_words = frozenset(
        token
        for alias in (*product.aliases, product.name)
        for token in _tokens(alias.lstrip("="))
        if token.isalpha()
    )
    exact: dict[str, set[int]] = {}
    finer: dict[str, set[int]] = {}
    for position, words in enumerate(per_cycle):
        for word in words | codenames[position]:
            exact.setdefault(word, set()).add(position)
            if word[0].isdigit():
                parts = _parts(word)
                for length in range(1, len(parts)):
                    finer.setdefault(".".join(parts[:length]), set()).add(position)
    return _CycleIndex(
        exact={word: frozenset(positions) for word, positions in exact.items()},
        finer={word: frozenset(positions) for word, positions in finer.items()},
        tokens=tuple(per_cycle),
        codenames=tuple(codenames),
        vocabulary=vocabulary,
        codename_words=frozenset(word for names in codenames for word in names),
        common=common,
        alias_words=alias_words,
        key_words=frozenset(key_words),
        edition_words=frozenset(t for tokens in product.editions.values() for t in tokens),
    )


def _parts(version: str) -> list[str]:
    return version.split(".")


def _fits(wanted: str, index: _CycleIndex) -> dict[int, int]:
    """Cycles a version word fits, and how well: 3 equal, 2 cycle less precise ("6.5" for
    "6.5.8"), 1 cycle more precise ("6.4" for "6")."""
    scores = {}
    if wanted[0].isdigit():
        for position in index.finer.get(wanted, ()):
            scores[position] = 1
        parts = _parts(wanted)
        for length in range(1, len(parts)):
            for position in index.exact.get(".".join(parts[:length]), ()):
                scores[position] = 2
    for position in index.exact.get(wanted, ()):
        scores[position] = 3
    return scores


def _variants(words: frozenset[str], codename: frozenset[str], common: frozenset[str]) -> set:
    return {
        word
        for word in words
        if (word.isalpha() and word not in common and word not in codename)
        or RELEASE.fullmatch(word)
    } - DEFAULT_EDITIONS


def _newest(cycles: list[tuple[int, Cycle]]) -> tuple[int, Cycle]:
    return max(cycles, key=lambda item: (item[1].release or date.min, item[1].key))


def choose_cycle(product: Product | None, name_tokens: tuple[str, ...], today: date) -> CycleChoice:
    if product is None or not product.cycles:
        return CycleChoice(None)
    index = _index(product)
    hard: list[str] = []
    editions: set[str] = set()
    words: set[str] = set()
    previous = ""
    for raw in name_tokens:
        token = _normal(raw)
        after_model_prefix, previous = previous in product.model_prefixes, raw
        if after_model_prefix and raw[0].isdigit():
            continue  # a hardware model number (DS920+), not a version
        if raw in product.editions or token in product.editions:
            editions.update(product.editions.get(raw) or product.editions[token])
            words.add(raw)
        elif is_version_token(token):
            hard.append(token)
            words.add(raw)
        elif token in index.edition_words:
            continue  # "W" of "W10" is the product, not the edition code W
        elif token in index.alias_words and token not in index.key_words:
            continue  # a word of the product's name that a label happens to repeat
        elif token in index.vocabulary or token in index.codename_words:
            hard.append(token)
            words.add(raw)
    # Version words that no cycle knows and that belong to the product's own name ("3" of
    # 3CX, "1" of SAP B1, "400" of AS/400) are part of the name, not a version.
    own_numbers = _name_numbers(product)
    fits = {token: _fits(token, index) for token in hard}
    hard = [token for token in hard if not (token in own_numbers and not fits[token])]
    if not hard and not editions:
        return CycleChoice(None)
    words_used = frozenset(words)
    if hard:
        totals: dict[int, int] = dict(fits[hard[0]])
        for token in hard[1:]:
            scores = fits[token]
            totals = {p: total + scores[p] for p, total in totals.items() if p in scores}
        candidates = [(total, position) for position, total in totals.items()]
    else:
        candidates = [(0, position) for position in range(len(index.tokens))]
    if not candidates:
        return CycleChoice(None, words=words_used)
    best = max(score for score, _ in candidates)
    chosen = [(p, product.cycles[p]) for score, p in candidates if score == best]
    if editions:
        # A cycle that has no edition split (10-22h2) fits every edition.
        with_edition = [
            (p, c)
            for p, c in chosen
            if editions <= index.tokens[p] or not (index.tokens[p] & index.edition_words)
        ]
        chosen = with_edition or chosen
    asked = set(hard) | editions
    plain = [
        (p, c)
        for p, c in chosen
        if not (_variants(index.tokens[p], index.codenames[p], index.common) - asked)
    ]
    chosen = plain or chosen
    if len(chosen) == 1:
        return CycleChoice(chosen[0][1], words=words_used)
    without_patch_levels = {
        frozenset(
            t for t in index.tokens[p] if not SERVICE_PACK.fullmatch(t) and not t[0].isdigit()
        )
        for p, _ in chosen
    }
    numbers = {frozenset(t for t in index.tokens[p] if t[0].isdigit()) for p, _ in chosen}
    if len(without_patch_levels) == 1 and len(numbers) == 1:
        return CycleChoice(_newest(chosen)[1], words=words_used)
    if all(c.security_ended(today) for _, c in chosen):
        return CycleChoice(_newest(chosen)[1], assumed=True, words=words_used)
    return CycleChoice(None, words=words_used)


def _name_numbers(product: Product) -> frozenset[str]:
    numbers = _NUMBERS.get(product.id)
    if numbers is None:
        numbers = _NUMBERS[product.id] = _numbers_in_names(product)
    return numbers


_NUMBERS: dict[str, frozenset[str]] = {}


def _numbers_in_names(product: Product) -> frozenset[str]:
    return frozenset(
        token
        for alias in (*product.aliases, product.name)
        for token in tokens_of(fold(alias.lstrip("=")))
        if token[0].isdigit()
    )
