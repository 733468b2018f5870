"""Values understood, not matched: the word tables, the understanding of one value, and rows
that never fall out of an import because of one odd optional cell."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leitstand.imports.cells import _choice_table
from leitstand.imports.decisions import Decisions
from leitstand.imports.planning import plan_import
from leitstand.imports.reader import Sheet
from leitstand.imports.rows import CREATE
from leitstand.imports.synonyms import LANGUAGES, YES_NO, value_catalogue, value_table
from leitstand.imports.targets import TARGETS, target_for
from leitstand.imports.understanding import ValueTable, normalise_value
from leitstand.inventory.services import seed_capabilities

#: Every choice field of the import, with the values a cell may stand for.
CHOICE_TABLES = [
    (target.key, spec.name)
    for target in TARGETS.values()
    for spec in target.fields
    if spec.kind in ("choice", "score") or (spec.kind == "rate" and spec.name == "frequency")
] + [("systems", YES_NO)]


def _values_of(target_key: str, table: str) -> set[str]:
    if table == YES_NO:
        return {"true", "false"}
    spec = target_for(target_key).field(table)
    if spec.kind == "score":
        return {"1", "2", "3", "4"}
    return {str(value) for value, _label in target_for(target_key).model_field(table).choices}


@pytest.mark.parametrize(("target_key", "table"), CHOICE_TABLES)
def test_every_value_of_every_choice_field_has_a_german_and_an_english_word(target_key, table):
    words = value_catalogue()[target_key][table]
    for value in _values_of(target_key, table):
        assert value in words, f"{target_key}.{table}: no words for {value!r}"
        for language in LANGUAGES:
            assert words[value].get(language), f"{target_key}.{table}.{value}: no {language}"


@pytest.mark.parametrize(("target_key", "table"), CHOICE_TABLES)
def test_no_word_stands_for_two_values_of_one_field(target_key, table):
    seen: dict[str, str] = {}
    for value, by_language in value_catalogue()[target_key][table].items():
        for language in LANGUAGES:
            for word in by_language.get(language, []):
                key = normalise_value(word)
                assert seen.setdefault(key, str(value)) == str(value), (
                    f"{target_key}.{table}: “{word}” stands for {seen[key]!r} and {value!r}"
                )


@pytest.mark.parametrize(("target_key", "table"), CHOICE_TABLES)
def test_every_word_of_a_table_is_understood_as_its_own_value(target_key, table):
    if table in ("kind", "lifecycle", "hosting", "jurisdiction", "method", "status", "frequency"):
        understood_by = _choice_table(target_key, table)
    else:
        understood_by = value_table(target_key, table)
    for value, by_language in value_catalogue()[target_key][table].items():
        for language in LANGUAGES:
            for word in by_language.get(language, []):
                found = understood_by.understand(word)
                assert found is not None and found.value == str(value), (target_key, word)


_DECORATION = st.sampled_from(["", " ", "  ", ".", ":", " (x)"])


@settings(max_examples=200, deadline=None)
@given(
    data=st.data(),
    upper=st.booleans(),
    before=st.sampled_from(["", " ", "  "]),
)
def test_case_spaces_and_punctuation_never_change_the_meaning(data, upper, before):
    target_key, table = data.draw(st.sampled_from(CHOICE_TABLES))
    words = [
        (word, str(value))
        for value, entry in value_catalogue()[target_key][table].items()
        for language in LANGUAGES
        for word in entry.get(language, [])
    ]
    word, value = data.draw(st.sampled_from(words))
    written = before + (word.upper() if upper else word.title()) + "."
    found = value_table(target_key, table).understand(written)
    assert found is not None and found.value == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalising_twice_changes_nothing(text):
    once = normalise_value(text)
    assert normalise_value(once) == once


def test_close_and_composite_values_are_understood_and_nonsense_is_not():
    hosting = _choice_table("systems", "hosting")
    method = _choice_table("integrations", "method")
    assert hosting.understand("Cloud (SaaS)").value == "saas"
    assert hosting.understand("self-hosted").value == "on_premises"
    assert hosting.understand("Appliance").value == "on_premises"
    assert hosting.understand("Rechenzentrum des Dienstleisters").value == "private_cloud"
    assert method.understand("manuell abtippen").value == "manual"
    assert method.understand("Datei-Export/Import").value == "file"
    assert method.understand("Copy & Paste (Excel)").value == "spreadsheet"
    assert method.understand("abtipen").value == "manual"  # a typo
    assert method.understand("autom. Schnittstelle").value == "api"  # an abbreviation
    assert method.understand("Webhooks").value == "event"
    assert hosting.understand("Keller") is None
    assert method.understand("Brieftaube") is None
    assert method.understand("manuell oder per API") is None  # two meanings: unclear


def test_a_table_says_when_two_values_are_equally_close():
    table = ValueTable.build({"a": ["marketing"], "b": ["marketeng"]})
    assert table.understand("marketxng") is None  # one letter from each
    assert table.understand("marketinq").value == "a"  # clearly closer to one


def test_a_kind_column_saying_saas_says_where_it_runs():
    kinds = _choice_table("systems", "kind")
    found = kinds.understand("SaaS")
    assert found.value == ""  # not a kind: unknown
    assert kinds.implied_by(found) == {"hosting": "saas"}


# --- junk in one optional column ---------------------------------------------------------------

OPTIONAL = [
    spec.name
    for spec in target_for("systems").fields
    if not spec.required and spec.kind not in ("many",) and spec.name != "assessed_by"
]
JUNK = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["=SUM(A1:A9)", "<script>x</script>", "#NV", "???", "n/a", "—", "1e999"]),
)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(OPTIONAL), junk=st.lists(JUNK, min_size=3, max_size=3))
def test_junk_in_any_optional_column_never_drops_a_row(org, field, junk):
    target = target_for("systems")
    header = str(target.field(field).label)
    rows = [["Name", header]] + [[f"System {n}", value] for n, value in enumerate(junk)]
    plan = plan_import(org, target, Sheet("Liste", rows), 0, {0: "name", 1: field})
    assert [row.action for row in plan.rows] == [CREATE, CREATE, CREATE]
    for row in plan.rows:
        assert not row.problems
        assert field in row.values or field in row.warnings or row.values.get(field) is None


def test_only_a_missing_name_skips_a_row(org):
    target = target_for("systems")
    rows = [
        ["Name", "Kosten", "Hosting", "Support bis", "Kritikalität"],
        ["CRM", "viel", "Keller", "bald", "sehr sehr"],
        ["", "100", "SaaS", "", ""],
    ]
    mapping = {0: "name", 1: "annual_cost", 2: "hosting", 3: "end_of_support", 4: "criticality"}
    plan = plan_import(org, target, Sheet("Liste", rows), 0, mapping)
    crm, unnamed = plan.rows
    assert crm.action == CREATE
    assert set(crm.warnings) == {"annual_cost", "hosting", "end_of_support", "criticality"}
    assert re.search("No Name given", unnamed.skip_reason)


def test_purpose_words_that_plainly_name_a_standard_capability_are_that_capability(org):
    """The words "Kundenkartei", "staff files" and "clocking in" are CRM, HR and time
    tracking; a word that could be more than one ("Vertrieb": a CRM, order processing, a
    department) stays the file's own. (The catalogue step is off: only the words count.)"""
    seed_capabilities(org)
    target = target_for("systems")
    rows = [
        ["Name", "Wofür"],
        ["Karteikasten", "Kundenkartei"],
        ["Ordner", "Staff files"],
        ["Stechuhr", "Clocking in"],
        ["Liste", "Vertrieb"],
    ]
    plan = plan_import(
        org,
        target,
        Sheet("Liste", rows),
        0,
        {0: "name", 1: "capabilities"},
        Decisions(proposals={"product_catalogue": False, "kind_from_name": False}),
    )
    known = plan.known["capabilities"]
    found = {
        row.values["name"]: [
            getattr(known.get(name.lower()), "key", name) for name in row.values["capabilities"]
        ]
        for row in plan.rows
    }
    assert found == {
        "Karteikasten": ["crm"],
        "Ordner": ["hr"],
        "Stechuhr": ["time_tracking"],
        "Liste": ["Vertrieb"],
    }
