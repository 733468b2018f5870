"""The JSON exchange: parsing, the import service, and `leitstand check import`."""

import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from leitstand.cli import dispatch
from leitstand.security_check.exchange import ExchangeError, parse_exchange
from leitstand.security_check.models import Answer, CheckStatus, SecurityCheck
from leitstand.security_check.selectors import result_of
from leitstand.security_check.services import import_check

EXAMPLE = {"answers": {"01": "met", "07": "not_relevant", "11": "not_met"}}


def test_missing_requirements_count_as_unknown():
    exchange = parse_exchange(EXAMPLE)
    assert exchange.outcomes["01"] == "met"
    assert exchange.outcomes["02"] == "unknown"
    assert len(exchange.outcomes) == 27


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answers": {"28": "met"}}, 'Unknown requirement number "28"'),
        ({"answers": {"1": "met"}}, 'Unknown requirement number "1"'),
        ({"answers": {"01": "yes"}}, 'Requirement 01: unknown value "yes"'),
        ({"answers": {"11": "not_relevant"}}, "Requirement 11 cannot be not relevant"),
        ({"answers": ["01"]}, 'needs an object "answers"'),
        ({"antworten": {}}, 'needs an object "answers"'),
        ({"answers": {}, "date": "23.11.2026"}, '"date" must be a date'),
        ({"answers": {}, "date": "2999-01-01"}, "cannot be dated in the future"),
        ({"answers": {}, "colour": "red"}, 'Unknown key "colour"'),
        ({"answers": {}, "interviewer": 3}, '"interviewer" must be text'),
        ("{not json", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(data, message):
    with pytest.raises(ExchangeError) as error:
        parse_exchange(data)
    assert any(message in text for text in error.value.messages), error.value.messages


def test_errors_are_in_the_users_language():
    with translation.override("de"), pytest.raises(ExchangeError) as error:
        parse_exchange({"answers": {"11": "not_relevant"}})
    assert "kann nicht" in error.value.messages[0]


@pytest.mark.django_db
def test_import_creates_a_completed_check_with_answers_per_part(org):
    check = import_check(org, json.dumps({**EXAMPLE, "date": "2026-01-15", "interviewer": "Eva"}))
    assert check.status == CheckStatus.COMPLETED
    assert check.checked_on.isoformat() == "2026-01-15"
    assert Answer.objects.get(security_check=check, requirement="07", item="status").value == "no"
    result = result_of(check)
    assert result.outcomes["01"] == "met" and result.outcomes["11"] == "not_met"
    assert result.max_score == 36


@pytest.mark.django_db
def test_a_bad_file_creates_nothing(org):
    with pytest.raises(ExchangeError):
        import_check(org, {"answers": {"01": "met", "02": "not_relevant"}})
    assert SecurityCheck.objects.count() == 0
    assert Answer.objects.count() == 0


@pytest.mark.django_db
def test_command_prints_the_result_as_json(org, tmp_path, capsys):
    path = tmp_path / "check.json"
    path.write_text(json.dumps(EXAMPLE))
    call_command("check_import", str(path), "--org", "acme")
    printed = json.loads(capsys.readouterr().out)
    assert printed["score"] == 3 - 3 - 3 - 3 - 3  # 01 met, the other four TOP not known
    assert printed["max_score"] == 36
    assert printed["percent"] == 0.0
    assert printed["top_unmet"] == [5, 11, 15, 20]
    assert printed["date"] == timezone.localdate().isoformat()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "org_slug", "message"),
    [
        ('{"answers": {"02": "not_relevant"}}', "acme", "cannot be not relevant"),
        ('{"answers": {"99": "met"}}', "acme", 'Unknown requirement number "99"'),
        ('{"answers": {"01": "perhaps"}}', "acme", 'unknown value "perhaps"'),
        ("not json", "acme", "not valid JSON"),
        ('{"answers": {}}', "nobody", "No organisation"),
    ],
)
def test_command_rejects_bad_input_and_creates_nothing(org, tmp_path, content, org_slug, message):
    path = tmp_path / "check.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("check_import", str(path), "--org", org_slug)
    assert SecurityCheck.objects.count() == 0


@pytest.mark.django_db
def test_command_reports_a_missing_file(org, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("check_import", str(tmp_path / "missing.json"), "--org", "acme")


def test_leitstand_check_import_goes_to_the_import_and_everything_else_to_djangos_check():
    assert dispatch(["leitstand", "check", "import", "f.json", "--org", "x"]) == [
        "leitstand",
        "check_import",
        "f.json",
        "--org",
        "x",
    ]
    assert dispatch(["leitstand", "check"]) == ["leitstand", "check"]
    assert dispatch(["leitstand", "check", "--deploy"]) == ["leitstand", "check", "--deploy"]


def test_leitstand_check_without_arguments_is_still_djangos_system_check():
    completed = subprocess.run(
        [sys.executable, "-m", "leitstand.cli", "check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "System check identified" in completed.stdout


def test_leitstand_check_import_fails_with_a_message_on_stderr(tmp_path):
    path = tmp_path / "check.json"
    path.write_text('{"answers": {"05": "not_relevant"}}')
    completed = subprocess.run(
        [sys.executable, "-m", "leitstand.cli", "check", "import", str(path), "--org", "x"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode != 0
    assert "Requirement 05 cannot be not relevant" in completed.stderr
