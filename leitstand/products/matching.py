"""Recognise a catalogue product, and its release cycle, from a name as people write it.

Stages, first hit wins: (1) aliases: every token of an alias is in the name ("Win Server
2012R2" holds the alias "win server"); the alias that explains most of the name wins;
(2) the same after correcting misspelt words against the words of all aliases ("Microsft");
(3) fuzzy comparison of the whole name with every alias (rapidfuzz ratio, threshold 88).
Aliases written with "=" (generic words such as "Box") count only when nothing but version,
edition and noise words stand beside them. The words left over after the product was found
select the release cycle (cycles.py). A name that is only a family word ("SAP", "Office")
is not recognised; the family's products are offered as candidates instead.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from leitstand.core.compiled import kept
from leitstand.products.catalogue import (
    Catalogue,
    Cycle,
    Product,
    load_catalogue,
    rebuilt_from_fields,
    sources,
)
from leitstand.products.cycles import CycleChoice, choose_cycle
from leitstand.products.names import (
    CONTEXT_WORDS,
    NOISE_WORDS,
    SHADOW_WORDS,
    fold,
    is_version_token,
    parse_name,
    tokens_of,
)

THRESHOLD = 0.5  # below this confidence a name counts as not recognised
VENDOR_SHORT_FORMS = {"ms": ("microsoft",), "microsoft": ("ms",)}
TOKEN_FIX_MIN_LENGTH = 4
TOKEN_FIX_CUTOFF = 85
WHOLE_NAME_CUTOFF = 88
WHOLE_NAME_MAX_TOKENS = 4
#: Highest confidence of a name found only after correcting its words, or only by comparing
#: the whole name (the alias' score times this): such finds are never sure.
CORRECTED_AT_MOST = 0.85
FUZZY_AT_MOST = 0.8

# A name that is only one of these words names a family of products: ask, don't guess.
FAMILIES: dict[str, tuple[str, ...]] = {
    "sap": ("sap-business-one", "sap-erp", "sap-s4hana", "sap-business-bydesign"),
    "sage": ("sage-50", "sage-100", "sage-hr"),
    "datev": ("datev-unternehmen-online", "datev-rechnungswesen", "datev-lohn-und-gehalt"),
    "lexware": ("lexware-office", "lexware-buchhaltung", "lexware-lohn-gehalt"),
    "microsoft": ("microsoft-365", "microsoft-office", "windows"),
    "ms": ("microsoft-365", "microsoft-office", "windows"),
    "google": ("google-workspace", "google-drive", "gmail"),
    "office": ("microsoft-office", "microsoft-365"),
    "atlassian": ("jira", "confluence", "trello"),
    "adobe": ("adobe-creative-cloud", "adobe-acrobat"),
    "apple": ("macos", "ios", "icloud"),
}


@dataclass(frozen=True, slots=True, eq=False)  # identity hash: entries are unique objects
class AliasEntry:
    product_id: str
    text: str
    tokens: frozenset[str]
    size: int  # number of tokens
    strict: bool

    __reduce__ = rebuilt_from_fields


@dataclass(frozen=True)
class Match:
    """What the matcher made of one name."""

    name: str
    product: Product | None
    confidence: float
    method: str  # alias, tokens, corrected, fuzzy, family, none
    alias: str = ""
    cycle: Cycle | None = None
    cycle_assumed: bool = False  # version not named precisely; every candidate had ended
    candidates: tuple[Product, ...] = ()
    context: tuple[str, ...] = ()
    private_use: bool = False  # "privat", "persönlich": a personal account (shadow IT)
    leftover: tuple[str, ...] = field(default=())

    @property
    def recognised(self) -> bool:
        return self.product is not None and self.confidence >= THRESHOLD

    @property
    def end_of_support(self) -> date | None:
        return self.cycle.end_of_security_support if self.cycle else None


class Matcher:
    """Built once per catalogue; `match` is safe to call from many threads (read-only)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.by_token: dict[str, list[AliasEntry]] = defaultdict(list)
        self.whole: dict[str, str] = {}  # alias text (tokens joined) -> product id
        for product in catalogue.products:
            for alias in product.aliases:
                self._add(product.id, alias)
        self.vocabulary = sorted(self.by_token)
        self.vocabulary_by_length = self._by_length(self.vocabulary)
        # Each alias filed once, under its rarest word: a name is checked only against the
        # aliases one of whose rare words it contains, not against every "Microsoft ...".
        self.by_rare: dict[str, list[AliasEntry]] = defaultdict(list)
        entries = {id(e): e for entries in self.by_token.values() for e in entries}.values()
        for entry in entries:
            rare = min(entry.tokens, key=lambda token: (len(self.by_token[token]), token))
            self.by_rare[rare].append(entry)
        self.rare_words = frozenset(self.by_rare)
        self.whole_by_shape: dict[tuple[int, int], list[str]] = defaultdict(list)
        for text in sorted(self.whole):
            self.whole_by_shape[(text.count(" ") + 1, len(text))].append(text)
        self._length_ranges: dict[tuple[int, int], range] = {}
        self._similar: dict[tuple[int, int], list[str]] = {}
        self._whole_choices: dict[tuple[int, int], list[str]] = {}

    def __getstate__(self) -> dict:
        """The index without its catalogue, which is kept on its own (`matcher()`)."""
        state = self.__dict__.copy()
        del state["catalogue"]
        return state

    @staticmethod
    def _by_length(words: list[str]) -> dict[int, list[str]]:
        result: dict[int, list[str]] = defaultdict(list)
        for word in words:
            result[len(word)].append(word)
        return result

    def _lengths(self, length: int, cutoff: int) -> range:
        """Lengths that still allow a ratio of `cutoff` (ratio = 2m / (a + b) * 100)."""
        key = (length, cutoff)
        lengths = self._length_ranges.get(key)
        if lengths is None:
            share = cutoff / 100
            low = max(int(length * share / (2 - share)), 1)
            high = int(length * (2 - share) / share) + 1
            lengths = self._length_ranges[key] = range(low, high + 1)
        return lengths

    def similar_words(self, word: str, cutoff: int) -> list[str]:
        key = (-len(word), cutoff)
        words = self._similar.get(key)
        if words is None:
            by_length = self.vocabulary_by_length
            lengths = self._lengths(len(word), cutoff)
            words = self._similar[key] = [w for n in lengths for w in by_length.get(n, ())]
        return words

    def _add(self, product_id: str, alias: str) -> None:
        strict = alias.startswith("=")
        tokens = tokens_of(fold(alias.lstrip("=")))
        if not tokens:
            return
        if tokens[0] in VENDOR_SHORT_FORMS and len(tokens) > 1:
            # "MS Teams" and "Microsoft Teams" are written for each other.
            for other in VENDOR_SHORT_FORMS[tokens[0]]:
                self._add_tokens(product_id, alias, (other, *tokens[1:]), strict)
        self._add_tokens(product_id, alias, tokens, strict)

    def _add_tokens(
        self, product_id: str, alias: str, tokens: tuple[str, ...], strict: bool
    ) -> None:
        variants = [tokens]
        compact = "".join(tokens)
        if len(tokens) > 1 and compact.isalpha():
            variants.append((compact,))  # "Microsoft Teams" also as "microsoftteams"
        for variant in variants:
            entry = AliasEntry(
                product_id, alias.lstrip("="), frozenset(variant), len(variant), strict
            )
            for token in entry.tokens:
                self.by_token[token].append(entry)
        if not strict:
            self.whole.setdefault(" ".join(tokens), product_id)

    # -- the stages ---------------------------------------------------------------------

    def _present(self, tokens: tuple[str, ...]) -> tuple[set[str], dict[str, tuple[str, ...]]]:
        """The name's words, with adjacent words joined where an alias has them as one
        ("Pipe Drive" -> pipedrive), and which words each joined one stands for."""
        present = set(tokens)
        joined: dict[str, tuple[str, ...]] = {}
        for size in (2, 3):
            for start in range(len(tokens) - size + 1):
                part = tokens[start : start + size]
                compact = "".join(part)
                if compact in self.by_token:
                    joined[compact] = part
        present.update(joined)
        return present, joined

    def _holds_alias(self, tokens: tuple[str, ...]) -> bool:
        """Whether all the words of some alias are in the name (`_best_alias` finds one)."""
        present, _joined = self._present(tokens)
        for token in present.intersection(self.rare_words):  # each alias under its rarest word
            for entry in self.by_rare[token]:
                if entry.tokens <= present:
                    return True
        return False

    def _best_alias(self, tokens: tuple[str, ...]) -> tuple[AliasEntry, frozenset[str]] | None:
        """The alias whose tokens all appear in the name and that explains most of it."""
        present, joined = self._present(tokens)
        if present.isdisjoint(self.rare_words):  # no alias is filed under any of its words
            return None
        best = None
        best_key = None
        seen = set()
        # In a fixed order, so that two aliases explaining as much ("Sophos Firewall" and
        # "Sophos XGS" in "Firewall Sophos XGS") give the same answer in every process.
        for token in sorted(present):
            for entry in self.by_rare.get(token, ()):
                if entry in seen or not entry.tokens <= present:
                    continue
                seen.add(entry)
                covered = set()
                for token_of_alias in entry.tokens:
                    covered.update(joined.get(token_of_alias, (token_of_alias,)))
                # Words such as "Teams" or "Cloud" say little: "Bitwarden Teams" is Bitwarden.
                telling = sum(1 for token in covered if token not in NOISE_WORDS)
                key = (telling, len(covered), entry.size, not entry.strict)
                if best_key is None or key > best_key:
                    best, best_key = (entry, frozenset(covered)), key
                elif key == best_key and self._leaves_fewer_unknown(tokens, covered, best[1]):
                    best = (entry, frozenset(covered))
        return best

    def _leaves_fewer_unknown(self, tokens, covered, other_covered) -> bool:
        """Between two aliases that explain as much, the one that leaves no unknown word:
        "firewall" beside "Sophos XGS" is a word of context, "xgs" beside "Sophos Firewall"
        is not."""
        unknown = self._unknown(self._leftover(tokens, frozenset(covered)))
        return len(unknown) < len(self._unknown(self._leftover(tokens, other_covered)))

    def _leftover(self, tokens: tuple[str, ...], covered: frozenset[str]) -> tuple[str, ...]:
        return tuple(token for token in tokens if token not in covered)

    @staticmethod
    def _unknown(leftover: tuple[str, ...]) -> list[str]:
        return [
            token
            for token in leftover
            if not is_version_token(token)
            and token not in NOISE_WORDS
            and token not in CONTEXT_WORDS
            and len(token) > 1
        ]

    def _corrected(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        changed = False
        fixed = []
        for token in tokens:
            replacement = self._fix_token(token)
            if replacement != token:
                changed = True
            fixed.append(replacement)
        return tuple(fixed) if changed else None

    def _fix_token(self, token: str) -> str:
        return _fix_token_cached(self, token)

    # -- the entry point ------------------------------------------------------------------

    def may_reach(self, name: str, confidence: float) -> bool:
        """False when `match(name)` surely stays below `confidence`: above what a corrected
        or a fuzzy find can reach, only a name holding all the words of an alias (or whose
        remark in brackets does) is recognised. Most names of a long list hold none, and
        this look costs a fraction of `match` (the parsed name is kept for it)."""
        if confidence <= max(CORRECTED_AT_MOST, FUZZY_AT_MOST):
            return True
        tokens, context = parse_name(name)
        return bool(
            (tokens and self._holds_alias(tokens)) or (context and self._holds_alias(context))
        )

    def match(self, name: str, today: date | None = None) -> Match:
        today = today or date.today()
        parsed = parse_name(name)
        tokens = parsed.tokens
        context = parsed.context
        private = any(word in SHADOW_WORDS for word in (*tokens, *context))
        if not tokens:
            return Match(name, None, 0.0, "none", context=context, private_use=private)

        if len(tokens) == 1 and tokens[0] in FAMILIES:
            return Match(
                name,
                None,
                0.0,
                "family",
                candidates=self._family(tokens),
                context=context,
                private_use=private,
            )
        method = "tokens"
        found = self._best_alias(tokens)
        penalty = 1.0
        if found is None:
            corrected = self._corrected(tokens)
            if corrected is not None:
                found = self._best_alias(corrected)
                if found is not None:
                    tokens, method, penalty = corrected, "corrected", CORRECTED_AT_MOST
        if found is None and context:
            # "Kundenportal (Shopware)": the product is often named in brackets.
            found = self._best_alias(context)
            if found is not None:
                tokens, context, penalty = context, tokens, 0.95
        if found is not None:
            entry, covered = found
            leftover = self._leftover(tokens, covered)
            unknown = self._unknown(leftover)
            if entry.strict and unknown:
                found = None
            else:
                return self._result(
                    name, entry, tokens, leftover, unknown, method, penalty, context, private, today
                )
        family = self._family(tokens)
        if family:
            return Match(
                name, None, 0.0, "family", candidates=family, context=context, private_use=private
            )
        return self._fuzzy(name, tokens, context, private, today)

    def _result(
        self,
        name: str,
        entry: AliasEntry,
        tokens: tuple[str, ...],
        leftover: tuple[str, ...],
        unknown: list[str],
        method: str,
        penalty: float,
        context: tuple[str, ...],
        private: bool,
        today: date,
    ) -> Match:
        product = self.catalogue.get(entry.product_id)
        if product.versioned and not product.cycles and any(t[0].isdigit() for t in leftover):
            product = self.catalogue.get(product.versioned) or product  # "SharePoint 2013"
        choice: CycleChoice = choose_cycle(product, tokens, today)
        unknown = [token for token in unknown if token not in choice.words]
        if not unknown:
            if method == "tokens":
                method = "alias"
            confidence = 1.0
        else:
            explained = entry.size
            confidence = max(0.55, 0.95 * explained / (explained + len(unknown)))
        return Match(
            name=name,
            product=product,
            confidence=round(confidence * penalty, 2),
            method=method,
            alias=entry.text,
            cycle=choice.cycle,
            cycle_assumed=choice.assumed,
            context=context,
            private_use=private,
            leftover=leftover,
        )

    def _family(self, tokens: tuple[str, ...]) -> tuple[Product, ...]:
        words = [token for token in tokens if token in FAMILIES]
        if not words:
            return ()
        rest = [token for token in tokens if token not in FAMILIES]
        if self._unknown(tuple(rest)):
            return ()
        ids = FAMILIES[words[0]]
        return tuple(product for pid in ids if (product := self.catalogue.get(pid)))

    def _fuzzy(
        self,
        name: str,
        tokens: tuple[str, ...],
        context: tuple[str, ...],
        private: bool,
        today: date,
    ) -> Match:
        nothing = Match(name, None, 0.0, "none", context=context, private_use=private)
        words = [token for token in tokens if not is_version_token(token)]
        # Only for names with a word no alias knows: a name made of known words that no
        # alias fully contains is generic ("Warenwirtschaft", "Cloud"), not a typo.
        if (
            not words
            or len(words) > WHOLE_NAME_MAX_TOKENS
            or all(word in self.by_token for word in words)
        ):
            return nothing
        query = " ".join(words)
        if len(query) < 5:
            return nothing
        key = (len(words), len(query))
        choices = self._whole_choices.get(key)
        if choices is None:
            choices = self._whole_choices[key] = [
                text
                for size in self._lengths(len(query), WHOLE_NAME_CUTOFF)
                for text in self.whole_by_shape.get((len(words), size), ())
            ]
        hit = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=WHOLE_NAME_CUTOFF)
        if hit is None:
            return nothing
        alias_text, score, _index = hit
        product = self.catalogue.get(self.whole[alias_text])
        leftover = tuple(token for token in tokens if is_version_token(token))
        choice = choose_cycle(product, leftover, today)
        return Match(
            name=name,
            product=product,
            confidence=round(score / 100 * FUZZY_AT_MOST, 2),
            method="fuzzy",
            alias=alias_text,
            cycle=choice.cycle,
            cycle_assumed=choice.assumed,
            context=context,
            private_use=private,
            leftover=leftover,
        )


