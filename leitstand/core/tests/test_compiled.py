"""Parsed data files kept under var/ for the next process (leitstand/core/compiled.py)."""

import logging

import pytest

from leitstand.core import compiled
from leitstand.products import catalogue, matching


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a: 1\n")
    return path


def _counting_build(calls: list):
    def build():
        calls.append(1)
        return {"built": len(calls)}

    return build


def test_the_second_process_loads_what_the_first_built(var_dir, source):
    calls = []
    first = compiled.kept("thing", [source], _counting_build(calls))
    again = compiled.kept("thing", [source], _counting_build(calls))

    assert first == again == {"built": 1}
    assert calls == [1]  # built once; the second call only loaded the kept file
    assert len(list((var_dir / "compiled").glob("thing-*.pickle"))) == 1


def test_a_changed_source_is_built_afresh_and_the_older_file_removed(var_dir, source):
    calls = []
    compiled.kept("thing", [source], _counting_build(calls))
    source.write_text("a: 2\n")

    assert compiled.kept("thing", [source], _counting_build(calls)) == {"built": 2}
    assert len(list((var_dir / "compiled").glob("thing-*.pickle"))) == 1
    assert compiled.kept("thing", [source], _counting_build(calls)) == {"built": 2}


def test_an_unreadable_kept_file_is_built_afresh_with_a_warning(var_dir, source, caplog):
    calls = []
    compiled.kept("thing", [source], _counting_build(calls))
    (kept_file,) = (var_dir / "compiled").glob("thing-*.pickle")
    kept_file.write_bytes(b"not a pickle")

    with caplog.at_level(logging.WARNING, logger="leitstand.core.compiled"):
        assert compiled.kept("thing", [source], _counting_build(calls)) == {"built": 2}
    assert "unreadable" in caplog.text
    assert compiled.kept("thing", [source], _counting_build(calls)) == {"built": 2}
    assert len(calls) == 2  # kept again


def test_a_folder_that_cannot_be_written_parses_each_time_with_a_warning(
    settings, tmp_path, source, caplog
):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be")
    settings.VAR_DIR = blocked
    calls = []

    with caplog.at_level(logging.WARNING, logger="leitstand.core.compiled"):
        assert compiled.kept("thing", [source], _counting_build(calls)) == {"built": 1}
        assert compiled.kept("thing", [source], _counting_build(calls)) == {"built": 2}
    assert "Could not keep thing" in caplog.text


def test_the_kept_catalogue_and_matcher_equal_freshly_parsed_ones(var_dir, monkeypatch):
    fresh = catalogue._read_catalogue()
    first = compiled.kept("products-catalogue", catalogue.sources(), catalogue._read_catalogue)
    loaded = compiled.kept("products-catalogue", catalogue.sources(), lambda: None)

    assert loaded is not None and loaded is not first
    assert loaded == fresh
    assert loaded.get("datev-unternehmen-online") == fresh.get("datev-unternehmen-online")

    monkeypatch.setattr(matching, "_MATCHER", None)
    built = matching.matcher()  # builds and keeps the index
    monkeypatch.setattr(matching, "_MATCHER", None)
    kept = matching.matcher()  # loads it, linked to the process's catalogue
    assert kept is not built and kept.catalogue is catalogue.load_catalogue()
    plain = matching.Matcher(fresh)
    for name in ("DATEV UO", "Win Server 2012R2", "Microsft Teams", "Shopwre 6", "Kaffee"):
        assert kept.match(name) == plain.match(name), name
