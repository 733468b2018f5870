"""A source Leitstand wrote itself is shown in the reader's language, whoever triggered it."""

from django.utils import translation

from leitstand.kpis.sources import shown


def test_steps_source_written_in_english_reads_german_on_a_german_page():
    with translation.override("de"):
        assert shown("computed from the process steps") == "aus den Prozessschritten berechnet"
    with translation.override("en"):
        assert shown("aus den Prozessschritten berechnet") == "computed from the process steps"


def test_survey_source_keeps_its_title_and_count():
    with translation.override("de"):
        assert shown("survey “Zufriedenheit, Lager”, 12 answers") == (
            "Umfrage „Zufriedenheit, Lager“, 12 Antworten"
        )


def test_a_source_typed_by_a_person_stays_as_typed():
    with translation.override("de"):
        assert shown("Zählung im Lager, März") == "Zählung im Lager, März"
        assert shown("") == ""
