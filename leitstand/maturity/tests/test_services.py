"""Starting, repeating, answering and completing an assessment; the JSON exchange."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from leitstand.inventory.models import Capability, Department, System
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.maturity.exchange import ExchangeError, export_document
from leitstand.maturity.models import MaturityAnswer, MaturityAssessment
from leitstand.maturity.selectors import answer_rows, previous_completed, result_of
from leitstand.maturity.services import (
    Given,
    complete_assessment,
    import_assessment,
    save_answers,
    start_assessment,
)

pytestmark = pytest.mark.django_db


def _erp(org, departments=()):
    erp = System.objects.create(organisation=org, name="ProLog ERP", kind="application")
    capability, _ = Capability.objects.get_or_create(
        organisation=org, key="erp", defaults={"name_en": "ERP"}
    )
    erp.capabilities.set([capability])
    if departments:
        erp.departments.set(departments)
    return erp


def _start(org, user, **kwargs):
    return start_assessment(org, user, landscape_snapshot(org), **kwargs)


def test_a_new_assessment_carries_the_suggestions_with_their_evidence(org, owner):
    _erp(org)
    assessment = _start(org, owner)
    rows = answer_rows(assessment)
    assert len(rows) == 26
    erp = rows["dii_erp"]
    assert (erp.value, erp.source, erp.suggested) == ("no", "prefilled", "no")
    assert erp.evidence[0]["key"] == "erp_isolated"
    assert erp.evidence[0]["source"] == "inventory"
    plan = rows["strategy_plan"]
    assert (plan.value, plan.source, plan.suggested) == ("unknown", "manual", "")
    assert assessment.dii_variant == "v3"


def test_confirming_keeps_the_answer_and_overriding_makes_it_manual(org, owner):
    _erp(org)
    assessment = _start(org, owner)
    changed = save_answers(
        assessment,
        {
            "dii_erp": Given("no", confirmed=True),
            "dii_crm": Given("yes", confirmed=True),  # suggested "no", answered "yes"
            "strategy_plan": Given("partly", note="Entwurf"),
        },
        owner,
    )
    rows = answer_rows(assessment)
    assert changed == 3
    assert rows["dii_erp"].source == "confirmed"
    assert (rows["dii_crm"].value, rows["dii_crm"].source) == ("yes", "manual")
    assert (rows["strategy_plan"].source, rows["strategy_plan"].note) == ("manual", "Entwurf")
    assert save_answers(assessment, {"dii_erp": Given("no", confirmed=True)}, owner) == 0


def test_a_repeat_starts_from_the_last_answers(org, owner):
    _erp(org)
    first = _start(org, owner, assessed_on=timezone.localdate() - timedelta(days=365))
    save_answers(
        first,
        {"dii_erp": Given("no", confirmed=True), "strategy_plan": Given("partly", note="x")},
        owner,
    )
    complete_assessment(first, owner)
    # the landscape changes: the ERP is now used by two departments
    departments = [Department.objects.create(organisation=org, name=n) for n in ("A", "B")]
    System.objects.get(organisation=org, name="ProLog ERP").departments.set(departments)
    repeat = _start(org, owner, repeat=True)
    rows = answer_rows(repeat)
    assert (rows["strategy_plan"].value, rows["strategy_plan"].note) == ("partly", "x")
    assert rows["strategy_plan"].source == "manual"
    # the data now suggests otherwise: the new suggestion waits for confirmation
    assert (rows["dii_erp"].value, rows["dii_erp"].source) == ("yes", "prefilled")
    # the same suggestion as last time keeps last time's source
    assert rows["dii_crm"].source == first.answers.get(item="dii_crm").source
    assert previous_completed(repeat) == first


def test_an_empty_new_assessment_ignores_the_last_answers(org, owner):
    first = _start(org, owner, assessed_on=date(2025, 1, 1))
    save_answers(first, {"strategy_plan": Given("yes")}, owner)
    complete_assessment(first, owner)
    fresh = _start(org, owner)
    assert answer_rows(fresh)["strategy_plan"].value == "unknown"


def test_export_and_reimport_give_the_same_result(org, owner):
    _erp(org)
    assessment = _start(org, owner, assessor="Eva", notes="<script>alert(1)</script>")
    save_answers(assessment, {"strategy_plan": Given("partly", note="=SUM(A1)")}, owner)
    complete_assessment(assessment, owner)
    document = export_document(assessment, answer_rows(assessment))
    copy = import_assessment(org, json.dumps(document).encode())
    assert result_of(copy) == result_of(assessment)
    assert copy.notes == "<script>alert(1)</script>"  # kept as text; pages escape it
    rows = answer_rows(copy)
    assert rows["dii_erp"].source == "prefilled"
    assert rows["strategy_plan"].note == "=SUM(A1)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"{not json", "not valid JSON"),
        (b'{"format": "other"}', "not a Leitstand maturity"),
        (
            b'{"format": "leitstand-maturity", "version": 1, "answers": {"dii_erp": "perhaps"}}',
            "is not an answer",
        ),
        (
            b'{"format": "leitstand-maturity", "version": 1, "answers": {"nonsense": "yes"}}',
            "Unknown item",
        ),
        (
            b'{"format": "leitstand-maturity", "version": 1, "dii_variant": "v4", "answers": {}}',
            "DII variant v4",
        ),
        (
            b'{"format": "leitstand-maturity", "version": 1, "date": "2999-01-01", "answers": {}}',
            "future",
        ),
        (b"x" * 1_000_001, "larger than 1 MB"),
    ],
)
def test_a_bad_file_writes_nothing_and_says_why(org, content, message):
    with pytest.raises(ExchangeError) as error:
        import_assessment(org, content)
    assert message in " ".join(error.value.messages)
    assert not MaturityAssessment.objects.filter(organisation=org).exists()
    assert not MaturityAnswer.objects.filter(organisation=org).exists()


def test_every_problem_of_a_file_is_listed_at_once(org):
    content = {
        "format": "leitstand-maturity",
        "version": 1,
        "answers": {"dii_erp": "perhaps", "dii_crm": {"answer": "yes", "source": "magic"}},
    }
    with pytest.raises(ExchangeError) as error:
        import_assessment(org, content)
    assert len(error.value.messages) == 2


def test_an_imported_word_answer_counts_and_missing_items_are_unknown(org):
    content = {
        "format": "leitstand-maturity",
        "version": 1,
        "date": "2026-01-15",
        "answers": {"dii_erp": "YES", "strategy_plan": {"answer": "partly", "note": "n"}},
    }
    assessment = import_assessment(org, content)
    assert assessment.completed
    result = result_of(assessment)
    assert result.dii_count == 1
    assert len(result.open_items) == 24
