"""The catalogue file loads, every message key has a template in both languages, and a broken
catalogue names all its mistakes."""

import pytest
from django.utils import translation

from leitstand.analysis.funding.catalogue import CatalogueError, parse_catalogue
from leitstand.analysis.funding.reasons import FUNDING_MESSAGE_KEYS
from leitstand.funding import explanations
from leitstand.funding.catalogue import catalogue


def test_every_message_key_has_a_template():
    assert set(explanations.TEMPLATES) == FUNDING_MESSAGE_KEYS


def test_templates_are_translated_to_german():
    def texts(language):
        with translation.override(language):
            return {key: str(text) for key, text in explanations.TEMPLATES.items()}

    german, english = texts("de"), texts("en")
    assert not [key for key in english if german[key] == english[key]]


def test_the_shipped_catalogue_loads():
    assert len(catalogue().programmes) >= 25


def test_a_broken_catalogue_names_every_problem():
    raw = {
        "rules": {"sme": {"classes": []}, "de_minimis": {}},
        "programmes": [
            {
                "id": "x",
                "kind": "grant",
                "status": "maybe",
                "level": "federal",
                "name": {"de": "X"},
                "how_to_apply": "fax",
                "funding": {"rate_percent": 150},
            },
            {
                "id": "x",
                "kind": "grant",
                "status": "open",
                "level": "state",
                "states": ["XX"],
                "successor": "nowhere",
                "last_verified": "yesterday",
            },
        ],
    }
    with pytest.raises(CatalogueError) as error:
        parse_catalogue(raw)
    text = "\n".join(error.value.problems)
    for expected in (
        "status",
        "name",
        "how_to_apply",
        "above 100",
        "used twice",
        "XX",
        "source",
        "last_verified",
        "state BY",
        "de_minimis",
    ):
        assert expected in text, expected
