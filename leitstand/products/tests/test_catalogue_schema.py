"""The shipped catalogue files: every product complete, every date a date, no alias twice."""

import json
from collections import defaultdict
from datetime import date
from functools import cache

import yaml

from leitstand.inventory.services import capability_catalogue
from leitstand.products.catalogue import (
    CATEGORIES,
    DATA,
    EU_OPTIONS,
    HOSTINGS,
    KINDS,
    load_catalogue,
)
from leitstand.products.names import fold, tokens_of

SUPPORT_FIELDS = ("eoas", "eol", "eoes")


@cache
def _raw(name):
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def test_at_least_300_products_each_complete():
    products = _raw("products.yaml")
    vendors = _raw("vendors.yaml")
    capability_keys = {entry["key"] for entry in capability_catalogue()}
    assert len(products) >= 300
    problems = []
    for entry in products:
        pid = entry["id"]
        if entry.get("vendor") not in vendors:
            problems.append(f"{pid}: unknown vendor {entry.get('vendor')}")
        if entry.get("kind") not in KINDS:
            problems.append(f"{pid}: kind {entry.get('kind')}")
        if entry.get("category") not in CATEGORIES:
            problems.append(f"{pid}: category {entry.get('category')}")
        if entry.get("eu") not in EU_OPTIONS:
            problems.append(f"{pid}: eu {entry.get('eu')}")
        if not entry.get("aliases"):
            problems.append(f"{pid}: no alias")
        if not entry.get("hosting") or set(entry["hosting"]) - set(HOSTINGS):
            problems.append(f"{pid}: hosting {entry.get('hosting')}")
        if set(entry.get("capabilities") or ()) - capability_keys:
            problems.append(f"{pid}: capabilities {entry.get('capabilities')}")
        if not str(entry.get("url", "")).startswith("https://"):
            problems.append(f"{pid}: url {entry.get('url')}")
    assert problems == []


def test_ids_are_unique_and_vendors_have_a_name_and_country_code():
    products = _raw("products.yaml")
    ids = [entry["id"] for entry in products]
    assert len(ids) == len(set(ids))
    for key, vendor in _raw("vendors.yaml").items():
        assert vendor["name"], key
        assert vendor.get("country", "") == "" or len(vendor["country"]) == 2, key
        if vendor.get("default_product"):
            assert vendor["default_product"] in ids, key


def test_no_alias_names_two_products():
    owners = defaultdict(set)
    for entry in _raw("products.yaml"):
        for alias in entry["aliases"]:
            owners[" ".join(tokens_of(fold(str(alias).lstrip("="))))].add(entry["id"])
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


def _support_value_ok(value) -> bool:
    if value is None or isinstance(value, (bool, date)):
        return True
    date.fromisoformat(value)  # raises if it is no date
    return True


def test_every_cycle_date_parses():
    own = _raw("cycles.yaml")
    for product_id, entry in own.items():
        assert entry.get("source", "").startswith("https://"), product_id
        for record in entry["cycles"]:
            for field in SUPPORT_FIELDS:
                assert _support_value_ok(record.get(field)), (product_id, record)
            if record.get("release") is not None:
                assert isinstance(record["release"], date), (product_id, record)
    endoflife = json.loads((DATA / "endoflife.json").read_text(encoding="utf-8"))
    for slug, product in endoflife["products"].items():
        for record in product["cycles"]:
            for field in SUPPORT_FIELDS:
                assert _support_value_ok(record.get(field)), (slug, record)
            if record.get("release"):
                date.fromisoformat(record["release"])


def test_endoflife_file_keeps_notice_commit_and_covers_every_referenced_product():
    endoflife = json.loads((DATA / "endoflife.json").read_text(encoding="utf-8"))
    assert "Permission is hereby granted" in endoflife["notice"]
    assert "endoflife.date contributors" in endoflife["notice"]
    assert len(endoflife["commit"]) == 40
    date.fromisoformat(endoflife["commit_date"])
    for slug, product in endoflife["products"].items():
        if "commit" in product:  # taken from a later copy than the file's commit
            assert len(product["commit"]) == 40, slug
            date.fromisoformat(product["commit_date"])
    referenced = {entry["eol"] for entry in _raw("products.yaml") if entry.get("eol")}
    assert referenced <= set(endoflife["products"])


def test_own_cycles_belong_to_products_that_endoflife_date_lacks():
    products = {entry["id"]: entry for entry in _raw("products.yaml")}
    for product_id in _raw("cycles.yaml"):
        assert product_id in products, product_id
        assert not products[product_id].get("eol"), product_id


def test_loaded_catalogue_has_cycles_with_their_source():
    catalogue = load_catalogue()
    windows_server = catalogue.get("windows-server")
    assert windows_server.cycle("2012-r2").end_of_security_support == date(2023, 10, 10)
    assert windows_server.cycle_source.name == "endoflife.date"
    nav = catalogue.get("dynamics-nav")
    assert nav.cycle("2018").end_of_security_support == date(2028, 1, 11)
    assert nav.cycle_source.name == "Leitstand" and nav.cycle_source.verified
    sfos = catalogue.get("sophos-firewall")
    assert sfos.cycle("19.5").end_of_security_support == date(2025, 4, 30)
    assert sfos.cycle_source.verified and sfos.cycle_source.as_of == date(2026, 12, 7)
    # Added from a later endoflife.date copy than the file's pin, with its own commit.
    dsm = catalogue.get("synology-dsm")
    assert dsm.cycle("6.2").end_of_security_support == date(2024, 9, 30)
    assert dsm.cycle_source.name == "endoflife.date"
    assert dsm.cycle_source.note == "endoflife.date at commit 0ac7b36"
    assert dsm.cycle_source.as_of == date(2026, 10, 3)


def _own_cycle_problems(own: dict, today: date) -> list[str]:
    """What an own-cycles entry lacks: an https source, a last-verified day (not in the future),
    a note when it names no cycle; and no unconfirmed cycle may carry a date."""
    problems = []
    for product_id, entry in own.items():
        if not str(entry.get("source") or "").startswith("https://"):
            problems.append(f"{product_id}: no source")
        verified = entry.get("verified")
        if not isinstance(verified, date) or verified > today:
            problems.append(f"{product_id}: no last-verified date ({verified!r})")
        if not entry.get("cycles") and not entry.get("note"):
            problems.append(f"{product_id}: no cycles and no note saying why")
        for record in entry.get("cycles") or ():
            dated = [f for f in (*SUPPORT_FIELDS, "release") if isinstance(record.get(f), date)]
            if record.get("unverified") and dated:
                problems.append(f"{product_id} {record['cycle']}: unconfirmed but dated {dated}")
    return problems


def test_every_own_cycle_has_a_source_and_a_last_verified_date():
    assert _own_cycle_problems(_raw("cycles.yaml"), date.today()) == []


def test_an_own_cycle_without_source_or_verified_date_is_reported():
    own = {
        "no-source": {"verified": date(2026, 12, 7), "cycles": [{"cycle": "1", "eol": True}]},
        "no-day": {"source": "https://example.org", "cycles": [{"cycle": "1", "eol": True}]},
        "guessed": {
            "source": "https://example.org",
            "verified": date(2026, 12, 7),
            "cycles": [{"cycle": "1", "eol": date(2027, 1, 1), "unverified": True}],
        },
    }
    assert _own_cycle_problems(own, date(2026, 12, 7)) == [
        "no-source: no source",
        "no-day: no last-verified date (None)",
        "guessed 1: unconfirmed but dated ['eol']",
    ]
