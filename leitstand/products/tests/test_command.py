"""`leitstand catalogue match`: the interface named in the issue."""

import json

import pytest
from django.core.management import CommandError, call_command

from leitstand.products.tests.factories import ProductLinkFactory

KEYS = {
    "name",
    "product",
    "vendor",
    "vendor_country",
    "kind",
    "capabilities",
    "cycle",
    "end_of_support",
    "confidence",
}


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("catalogue", *args, stdout=out)
    return out.getvalue()


def test_match_json_has_the_named_keys():
    result = json.loads(run("match", "Win Server 2012R2", "Kundenkartei", "--json"))
    assert set(result[0]) >= KEYS
    assert result[0]["product"] == "Microsoft Windows Server"
    assert result[0]["vendor"] == "Microsoft" and result[0]["vendor_country"] == "US"
    assert result[0]["kind"] == "infrastructure"
    assert result[0]["cycle"] == "2012-r2"
    assert result[0]["end_of_support"] == "2023-10-10"
    assert result[0]["confidence"] == 1.0
    assert result[1]["product"] is None and result[1]["end_of_support"] is None


def test_match_reads_a_file_with_one_name_per_line(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Datev UO\n\nWhatsApp Gruppe\n", encoding="utf-8")
    result = json.loads(run("match", "--file", str(names), "--json"))
    assert [row["product"] for row in result] == ["DATEV Unternehmen online", "WhatsApp"]
    assert result[1]["capabilities"] == ["chat"]


def test_match_plain_text_says_not_recognised_and_offers_a_family():
    text = run("match", "SAP", "Shopware6")
    assert "SAP: not recognised (could be: SAP Business One" in text
    assert "Shopware6: Shopware; vendor shopware (DE)" in text


def test_match_without_names_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        run("match")
    with pytest.raises(CommandError, match="Cannot read"):
        run("match", "--file", str(tmp_path / "missing.txt"))


@pytest.mark.django_db
def test_sync_updates_linked_systems(org):
    link = ProductLinkFactory(organisation=org)
    assert "1 systems now carry" in run("sync")
    link.system.refresh_from_db()
    assert str(link.system.end_of_support) == "2023-10-10"
