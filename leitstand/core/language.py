"""The reader's language, asked one way everywhere: German or not (English is the fallback)."""

from django.utils.translation import get_language

from leitstand.analysis.language import german


def is_german() -> bool:
    """Whether the active language is German (de, de-de, de-at, ...)."""
    return german(get_language())


def in_reader_language(name_en: str, name_de: str) -> str:
    """A name kept in both languages, in the reader's, falling back to the other one."""
    return (name_de or name_en) if is_german() else (name_en or name_de)


def name_field() -> str:
    """The column of a bilingual name in the reader's language: "name_de" or "name_en"."""
    return "name_de" if is_german() else "name_en"
