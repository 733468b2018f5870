"""Recognition of products from names as people type them (data/recognition_set.tsv).

The set was written before the matcher was tuned, from how names appear in SME inventory
spreadsheets: mixed case, typos, versions, editions, German and English, with and without
vendor, and names that are not catalogue products at all (which must stay unrecognised).
"""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from leitstand.products.matching import matcher

SET = Path(__file__).parent / "data" / "recognition_set.tsv"
HOLDOUT = Path(__file__).parent / "data" / "holdout_set.tsv"
TODAY = date(2026, 12, 7)  # cycles assumed from "every candidate has ended" depend on it


def load_set(path: Path = SET) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, product, cycle = [*line.split("\t"), "", ""][:3]
        rows.append((name, product, cycle))
    return rows


@pytest.mark.parametrize("path", [SET, HOLDOUT], ids=["recognition_set", "holdout_set"])
def test_recognition_rate_and_false_recognitions(path, capsys):
    rows = load_set(path)
    known = [row for row in rows if row[1]]
    recognised = false = 0
    misses = []
    for name, product_id, cycle in rows:
        result = matcher().match(name, TODAY)
        got = result.product.id if result.recognised else ""
        got_cycle = result.cycle.key if result.recognised and result.cycle else ""
        if product_id and got == product_id and got_cycle == cycle:
            recognised += 1
        elif got and got != product_id:
            false += 1
            misses.append(f"FALSE {name!r}: {got} (expected {product_id or 'none'})")
        elif product_id:
            misses.append(f"MISSED {name!r}: {got}/{got_cycle} (expected {product_id}/{cycle})")
    rate = recognised / len(known)
    false_rate = false / len(rows)
    with capsys.disabled():
        print(
            f"\n{path.stem}: {len(rows)} names ({len(known)} catalogue products, "
            f"{len(rows) - len(known)} not in the catalogue)"
            f"\nrecognition rate (product and cycle right): {rate:.1%}"
            f"\nfalse recognitions: {false} of {len(rows)} = {false_rate:.1%}"
        )
        for line in misses:
            print("  " + line)
    assert len(rows) >= (300 if path == SET else 100)
    assert rate >= 0.95
    assert false_rate <= 0.01


def test_the_names_from_the_issue():
    expected = {
        "MS Office 2016": ("microsoft-office", "2016"),
        "Office365": ("microsoft-365", None),
        "M365 Business Std": ("microsoft-365", None),
        "Datev UO": ("datev-unternehmen-online", None),
        "Win Server 2012R2": ("windows-server", "2012-r2"),
        "Shopware6": ("shopware", None),
        "Lexware buchhaltung": ("lexware-buchhaltung", None),
        "WhatsApp Gruppe": ("whatsapp", None),
    }
    for name, (product_id, cycle) in expected.items():
        result = matcher().match(name, TODAY)
        assert result.recognised, name
        assert result.product.id == product_id, name
        assert (result.cycle.key if result.cycle else None) == cycle, name


def test_version_words_select_the_cycle():
    cases = {
        "Windows Server 2012 R2": "2012-r2",
        "Windows 10 22H2": "10-22h2",
        "SQL Server 2016 SP3": "13.0-sp3",
        "Windows 10 Enterprise LTSC 2021": "10-21h2-e-lts",
        "Office 2016": "2016",
        "AS/400 V7R3": "7.3",
        "DS920+ DSM 7.1": "7.1",  # the model number is not a version
    }
    for name, cycle in cases.items():
        assert matcher().match(name, TODAY).cycle.key == cycle, name


def test_an_unnamed_version_is_assumed_only_when_every_candidate_has_ended():
    ended = matcher().match("Windows 10", TODAY)
    assert ended.cycle.key == "10-22h2" and ended.cycle_assumed
    open_ended = matcher().match("Windows 11", TODAY)
    assert open_ended.cycle is None


def test_family_names_ask_instead_of_guessing():
    result = matcher().match("SAP", TODAY)
    assert not result.recognised
    assert {product.id for product in result.candidates} >= {"sap-business-one", "sap-s4hana"}


def test_private_accounts_are_flagged():
    assert matcher().match("Dropbox (Vertrieb privat)", TODAY).private_use
    assert not matcher().match("Dropbox Business", TODAY).private_use


#: Names where two aliases of one product explain as many words ("Sophos Firewall" and
#: "Sophos XGS" in "Firewall Sophos XGS"); the one leaving no unknown word is sure.
TIES = ["Firewall Sophos XGS", "Synology NAS DSM 6.2", "MS Access Datenbank", "MS Dynamics 365 BC"]


def test_the_same_name_gets_the_same_answer_in_every_process():
    """The matcher once looked at a name's words in the order of a Python set, which changes
    with each process's hash seed: an import recognised "Firewall Sophos XGS" surely in one
    run and not in the next."""
    script = (
        "from leitstand.products.matching import match_name\n"
        f"print([match_name(name).confidence for name in {TIES!r}])"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in (0, 1, 2, 3)
    }
    assert answers == {str([1.0] * len(TIES))}
