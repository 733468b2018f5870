"""The catalogue file loads, every message key has a template in both languages, and a broken
catalogue names all its mistakes."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
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


def test_the_shipped_catalogue_loads_and_docs_funding_md_counts_it():
    """docs/funding.md states how many programmes the file holds (commit 410d5df said 32; the
    file has always held 31): this keeps the stated figures equal to the file."""
    programmes = catalogue().programmes
    status = Counter(programme.status for programme in programmes)
    docs = (Path(settings.BASE_DIR) / "docs" / "funding.md").read_text(encoding="utf-8")
    stated = re.search(
        r"`programmes`: (\d+) programmes \((\d+) open, (\d+) paused, (\d+) ended, (\d+) replaced",
        docs,
    )
    assert stated, "docs/funding.md no longer states the count"
    assert [int(n) for n in stated.groups()] == [
        len(programmes),
        status["open"],
        status["paused"],
        status["ended"],
        status["successor"],
    ]


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
