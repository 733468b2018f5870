"""The data files: 26 items on six axes, the 12 DII items, complete texts, bands without gaps,
every evidence key with its template, every page reachable, reference figures well formed."""

import pytest
from django.urls import reverse

from leitstand.analysis.maturity.model import CatalogueError, parse_catalogue
from leitstand.analysis.maturity.prefill import EVIDENCE_KEYS, PREFILLS
from leitstand.analysis.maturity.reference import DII_AT_LEAST_BASIC, DII_BAND_SHARE
from leitstand.maturity.catalogue import _read, load_catalogue, load_reference, load_signals
from leitstand.maturity.evidence import TEMPLATES
from leitstand.maturity.presenters import SINGLE_INDICATORS


def test_twenty_six_items_on_six_axes_with_the_twelve_dii_items():
    catalogue = load_catalogue()
    assert len(catalogue.items) == 26
    assert [a.key for a in catalogue.axes] == [
        "strategy",
        "readiness",
        "people",
        "data",
        "automation",
        "green",
    ]
    assert len(catalogue.dii_items) == 12
    assert all(item.kind == "yes_no" for item in catalogue.dii_items)
    for axis in catalogue.axes:
        assert len(catalogue.items_of(axis.key)) >= 2


def test_every_text_exists_in_german_and_english():
    for item in load_catalogue().items:
        for text in (item.question, item.help, item.advice):
            assert text.en.strip() and text.de.strip()
            assert text.en != text.de


def test_bands_follow_the_dma_and_eurostat():
    catalogue = load_catalogue()
    assert [(b.low, b.high) for b in catalogue.dma_bands] == [
        (0, 25),
        (26, 50),
        (51, 75),
        (76, 100),
    ]
    assert [(b.low, b.high) for b in catalogue.dii.bands] == [(0, 3), (4, 6), (7, 9), (10, 12)]
    assert catalogue.dii.basic_from == 4


def test_a_broken_catalogue_is_refused():
    data = _read("items.yaml")
    data["items"] = [i for i in data["items"] if i["key"] != "dii_ai"]
    with pytest.raises(CatalogueError, match="12 items"):
        parse_catalogue(data)
    data = _read("items.yaml")
    data["dma_bands"][1]["from"] = 27
    with pytest.raises(CatalogueError, match="without gaps"):
        parse_catalogue(data)


def test_every_prefill_belongs_to_an_item_and_every_evidence_has_a_template():
    keys = {item.key for item in load_catalogue().items}
    assert set(PREFILLS) <= keys
    assert set(TEMPLATES) == EVIDENCE_KEYS


def test_every_page_an_item_links_to_exists():
    for item in load_catalogue().items:
        if item.page:
            assert reverse(item.page, kwargs={"org": "acme"})


def test_signals_name_only_capabilities_of_the_reference_list():
    from leitstand.inventory.services import capability_catalogue

    known = {record["key"] for record in capability_catalogue()}
    for name, signal in load_signals().items():
        assert signal.capabilities <= known, name


def test_reference_figures_have_a_source_and_dii_shares_a_variant():
    reference = load_reference()
    assert reference.figures
    indicators = {item.indicator for item in load_catalogue().items if item.indicator}
    for figure in reference.figures:
        assert figure.source_url.startswith("https://")
        assert 0 <= figure.percent <= 100
        assert figure.population.en and figure.population.de
        if figure.indicator in (DII_AT_LEAST_BASIC, DII_BAND_SHARE):
            assert figure.dii_variant in ("v3", "v4")
        else:
            assert figure.indicator in indicators & set(SINGLE_INDICATORS)
    bands = [f for f in reference.figures if f.indicator == DII_BAND_SHARE]
    assert sum(f.percent for f in bands) == pytest.approx(100, abs=0.2)


def test_finding_kinds_name_findings_the_analysis_makes():
    from leitstand.analysis.findings import Kind

    known = {kind.value for kind in Kind}
    for item in load_catalogue().items:
        assert set(item.finding_kinds) <= known, item.key