_FIXES: dict[tuple[int, str], str] = {}


def _fix_token_cached(matcher: Matcher, token: str) -> str:
    """The alias word a misspelt word most likely means (kept per matcher and word)."""
    if (
        len(token) < TOKEN_FIX_MIN_LENGTH
        or not token.isalpha()
        or token in matcher.by_token
        or token in NOISE_WORDS
        or token in CONTEXT_WORDS
    ):
        return token  # numbers, short and known words stay as they are (nothing to keep)
    key = (id(matcher), token)
    cached = _FIXES.get(key)
    if cached is not None:
        return cached
    result = token
    cutoff = TOKEN_FIX_CUTOFF if len(token) >= 6 else 88
    choices = matcher.similar_words(token, cutoff)
    hit = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    if hit is not None:
        result = hit[0]
    if len(_FIXES) > 200_000:
        _FIXES.clear()
    _FIXES[key] = result
    return result


_MATCHER: Matcher | None = None


def matcher() -> Matcher:
    """The matcher of the shipped catalogue: its index is built by the first process (about
    15 ms) and kept under var/ for the next ones, like the catalogue."""
    global _MATCHER
    if _MATCHER is None:
        catalogue = load_catalogue()
        code = [Path(__file__), Path(__file__).with_name("names.py")]  # the index's code
        found = kept("products-matcher", [*sources(), *code], lambda: Matcher(catalogue))
        found.catalogue = catalogue
        _MATCHER = found
    return _MATCHER


def match_name(name: str, today: date | None = None) -> Match:
    return matcher().match(name, today)


def may_reach(name: str, confidence: float) -> bool:
    """Whether `match_name(name)` can reach `confidence` (see `Matcher.may_reach`)."""
    return matcher().may_reach(name, confidence)
