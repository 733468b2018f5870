"""Column detection that knows when it is unsure (issue 14, point 5): a header is mapped only
when its field is clearly ahead of the others; a scale hint "(1-4)" only ever means a score;
everything below the bar is left for the person to choose."""

import pytest

from leitstand.imports import headers
from leitstand.imports.headers import MARGIN, match_header, propose_mapping, unsure_columns
from leitstand.imports.targets import target_for

SYSTEMS = "systems"


def kind_of(field: str) -> str:
    return target_for(SYSTEMS).field(field).kind


def candidates(*scored):
    return lambda target, header: list(scored)


def test_a_field_the_margin_ahead_of_the_next_is_mapped(monkeypatch):
    monkeypatch.setattr(
        headers, "header_candidates", candidates(("vendor", 95.0), ("name", 95.0 - MARGIN))
    )
    assert match_header(SYSTEMS, "Herstellr") == ("vendor", 95.0)


def test_two_fields_within_the_margin_are_not_guessed(monkeypatch):
    close = 95.0 - MARGIN + 1
    monkeypatch.setattr(headers, "header_candidates", candidates(("vendor", 95.0), ("name", close)))
    assert match_header(SYSTEMS, "Herstellr") == (None, 0.0)


def test_an_exact_title_is_mapped_even_when_others_come_close(monkeypatch):
    monkeypatch.setattr(headers, "header_candidates", candidates(("vendor", 100.0), ("name", 99.0)))
    assert match_header(SYSTEMS, "Hersteller") == ("vendor", 100.0)


@pytest.mark.parametrize("header", ["Wartung", "Abteilung Kosten", "Hersteller Version"])
def test_a_title_that_reads_like_two_fields_is_left_to_choose(header):
    assert match_header(SYSTEMS, header) == (None, 0.0)
    mapping = propose_mapping(SYSTEMS, ["System", header])
    assert mapping == {0: "name"}
    assert len(unsure_columns(SYSTEMS, ["System", header], mapping)[1]) >= 2


@pytest.mark.parametrize(
    "header", ["Beschreibung (1-4)", "Lifecycle (1-4)", "Hosting (1-5)", "Notizen (1-10)"]
)
def test_a_scale_hint_never_maps_to_a_text_or_list_field(header):
    field, _score = match_header(SYSTEMS, header)
    assert field is None or kind_of(field) == "score"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Techn. Zustand (1-4)", "health"),
        ("Integrationsfähigkeit (1-4)", "integration_capability"),
        ("Kritikalität", "criticality"),
    ],
)
def test_score_columns_map_to_their_axis(header, field):
    assert match_header(SYSTEMS, header)[0] == field


@pytest.mark.parametrize("header", ["Einsatzzweck", "Wofür", "Zweck", "Funktion"])
def test_purpose_like_titles_are_capabilities(header):
    assert match_header(SYSTEMS, header)[0] == "capabilities"


def test_a_title_that_reads_like_no_field_is_not_mapped():
    assert propose_mapping(SYSTEMS, ["System", "Betreiber", "Anzahl je Zeitraum"]) == {0: "name"}
