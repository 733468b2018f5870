"""People and departments as workbooks name them: "Fr. Krüger", "Frau Krüger", "T. Becker",
"IT / Hr. Bauer", "Vertieb", "alle".

Names are compared by a key: normalised (case, punctuation, umlaut spellings), without
salutations and titles, "Becker, Thomas" turned round. Equal keys are the same person without
asking; near-identical keys (a typo, an initial for the first name) are only proposed.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from leitstand.imports.synonyms import LANGUAGES, value_catalogue
from leitstand.imports.understanding import normalise_value

#: Near-identical: rapidfuzz ratio of two keys at least this (and both long enough).
SAME_PERSON = 90
SAME_DEPARTMENT = 85
MIN_LENGTH = 5
#: Beyond this many distinct names, near-identical ones are not looked for (a list of
#: thousands of people is not a spreadsheet someone typed by hand).
MAX_COMPARED = 3000
_PEOPLE_SEPARATORS = re.compile(r"\s*(?:/|\\|&|\+|;|\n|\s+und\s+|\s+and\s+|\s+u\.\s+)\s*")
_DIGITS = re.compile(r"\d+")


@cache
def _words(group: str) -> frozenset[str]:
    entries = value_catalogue()["names"][group]
    return frozenset(
        normalise_value(word) for language in LANGUAGES for word in entries.get(language, [])
    )


def salutations() -> frozenset[str]:
    return _words("salutations")


def titles() -> frozenset[str]:
    return _words("titles")


def roles() -> frozenset[str]:
    return _words("roles")


def is_everyone(name: str) -> bool:
    """ "alle", "all", "alle Abteilungen", "ganze Firma": every department."""
    return normalise_value(name) in _words("everyone")


def is_group_word(name: str) -> bool:
    """A department, team, service provider or "alle": never a person."""
    key = normalise_value(name)
    if key in _words("groups") or key in _words("everyone"):
        return True
    return any(word in _words("group_markers") for word in key.split())


def person_key(name: str) -> str:
    """ "Fr. Dr. Krüger" and "krueger" -> "krueger"; "Becker, Thomas" -> "thomas becker"."""
    text = str(name)
    if text.count(",") == 1:
        last, first = (part.strip() for part in text.split(","))
        if last and first and " " not in last:
            text = f"{first} {last}"
    skip = salutations() | titles() | roles()
    return " ".join(word for word in normalise_value(text).split() if word not in skip)


def person_name(name: str) -> str:
    """The name as a new person gets it: salutations and roles left out, academic titles
    kept ("Hr. Dr. Lange" is "Dr. Lange", "Meister Kurz" is "Kurz")."""
    words = str(name).split()
    dropped = salutations() | roles()
    kept = [word for word in words if normalise_value(word) not in dropped]
    return " ".join(kept) or " ".join(words)


def department_key(name: str) -> str:
    return normalise_value(name)


def split_people(text: str) -> list[str]:
    """ "IT / Hr. Bauer" -> ["IT", "Hr. Bauer"]; "Becker, Thomas" stays one name, while
    "Hr. Bauer, Fr. Klein" or "Thomas Becker, Anna Kühn" are two."""
    parts = [part for part in _PEOPLE_SEPARATORS.split(str(text)) if part.strip()]
    split = []
    for part in parts:
        pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
        if len(pieces) > 1 and (
            any(" " in piece for piece in pieces) or len(pieces) > 2 or _has_salutation(pieces)
        ):
            split.extend(pieces)
        else:
            split.append(part.strip())
    return split


def _has_salutation(pieces: list[str]) -> bool:
    firsts = (normalise_value(piece).partition(" ")[0] for piece in pieces)
    return any(first in salutations() for first in firsts)


def _initial_of(short: list[str], full: list[str]) -> bool:
    """ "t becker" is "thomas becker": same last name, the first name as its initial."""
    if len(short) != 2 or len(full) != 2 or short[1] != full[1]:
        return False
    return len(short[0]) == 1 and full[0].startswith(short[0]) and len(full[0]) > 1


def similar_people(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of different keys that are probably the same person: an initial for the first
    name, a small typo, or the last name alone where only one full name has it ("Frau
    Albers" and "Karin Albers"). Names with different numbers are never the same."""
    keys = list(keys)
    return _similar(keys, SAME_PERSON, _last_initial, _initial_of) + _last_names_alone(keys)


def _last_names_alone(keys: list[str]) -> list[tuple[str, str]]:
    full_by_last: dict[str, list[str]] = defaultdict(list)
    for key in set(keys):
        words = key.split()
        if len(words) == 2 and len(words[0]) > 1:
            full_by_last[words[1]].append(key)
    return [
        (key, full_by_last[key][0])
        for key in set(keys)
        if " " not in key and len(full_by_last.get(key, ())) == 1
    ]


def similar_departments(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of different keys that are probably the same department ("vertieb" for
    "vertrieb")."""
    return _similar(keys, SAME_DEPARTMENT, lambda key: key[:1], None)


def _one_typo(left: str, right: str) -> bool:
    """One letter wrong, missing, added or two swapped ("plfege" for "pflege")."""
    return OSA.distance(left, right, score_cutoff=1) <= 1


def _last_initial(key: str) -> str:
    words = key.split()
    return words[-1][:1] if words else ""


def _similar(keys: Iterable[str], cutoff: int, block, special) -> list[tuple[str, str]]:
    distinct = sorted(set(key for key in keys if key))
    if len(distinct) > MAX_COMPARED:
        return []
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in distinct:
        blocks[block(key)].append(key)
    pairs = []
    for members in blocks.values():
        for index, left in enumerate(members):
            for right in members[index + 1 :]:
                if _DIGITS.findall(left) != _DIGITS.findall(right):
                    continue
                if special is not None and (
                    special(left.split(), right.split()) or special(right.split(), left.split())
                ):
                    pairs.append((left, right))
                    continue
                if min(len(left), len(right)) < MIN_LENGTH:
                    continue
                if fuzz.ratio(left, right) >= cutoff or _one_typo(left, right):
                    pairs.append((left, right))
    return pairs
