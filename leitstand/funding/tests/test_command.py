"""`leitstand funding match` and `leitstand funding check` as named in issue 17."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from leitstand.funding.tests.factories import FundingFactsFactory, FundingPlanFactory


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("funding", *args, stdout=out)
    return out.getvalue()


def write(tmp_path, document) -> str:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


FACTS = {
    "state": "DE-BY",
    "fte": 49.5,
    "turnover_eur": 8000000,
    "balance_sheet_eur": 5000000,
    "linked_enterprises": False,
    "nace_section": "C",
    "founded": 2001,
    "de_minimis_eur_last_3_years": 0,
    "contract_signed": None,
    "costs": {"software_licences": 10000, "implementation": 20000},
}


def test_match_from_a_facts_file_prints_the_named_keys(tmp_path):
    document = json.loads(
        run("match", "--facts", write(tmp_path, FACTS), "--json", "--on", "2026-12-07")
    )
    assert document["sme_class"] == "small"
    assert document["de_minimis_headroom_eur"] == 300000
    bonus = next(p for p in document["programmes"] if p["id"] == "by-digitalbonus-standard")
    assert bonus["eligible"] is True and bonus["amount_eur"] == 7500
    assert bonus["kind"] == "grant" and bonus["status"] == "open"
    assert bonus["last_verified"] == "2026-12-07" and bonus["reasons"]
    assert set(bonus) >= {
        "id",
        "name",
        "eligible",
        "reasons",
        "amount_eur",
        "kind",
        "last_verified",
        "status",
    }


def test_a_signed_contract_in_the_facts_file_excludes_the_bonus(tmp_path):
    facts = {**FACTS, "contract_signed": "2026-03-03"}
    document = json.loads(
        run("match", "--facts", write(tmp_path, facts), "--json", "--on", "2026-12-07")
    )
    bonus = next(p for p in document["programmes"] if p["id"] == "by-digitalbonus-standard")
    assert bonus["eligible"] is False
    assert any("signed on" in text for text in bonus["disqualifying"])


def test_broken_facts_file_lists_every_problem(tmp_path):
    bad = {**FACTS, "state": "Bayern", "fte": -1, "costs": {"coffee": 3}, "extra": 1}
    with pytest.raises(CommandError) as error:
        run("match", "--facts", write(tmp_path, bad))
    text = str(error.value)
    assert "state" in text and "fte" in text and "costs.coffee" in text and "extra" in text
    (tmp_path / "broken.json").write_bytes(b"\xff\xfe{")
    with pytest.raises(CommandError):
        run("match", "--facts", str(tmp_path / "broken.json"))


@pytest.mark.django_db
def test_match_an_organisation_and_its_plan(org):
    org.federal_state = "SN"
    org.annual_revenue = Decimal(8_500_000)
    org.save()
    FundingFactsFactory(organisation=org)
    plan = FundingPlanFactory(organisation=org)
    document = json.loads(run("match", "--org", "acme", "--json", "--on", "2026-12-07"))
    assert document["sme_class"] == "medium"
    planned = json.loads(
        run("match", "--org", "acme", "--plan", str(plan.pk), "--json", "--on", "2026-12-07")
    )
    assert planned["plan"]["total_eur"] == 79500
    assert "SME class: medium" in run("match", "--org", "acme", "--on", "2026-12-07")
    with pytest.raises(CommandError):
        run("match", "--org", "nobody")
    with pytest.raises(CommandError, match="No initiative"):
        run("match", "--org", "acme", "--initiative", "999")


def test_check_lists_programmes_to_reverify():
    fresh = run("check", "--on", "2026-12-07")
    assert "bafa-beratung" in fresh  # ends on 31 Dec 2026
    later = json.loads(run("check", "--json", "--on", "2027-07-01"))
    by_id = {row["id"]: row for row in later["programmes"]}
    assert by_id["kfw-511-levelup"]["status"] == "check_needed"
    assert by_id["bafa-beratung"]["status"] == "expired"
