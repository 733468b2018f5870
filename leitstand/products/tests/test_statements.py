"""Statements as the usual German banks, card issuers and DATEV export them (generated,
with noise): recurring software payments are found, one-off purchases are not."""

from datetime import date
from decimal import Decimal

import pytest

from leitstand.products.recurring import recurring_payments
from leitstand.products.statements import StatementError, parse_amount, parse_day, read_statement
from leitstand.products.tests import statement_files as files

FORMATS = {
    "sparkasse": files.sparkasse_csv,
    "dkb": files.dkb_csv,
    "deutsche_bank": files.deutsche_bank_csv,
    "card": files.card_csv,
}


def test_german_and_english_amounts_and_dates():
    assert parse_amount("-1.234,56") == Decimal("-1234.56")
    assert parse_amount("1,234.56") == Decimal("1234.56")
    assert parse_amount("12,99 €") == Decimal("12.99")
    assert parse_amount("49,90-") == Decimal("-49.90")
    assert parse_amount("abc") is None
    assert parse_day("01.02.26") == date(2026, 2, 1)
    assert parse_day("01.02.2026") == date(2026, 2, 1)
    assert parse_day("2026-02-01") == date(2026, 2, 1)
    assert parse_day("0102", year_hint=2025) == date(2025, 2, 1)
    assert parse_day("31.02.2026") is None


def _found(data: bytes):
    statement = read_statement(data)
    return statement, {item.key: item for item in recurring_payments(statement.transactions)}


def test_recurring_software_found_and_one_offs_not_reported(capsys):
    expected = found = 0
    false_one_offs = []
    for seed in range(6):
        rows, truth = files.generate_rows(seed)
        for name, make in FORMATS.items():
            statement, result = _found(make(rows))
            assert statement.rows_read > 400, name
            expected += len(truth.recurring)
            found += sum(
                1
                for key, interval in truth.recurring.items()
                if key in result and result[key].interval == interval
            )
            false_one_offs += [(seed, name, key) for key in truth.one_off if key in result]
            assert "vendor:hausverwaltung" not in result
    share = found / expected
    with capsys.disabled():
        print(
            f"\nstatements: {expected} recurring software payees in 24 generated statements, "
            f"{found} found with the right interval = {share:.1%}; "
            f"one-off software payments reported as recurring: {len(false_one_offs)}"
        )
    assert share >= 0.9
    assert false_one_offs == []


def test_datev_buchungsstapel():
    rows, truth = files.generate_rows(3, start=date(2025, 1, 1), months=12)
    statement, result = _found(files.datev_buchungsstapel(rows, 2025))
    assert statement.kind == "datev"
    assert all(t.day.year == 2025 for t in statement.transactions)
    monthly = {key for key, interval in truth.recurring.items() if interval == "monthly"}
    assert monthly and monthly <= set(result)
    assert not truth.one_off & set(result)


def test_annual_cost_and_sum_per_year():
    rows = [
        files.Row(date(2025, month, 3), Decimal("-11.99"), "PAYPAL *DROPBOX", "")
        for month in range(1, 13)
    ] + [files.Row(date(2026, 1, 3), Decimal("-11.99"), "PAYPAL *DROPBOX", "")]
    _statement, result = _found(files.sparkasse_csv(rows))
    dropbox = result["dropbox"]
    assert dropbox.interval == "monthly"
    assert dropbox.annual_cost == Decimal("143.88")
    assert dropbox.per_year == {2025: Decimal("143.88"), 2026: Decimal("11.99")}
    assert dropbox.product.name == "Dropbox"


def test_two_payments_a_month_apart_are_not_yet_monthly():
    rows = [
        files.Row(date(2026, 1, 5), Decimal("-20"), "CANVA* 1", ""),
        files.Row(date(2026, 2, 5), Decimal("-20"), "CANVA* 2", ""),
    ]
    _statement, result = _found(files.card_csv(rows))
    assert result == {}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"Name;Wert\nA;1\n", "booking date"),
        (b"x" * (5 * 1024 * 1024 + 1), "5 MB"),
    ],
)
def test_files_that_are_no_statement_are_refused_with_a_reason(data, message):
    with pytest.raises(StatementError, match=message):
        read_statement(data)


def test_card_exports_with_positive_charges():
    rows = [
        files.Row(date(2026, month, 9), Decimal("29.00"), "CANVA* 10412", "")
        for month in range(1, 7)
    ] + [files.Row(date(2026, 2, 2), Decimal("-5.00"), "CANVA* refund", "")]
    statement, result = _found(files.card_csv(rows))
    assert statement.kind == "card"
    assert result["canva"].annual_cost == Decimal("348.00")
