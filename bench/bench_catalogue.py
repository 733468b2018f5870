"""Recognition of 10,000 inventory names against the product catalogue.

`python -m bench catalogue`. Target: 10,000 names in under 1 s (issue 15). The names are
generated (seeded) the way inventories write them: catalogue aliases with random case,
typos, versions, editions, remarks in brackets and German context words, plus in-house
names that no catalogue knows. The word caches are emptied before each run, so the figure
includes correcting misspelt words, not only dictionary look-ups.
"""

import random
import statistics
import time

from leitstand.products import matching, names
from leitstand.products.catalogue import load_catalogue
from leitstand.products.matching import Matcher

NAMES = 10_000
REPEAT = 5
REMARKS = ["(Vertrieb)", "(privat)", "(Fileserver)", "(alt)", "(Buchhaltung)", "[Lager]", ""]
EDITIONS = ["Pro", "Business", "Standard", "Premium", "Enterprise", "Cloud", "Online", ""]
VERSIONS = ["2016", "2019", "2012 R2", "22H2", "v12", "6.5", "SP3", "LTSC 2021", "7", ""]
IN_HOUSE = [
    "Kundenkartei",
    "Auftragsliste",
    "Tourenplan",
    "Fahrerliste",
    "Lagerprogramm",
    "Stempeluhr",
    "Angebotsvorlage",
    "Werkstattplaner",
    "Kassenbuch",
    "Urlaubsplaner",
    "Maschinendaten",
    "Lieferscheine",
    "Reklamationen",
    "Schichtplan",
    "Preisliste",
]
SUFFIXES = ["Eigenbau", "alt", "neu", "2019", "Version 2", "Chef", "Team Nord", ""]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    position = rng.randrange(1, len(word) - 1)
    action = rng.choice(("drop", "swap", "double"))
    if action == "drop":
        return word[:position] + word[position + 1 :]
    if action == "swap":
        return word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]
    return word[:position] + word[position] + word[position:]


def _case(text: str, rng: random.Random) -> str:
    return rng.choice((text, text.lower(), text.upper(), text.title()))


def generate_names(count: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    aliases = [
        alias.lstrip("=") for product in load_catalogue().products for alias in product.aliases
    ]
    result = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.2:
            name = f"{rng.choice(IN_HOUSE)} {rng.choice(SUFFIXES)}"
        else:
            words = rng.choice(aliases).split()
            if roll < 0.35:
                index = rng.randrange(len(words))
                words[index] = _typo(words[index], rng)
            name = " ".join(
                part
                for part in (
                    " ".join(words),
                    rng.choice(EDITIONS),
                    rng.choice(VERSIONS),
                    rng.choice(REMARKS),
                )
                if part
            )
        result.append(_case(name, rng))
    return result


def main() -> None:
    started = time.perf_counter()
    catalogue = load_catalogue()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    matcher = Matcher(catalogue)
    built = time.perf_counter() - started
    sample = generate_names(NAMES)
    print(f"catalogue: {len(catalogue.products)} products, loaded in {loaded * 1000:.0f} ms")
    print(f"matcher built in {built * 1000:.0f} ms ({len(matcher.vocabulary)} alias words)")
    print(f"{len(sample):,} names, {len(set(sample)):,} distinct")
    runs = []
    cpu = []
    recognised = 0
    for _ in range(REPEAT):
        names.parse_name.cache_clear()
        matching._FIXES.clear()
        started = time.perf_counter()
        cpu_started = time.process_time()
        results = [matcher.match(name) for name in sample]
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        recognised = sum(1 for result in results if result.recognised)
    print(
        f"recognition of {NAMES:,} names: median {statistics.median(runs):.3f} s, "
        f"best {min(runs):.3f} s, worst {max(runs):.3f} s (target < 1 s); "
        f"CPU time median {statistics.median(cpu):.3f} s; {recognised:,} recognised"
    )
    started = time.perf_counter()
    for name in sample:
        matcher.match(name)
    print(f"the same names again with warm word caches: {time.perf_counter() - started:.3f} s")
