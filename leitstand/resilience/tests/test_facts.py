from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis.resilience import backup_yardstick as facts
from leitstand.analysis.snapshot import SystemResilienceFacts

AS_OF = date(2026, 11, 23)


def row(**values) -> SystemResilienceFacts:
    return SystemResilienceFacts(system_id=1, **values)


@pytest.mark.parametrize(
    ("tested_on", "ok", "expected"),
    [
        (AS_OF, True, True),
        (AS_OF - timedelta(days=365), True, True),
        (AS_OF - timedelta(days=366), True, False),  # older than 12 months counts as none
        (AS_OF - timedelta(days=10), False, False),  # failed
        (AS_OF - timedelta(days=10), None, False),  # result not known
        (None, True, False),
        (AS_OF + timedelta(days=1), True, False),  # in the future: not a test
    ],
)
def test_restore_tested(tested_on, ok, expected):
    assert facts.restore_tested(row(restore_tested_on=tested_on, restore_test_ok=ok), AS_OF) is (
        expected
    )


def test_nothing_known_is_not_tested():
    assert facts.restore_tested(None, AS_OF) is False
    assert facts.emergency_plan_tested(None, AS_OF) is False
    assert facts.rule_3_2_1_1_0(None, AS_OF) == dict.fromkeys(facts.RULE_PARTS)


@pytest.mark.parametrize(
    ("plan", "tested_on", "expected"),
    [
        (True, AS_OF - timedelta(days=30), True),
        (True, AS_OF - timedelta(days=400), False),
        (True, None, False),
        (False, AS_OF - timedelta(days=30), False),
        (None, AS_OF - timedelta(days=30), True),  # a tested plan exists
    ],
)
def test_emergency_plan_tested(plan, tested_on, expected):
    resilience = row(emergency_plan=plan, emergency_plan_tested_on=tested_on)
    assert facts.emergency_plan_tested(resilience, AS_OF) is expected


def test_rule_all_met():
    resilience = row(
        backup_exists=True,
        backup_copies=3,
        backup_media=2,
        backup_offsite=True,
        backup_offline=True,
        restore_tested_on=AS_OF - timedelta(days=20),
        restore_test_ok=True,
    )
    parts = facts.rule_3_2_1_1_0(resilience, AS_OF)
    assert parts == dict.fromkeys(facts.RULE_PARTS, True)
    assert facts.rule_met(parts) is True


def test_rule_disk_in_the_same_room():
    resilience = row(backup_exists=True, backup_copies=2, backup_media=1, backup_offsite=False)
    parts = facts.rule_3_2_1_1_0(resilience, AS_OF)
    assert parts == {
        "copies": False,
        "media": False,
        "offsite": False,
        "offline": None,
        "errors": False,  # a backup nobody has restored
    }
    assert facts.rule_met(parts) is False


def test_rule_old_restore_test_is_an_unmet_zero():
    resilience = row(restore_tested_on=AS_OF - timedelta(days=500), restore_test_ok=True)
    assert facts.rule_3_2_1_1_0(resilience, AS_OF)["errors"] is False


def test_rule_without_backup_fails_every_part():
    parts = facts.rule_3_2_1_1_0(row(backup_exists=False), AS_OF)
    assert parts == dict.fromkeys(facts.RULE_PARTS, False)


def test_rule_unknown_when_nothing_given():
    parts = facts.rule_3_2_1_1_0(row(), AS_OF)
    assert facts.rule_met(parts) is None


@given(
    copies=st.none() | st.integers(1, 20),
    media=st.none() | st.integers(1, 20),
    offsite=st.none() | st.booleans(),
    offline=st.none() | st.booleans(),
    age=st.none() | st.integers(0, 1000),
    ok=st.none() | st.booleans(),
)
def test_rule_parts_agree_with_the_inputs(copies, media, offsite, offline, age, ok):
    resilience = row(
        backup_exists=True,
        backup_copies=copies,
        backup_media=media,
        backup_offsite=offsite,
        backup_offline=offline,
        restore_tested_on=None if age is None else AS_OF - timedelta(days=age),
        restore_test_ok=ok,
        restore_duration_hours=Decimal("1"),
    )
    parts = facts.rule_3_2_1_1_0(resilience, AS_OF)
    assert set(parts) == set(facts.RULE_PARTS)
    assert parts["copies"] is (None if copies is None else copies >= 3)
    assert parts["media"] is (None if media is None else media >= 2)
    # The zero-errors part is met exactly when the restore test counts.
    assert (parts["errors"] is True) == facts.restore_tested(resilience, AS_OF)
    met = facts.rule_met(parts)
    assert (met is True) == all(value is True for value in parts.values())
    assert (met is False) == any(value is False for value in parts.values())
