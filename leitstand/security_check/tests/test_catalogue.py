import copy
import tomllib

import pytest

from leitstand.analysis.company_check.catalogue import CatalogueError, parse_catalogue
from leitstand.security_check.catalogue import CATALOGUE_FILE, load_catalogue


@pytest.fixture
def raw():
    with CATALOGUE_FILE.open("rb") as file:
        return tomllib.load(file)


def test_catalogue_has_27_requirements_numbered_01_to_27():
    catalogue = load_catalogue()
    assert [r.number for r in catalogue.requirements] == [f"{n:02d}" for n in range(1, 28)]


def test_requirements_sit_in_the_six_areas_of_the_method():
    catalogue = load_catalogue()
    ranges = {area.key: [r.number_int for r in area.requirements] for area in catalogue.areas}
    assert ranges == {
        "organisation": list(range(1, 8)),
        "identities": list(range(8, 11)),
        "backup": list(range(11, 15)),
        "updates": list(range(15, 18)),
        "malware": list(range(18, 21)),
        "systems": list(range(21, 28)),
    }


def test_top_requirements_are_01_05_11_15_20():
    assert {r.number for r in load_catalogue().requirements if r.top} == {
        "01",
        "05",
        "11",
        "15",
        "20",
    }


def test_only_07_24_25_26_have_status_questions_and_25_asks_about_guests():
    catalogue = load_catalogue()
    assert {r.number for r in catalogue.requirements if r.status} == {"07", "24", "25", "26"}
    wlan = catalogue.requirement("25")
    assert [sub.key for sub in wlan.status.sub] == ["guests"]
    assert [p.applies_if for p in wlan.parts] == ["", "guests"]


def test_every_text_is_in_german_and_english():
    catalogue = load_catalogue()
    for area in catalogue.areas:
        assert area.name.de and area.name.en
    for r in catalogue.requirements:
        texts = [r.title, r.question, r.help, r.recommendation, *(p.text for p in r.parts)]
        if r.status:
            texts.append(r.status.question)
            texts.extend(sub.question for sub in r.status.sub)
        for text in texts:
            assert text.de.strip() and text.en.strip(), r.number
            assert text.de != text.en, r.number
        assert r.parts


def test_maximum_with_everything_relevant_is_37_and_minimum_is_minus_15():
    requirements = load_catalogue().requirements
    assert sum(r.points_met for r in requirements) == 37
    assert sum(r.points_unmet for r in requirements) == -15


def test_a_missing_translation_is_rejected(raw):
    broken = copy.deepcopy(raw)
    del broken["requirements"][3]["recommendation"]["en"]
    with pytest.raises(CatalogueError, match="04 recommendation"):
        parse_catalogue(broken)


def test_a_gap_in_the_numbering_is_rejected(raw):
    broken = copy.deepcopy(raw)
    broken["requirements"][4]["number"] = "30"
    with pytest.raises(CatalogueError, match="numbered"):
        parse_catalogue(broken)


def test_a_part_depending_on_an_unknown_sub_question_is_rejected(raw):
    broken = copy.deepcopy(raw)
    broken["requirements"][0]["parts"][0]["applies_if"] = "guests"
    with pytest.raises(CatalogueError, match="unknown sub-question"):
        parse_catalogue(broken)
