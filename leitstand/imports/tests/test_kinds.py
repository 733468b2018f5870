"""Kinds from names (kinds.py): the quick look for any hint never hides one, and the quick
normal form of values equals the plain one."""

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from leitstand.imports import kinds
from leitstand.imports.synonyms import value_catalogue
from leitstand.imports.understanding import normalise_value


def _hint_pieces() -> list[str]:
    hints = value_catalogue()["kind_hints"]
    return sorted(
        str(piece)
        for kind, entry in hints.items()
        if kind != "capabilities"
        for field in ("words", "endings", "suffixes")
        for piece in entry.get(field, [])
    )


GLUE = st.sampled_from(["", " ", "-", "(", ")", ".", "_", "/", "Kunden", "Büro ", "2024", "e", "s"])
PIECES = st.sampled_from([*_hint_pieces(), "System", "Lager", "Daten", "ERP"])
NAMES = st.lists(st.tuples(GLUE, PIECES, GLUE), min_size=1, max_size=3).map(
    lambda parts: "".join(before + piece + after for before, piece, after in parts)
)


@settings(max_examples=1500, deadline=None)
@given(NAMES, st.booleans())
def test_the_quick_look_never_hides_a_hint(name, upper):
    name = name.upper() if upper else name
    lowered, normalised = str(name).lower().strip(), normalise_value(name)
    assert kinds.kind_from_name(name) == kinds._first_hint(lowered, normalised)


def test_the_quick_look_finds_hints_of_each_sort():
    assert kinds.kind_from_name("Kundenliste.xlsx") is not None  # an ending
    assert kinds.kind_from_name("Google Sheets Vertrieb") is not None  # words
    assert kinds.kind_from_name("System 000123") is None


def _plain_normal_form(text) -> str:
    value = unicodedata.normalize("NFKC", str(text)).lower()
    value = value.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return " ".join(re.sub(r"[^\w]+", " ", value).replace("_", " ").split())


@settings(max_examples=1500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aZ09 _-.()\t\u00a0äÖßẞé\uff21\uff11\ufb01²İ\u0301€&"))
        | st.characters()
    )
)
def test_the_quick_normal_form_equals_the_plain_one(text):
    assert normalise_value(text) == _plain_normal_form(text)
