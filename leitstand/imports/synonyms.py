"""The words for the values of each choice field (catalogue/values.yaml), as value tables.

A field's table holds its German and English words from the catalogue, and the stored values
and form labels in both languages, so whatever Leitstand itself writes (an export) is read back.
"""

from functools import cache
from pathlib import Path

import yaml
from django.utils import translation

from leitstand.imports.understanding import ValueTable, normalise_value

VALUES = Path(__file__).parent / "catalogue" / "values.yaml"
#: Fields whose values are read as yes or no.
YES_NO = "yes_no"
LANGUAGES = ("de", "en")


@cache
def value_catalogue() -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with VALUES.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)


def words_of(target_key: str, table: str) -> dict[str, dict[str, list[str]]]:
    """value -> {"de": [...], "en": [...]} as the catalogue lists them."""
    return value_catalogue()[target_key][table]


def choice_words(choices) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A model field's choices as (value, (value, English label, German label))."""
    words = []
    for value, label in choices:
        labels = [str(value)]
        for language in LANGUAGES:
            with translation.override(language):
                labels.append(str(label))
        words.append((str(value), tuple(labels)))
    return tuple(words)


@cache
def value_table(
    target_key: str, table: str, choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> ValueTable:
    """The table of one field; `choices` from choice_words() for a model choice field."""
    words: dict[str, list[str]] = {value: list(labels) for value, labels in choices}
    for value, by_language in words_of(target_key, table).items():
        words.setdefault(str(value), [])
        for language in LANGUAGES:
            words[str(value)].extend(by_language.get(language, []))
    implies = value_catalogue().get("implies", {}).get(target_key, {}).get(table, {})
    return ValueTable.build(words, implies)


def plain_index(target_key: str, table: str) -> dict[str, str]:
    """normalised word -> value, without fuzziness (for period words that carry numbers)."""
    index: dict[str, str] = {}
    for value, by_language in words_of(target_key, table).items():
        for language in LANGUAGES:
            for word in by_language.get(language, []):
                index.setdefault(normalise_value(word), str(value))
    return index
