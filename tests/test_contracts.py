"""The cycle finder behind the `acyclic_modules` import contract (pyproject.toml)."""

from tests.contracts import _cycles


def test_a_chain_without_a_way_back_has_no_cycle():
    assert _cycles({"a": ["b"], "b": ["c"], "c": []}) == []


def test_a_late_import_that_closes_a_circle_is_found():
    imports = {"sheets": ["assessment"], "assessment": ["sheets"], "views": ["sheets"]}
    assert _cycles(imports) == [["assessment", "sheets"]]


def test_two_separate_circles_are_both_reported():
    imports = {"a": ["b"], "b": ["a"], "c": ["d"], "d": ["e"], "e": ["c"]}
    assert sorted(_cycles(imports)) == [["a", "b"], ["c", "d", "e"]]
