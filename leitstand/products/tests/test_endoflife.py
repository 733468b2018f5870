"""Extraction of release cycles from endoflife.date product files (fixtures in data/endoflife)."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from leitstand.products.catalogue import build_catalogue
from leitstand.products.endoflife import (
    ExtractionError,
    extract,
    front_matter,
    pin_products,
    product_record,
)

FIXTURES = Path(__file__).parent / "data" / "endoflife"
PRODUCTS = FIXTURES / "products"


def test_front_matter_reads_the_releases():
    data = front_matter((PRODUCTS / "testos.md").read_text(encoding="utf-8"))
    assert data["title"] == "Test OS"
    assert [release["releaseCycle"] for release in data["releases"]] == ["2024-r2", "2020", "1.5"]


def test_file_without_front_matter_is_refused():
    with pytest.raises(ExtractionError, match="front matter"):
        front_matter((PRODUCTS / "broken.md").read_text(encoding="utf-8"))


def test_record_keeps_dates_booleans_labels_and_codenames():
    record = product_record(front_matter((PRODUCTS / "testos.md").read_text(encoding="utf-8")))
    first, second, third = record["cycles"]
    assert first == {
        "cycle": "2024-r2",
        "label": "Test OS 2024-r2 (Falcon)",
        "codename": "Falcon",
        "release": "2024-03-01",
        "eoas": "2027-03-01",
        "eol": "2029-03-01",
        "eoes": "2031-03-01",
        "lts": True,
        "link": "https://example.org/2024r2",
    }
    # A release's own label wins over the product's template; HTML is removed.
    assert second["label"] == "Test OS 2020 SP2"
    assert second["eoas"] is True and second["eol"] == "2024-01-15" and second["eoes"] is None
    assert third["eol"] is True and third["release"] == "2010-05-01"
    assert record["release_policy"] == "https://example.org/policy"


def test_extract_keeps_notice_and_commit_and_only_the_asked_products():
    data = extract(
        PRODUCTS,
        ["testapp", "testos"],
        commit="0123456789abcdef",
        commit_date=date(2026, 8, 22),
        notice=(FIXTURES / "LICENSE").read_text(encoding="utf-8"),
        today=date(2026, 12, 7),
    )
    assert sorted(data["products"]) == ["testapp", "testos"]
    assert data["commit"] == "0123456789abcdef"
    assert data["commit_date"] == "2026-08-22"
    assert data["licence"] == "MIT"
    assert data["notice"].startswith("Test fixture licence notice")
    assert data["products"]["testapp"]["cycles"][1]["eol"] is False


def test_extract_names_every_missing_or_broken_file():
    with pytest.raises(ExtractionError) as error:
        extract(
            PRODUCTS,
            ["broken", "missing"],
            commit="x",
            commit_date=None,
            notice="",
            today=date(2026, 12, 7),
        )
    assert "broken" in str(error.value) and "missing" in str(error.value)


def test_extracted_cycles_load_into_the_catalogue():
    data = extract(
        PRODUCTS,
        ["testos"],
        commit="abc",
        commit_date=date(2026, 8, 22),
        notice="n",
        today=date(2026, 12, 7),
    )
    catalogue = build_catalogue(
        {"v": {"name": "V", "country": "DE"}},
        [
            {
                "id": "test-os",
                "name": "Test OS",
                "vendor": "v",
                "kind": "infrastructure",
                "category": "server_os",
                "eu": "self_hosted",
                "aliases": ["Test OS"],
                "eol": "testos",
            }
        ],
        {},
        json.loads(json.dumps(data)),
    )
    product = catalogue.get("test-os")
    assert product.cycle("2024-r2").end_of_security_support == date(2029, 3, 1)
    assert product.cycle("1.5").security_ended(date(2026, 12, 7)) is True
    assert product.cycle_source.name == "endoflife.date"
    assert product.cycle_source.as_of == date(2026, 8, 22)


def test_command_writes_the_file_for_the_catalogue_products(tmp_path, monkeypatch):
    # A copy of the fixtures that names the slugs the shipped catalogue asks for would be
    # the whole repository; here the catalogue is narrowed to the two fixture products.
    from leitstand.products.management.commands import catalogue as command

    class Narrow:
        products = [type("P", (), {"eol_slug": "testos"}), type("P", (), {"eol_slug": "testapp"})]

    monkeypatch.setattr(command, "load_catalogue", lambda: Narrow)
    output = tmp_path / "endoflife.json"
    call_command(
        "catalogue",
        "extract-endoflife",
        str(FIXTURES),
        "--commit",
        "feedbeef",
        "--commit-date",
        "2026-08-22",
        "--output",
        str(output),
    )
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["commit"] == "feedbeef"
    assert set(written["products"]) == {"testos", "testapp"}


def test_command_refuses_a_folder_without_products(tmp_path):
    with pytest.raises(CommandError, match="products/"):
        call_command("catalogue", "extract-endoflife", str(tmp_path), "--commit", "x")


def _narrow_catalogue(monkeypatch, *slugs):
    from leitstand.products.management.commands import catalogue as command

    class Narrow:
        products = [type("P", (), {"eol_slug": slug}) for slug in slugs]

    monkeypatch.setattr(command, "load_catalogue", lambda: Narrow)


def test_only_adds_a_product_with_its_own_commit_and_keeps_the_rest(tmp_path, monkeypatch):
    _narrow_catalogue(monkeypatch, "testos", "testapp")
    output = tmp_path / "endoflife.json"
    pinned = extract(
        PRODUCTS,
        ["testapp"],
        commit="a" * 40,
        commit_date=date(2026, 8, 22),
        notice=(FIXTURES / "LICENSE").read_text(encoding="utf-8"),
        today=date(2026, 12, 1),
    )
    output.write_text(json.dumps(pinned), encoding="utf-8")
    call_command(
        "catalogue",
        "extract-endoflife",
        str(FIXTURES),
        "--commit",
        "b" * 40,
        "--commit-date",
        "2026-10-03",
        "--only",
        "testos",
        "--output",
        str(output),
    )
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["commit"] == "a" * 40 and written["commit_date"] == "2026-08-22"
    assert "commit" not in written["products"]["testapp"]
    assert written["products"]["testos"]["commit"] == "b" * 40
    assert written["products"]["testos"]["commit_date"] == "2026-10-03"
    product = {"name": "P", "vendor": "v", "kind": "application", "category": "erp", "eu": "x"}
    catalogue = build_catalogue(
        {"v": {"name": "V"}},
        [{**product, "id": "os", "eol": "testos"}, {**product, "id": "app", "eol": "testapp"}],
        {},
        written,
    )
    source = catalogue.get("os").cycle_source
    assert source.note == "endoflife.date at commit bbbbbbb" and source.as_of == date(2026, 10, 3)
    assert catalogue.get("app").cycle_source.as_of == date(2026, 8, 22)


def test_only_needs_a_commit_date_and_a_product_the_catalogue_refers_to(tmp_path, monkeypatch):
    _narrow_catalogue(monkeypatch, "testos")
    with pytest.raises(CommandError, match="commit-date"):
        call_command(
            "catalogue", "extract-endoflife", str(FIXTURES), "--commit", "x", "--only", "testos"
        )
    with pytest.raises(CommandError, match="testapp"):
        call_command(
            "catalogue",
            "extract-endoflife",
            str(FIXTURES),
            "--commit",
            "x",
            "--commit-date",
            "2026-10-03",
            "--only",
            "testapp",
        )


def test_pinning_refuses_a_copy_with_another_licence_notice():
    with pytest.raises(ExtractionError, match="notice"):
        pin_products(
            {"commit": "a", "notice": "MIT, 2020", "products": {}},
            {"commit": "b", "notice": "other", "products": {}, "extracted_on": "2026-12-07"},
        )
