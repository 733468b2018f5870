"""Whether a language code is German (de, de-de, de-at, ...): the one test the method, its
catalogues and the pages (`leitstand.core.language.is_german`) all use."""


def german(language: str | None) -> bool:
    return (language or "").startswith("de")
