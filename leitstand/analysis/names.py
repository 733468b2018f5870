"""Second overlap signal: systems whose names are so alike they may be the same product.

Names are compared with rapidfuzz's token-set ratio, but only pairs that share a rare word:
a word used by many systems ("system", "online") says nothing, and comparing every pair of
10,000 names would take seconds.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from leitstand.analysis.snapshot import System

SIMILARITY_THRESHOLD = 90
MIN_WORD_LENGTH = 3
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SimilarNames:
    system_ids: tuple[int, int]
    score: int  # 0-100


def normalised_name(name: str) -> str:
    return " ".join(_WORD.findall(name.casefold()))


def _rare_word_limit(count: int) -> int:
    return max(20, count // 100)


def _candidate_pairs(names: dict[int, str]) -> set[tuple[int, int]]:
    holders: dict[str, list[int]] = defaultdict(list)
    for system_id, name in names.items():
        for word in set(name.split()):
            if len(word) >= MIN_WORD_LENGTH and not word.isdigit():
                holders[word].append(system_id)
    limit = _rare_word_limit(len(names))
    pairs: set[tuple[int, int]] = set()
    for ids in holders.values():
        if 1 < len(ids) <= limit:
            pairs.update(combinations(sorted(ids), 2))
    return pairs


def similar_system_names(
    systems: tuple[System, ...], threshold: int = SIMILARITY_THRESHOLD
) -> tuple[SimilarNames, ...]:
    """Pairs of systems in operation with similar names, most similar first."""
    names = {system.id: normalised_name(system.name) for system in systems if system.in_operation}
    found = []
    for first, second in _candidate_pairs(names):
        score = fuzz.token_set_ratio(names[first], names[second])
        if score >= threshold:
            found.append(SimilarNames((first, second), round(score)))
    return tuple(sorted(found, key=lambda pair: (-pair.score, pair.system_ids)))
