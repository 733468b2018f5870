"""The kind of system from its name and other columns, when no column says it.

"Kundenliste.xlsx" and "Google Sheets" are spreadsheets, "Firewall", "NAS" and "Backup" are
infrastructure, "ELSTER" is an authority portal, "Microsoft 365" a suite, "Handscanner" a
device class; a system whose capability is accounting is an application. Where nothing says
it, the kind stays unknown: never "application" by default (DOMAIN.md, kinds of system).
"""

import re
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.imports.proposals import Proposal, ProposalInput, ProposalStep, register
from leitstand.imports.synonyms import value_catalogue
from leitstand.imports.targets import CAPABILITIES, SYSTEMS
from leitstand.imports.understanding import normalise_value

#: German compounds are found by their ending too ("Preisliste", "Kundenkartei").
MIN_COMPOUND = 8
KIND = "kind"
CAPABILITY_FIELD = "capabilities"
NO_KIND = "none"


@cache
def _hints() -> tuple[list[tuple], dict[str, str]]:
    """[(kind, file endings, words pattern, compound suffixes)] in order of precedence;
    capability key -> kind."""
    hints = value_catalogue()["kind_hints"]
    ordered: list[tuple] = []
    for kind, entry in hints.items():
        if kind == "capabilities":
            continue
        words = sorted({normalise_value(word) for word in entry.get("words", [])}, key=len)
        pattern = (
            re.compile(r"\b(" + "|".join(re.escape(w) for w in reversed(words)) + r")\b")
            if words
            else None
        )
        suffixes = tuple(normalise_value(word) for word in entry.get("suffixes", []))
        ordered.append((kind, tuple(entry.get("endings", [])), pattern, suffixes))
    by_capability = {
        key: kind for kind, keys in hints["capabilities"].items() for key in keys or ()
    }
    return ordered, by_capability


@dataclass(frozen=True)
class _AnyHint:
    """Every kind's endings, words and suffixes at once: most names hold none of them, and
    one look tells so; only on a hit are the kinds gone through in order of precedence."""

    endings: re.Pattern  # at the end of the name, before a space or a closing bracket
    words: frozenset[str]  # one-word hints
    #: hints of several words, with a space either side, by their first word
    phrases: dict[str, tuple[str, ...]]
    suffixes: tuple[str, ...]
    anything: bool  # an empty hint word, were there one, would be in every name


@cache
def _any_hint() -> _AnyHint:
    hints = value_catalogue()["kind_hints"]
    entries = [entry for kind, entry in hints.items() if kind != "capabilities"]
    endings = sorted({ending for entry in entries for ending in entry.get("endings", [])})
    words = {normalise_value(word) for entry in entries for word in entry.get("words", [])}
    phrases: dict[str, tuple[str, ...]] = {}
    for phrase in sorted(word for word in words if " " in word):
        phrases[phrase.split()[0]] = (*phrases.get(phrase.split()[0], ()), f" {phrase} ")
    return _AnyHint(
        endings=re.compile(
            "(?:" + "|".join(re.escape(ending) for ending in endings) + r")(?:\Z| |\))"
            if endings
            else r"(?!)"
        ),
        words=frozenset(word for word in words if word and " " not in word),
        phrases=phrases,
        suffixes=tuple(
            normalise_value(suffix) for entry in entries for suffix in entry.get("suffixes", [])
        ),
        anything="" in words,
    )


def _holds_a_hint(lowered: str, normalised: str) -> bool:
    """False when no kind's hint is in the name (the words as `\\b...\\b` in `_hints`)."""
    hint = _any_hint()
    words = normalised.split()  # normalised: words between single spaces
    if hint.anything or hint.endings.search(lowered) or not hint.words.isdisjoint(words):
        return True
    for word in words:
        if len(word) >= MIN_COMPOUND and word.endswith(hint.suffixes):
            return True
        phrases = hint.phrases.get(word)
        if phrases and any(phrase in f" {normalised} " for phrase in phrases):
            return True
    return False


def kind_from_name(name: str) -> tuple[str, str] | None:
    """(kind, the word that says it) from a system's name, or None."""
    lowered = str(name).lower().strip()
    normalised = normalise_value(name)
    if not _holds_a_hint(lowered, normalised):
        return None
    return _first_hint(lowered, normalised)


def _first_hint(lowered: str, normalised: str) -> tuple[str, str] | None:
    """The kinds gone through in order of precedence: the first hint found decides."""
    for kind, endings, pattern, suffixes in _hints()[0]:
        for ending in endings:
            if lowered.endswith(ending) or f"{ending} " in lowered or f"{ending})" in lowered:
                return kind, ending
        if pattern is not None and (found := pattern.search(normalised)):
            return kind, found[1]
        for word in normalised.split():
            if suffixes and len(word) >= MIN_COMPOUND and word.endswith(suffixes):
                return kind, word
    return None


def kind_from_capabilities(keys) -> tuple[str, str] | None:
    by_capability = _hints()[1]
    kinds = {by_capability[key] for key in keys if key in by_capability}
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    return kind, next(key for key in keys if by_capability.get(key) == kind)


def propose_kinds(given: ProposalInput) -> list[Proposal]:
    capabilities = given.known.get(CAPABILITIES.key, {})
    proposals = []
    for row in given.rows:
        if row.values.get(KIND):
            continue
        names = row.values.get(CAPABILITY_FIELD) or ()
        derived = _derive(row.values.get("name") or "", names, capabilities)
        if derived is not None:
            proposals.append(Proposal(row, KIND, derived[0], derived[1]))
    return proposals


def _derive(name: str, capability_names, capabilities: dict) -> tuple[str, str] | None:
    by_name = kind_from_name(name)
    if by_name is not None and by_name[0] == NO_KIND:
        return None
    if by_name is not None:
        return by_name[0], _("from the name (“%(word)s”)") % {"word": by_name[1]}
    if not capability_names:
        return None
    keys = [getattr(capabilities.get(item.lower()), "key", "") for item in capability_names]
    by_capability = kind_from_capabilities([key for key in keys if key])
    if by_capability is not None:
        return by_capability[0], _("from its capability")
    return None


register(
    ProposalStep(
        key="kind_from_name",
        label=gettext_lazy("Kind of system from its name or capability"),
        targets=(SYSTEMS.key,),
        propose=propose_kinds,
    )
)
