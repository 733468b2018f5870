"""The one number, date and yes/no parser: examples from real spreadsheets and properties."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.core.values import (
    ValueProblem,
    clean_text,
    parse_bool,
    parse_date,
    parse_number,
    split_values,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56 €", Decimal("1234.56")),
        ("€ 649", Decimal("649")),
        ("1,234.56", Decimal("1234.56")),
        ("649,-", Decimal("649")),
        ("12.000", Decimal("12000")),
        ("2,5", Decimal("2.5")),
        ("2.5", Decimal("2.5")),
        ("1 234,50 EUR", Decimal("1234.50")),
        ("1.234.567", Decimal("1234567")),
        ("480 € p.a.", Decimal("480")),
        ("kostenlos", Decimal("0")),
        ("free", Decimal("0")),
        (1500.5, Decimal("1500.5")),
        (12, Decimal("12")),
    ],
)
def test_numbers_are_read_in_german_and_english(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "unbekannt", "n/a", "?", "-", None])
def test_unknown_numbers_are_empty_not_zero(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["viel", "12 Stück 3", "$ 100", "1,2,3,4x", True])
def test_what_is_not_a_euro_amount_is_a_problem(text):
    with pytest.raises(ValueProblem):
        parse_number(text)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_german_notation_round_trips(value):
    german = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    assert parse_number(f"{german} €") == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_english_notation_round_trips(value):
    assert parse_number(f"€{value:,.2f}") == value


@given(st.text(max_size=30))
def test_number_parser_never_fails_unexpectedly(text):
    try:
        result = parse_number(text)
    except ValueProblem:
        return
    assert result is None or isinstance(result, Decimal)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("31.12.2027", date(2027, 12, 31)),
        ("31.12.27", date(2027, 12, 31)),
        ("2027-12-31", date(2027, 12, 31)),
        ("2027-12-31T00:00:00", date(2027, 12, 31)),
        ("12/31/2027", date(2027, 12, 31)),
        ("31. Dezember 2027", date(2027, 12, 31)),
        ("Dec 2027", date(2027, 12, 1)),
        ("06/2026", date(2026, 6, 1)),
        ("2027", date(2027, 1, 1)),
        (46387, date(2026, 12, 31)),
        (46387.0, date(2026, 12, 31)),
        (datetime(2027, 12, 31, 10, 0), date(2027, 12, 31)),
        (date(2027, 12, 31), date(2027, 12, 31)),
    ],
)
def test_dates_are_read_as_people_write_them(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["unbekannt", "unknown", "", None, "k.A."])
def test_unknown_dates_are_empty(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["31.02.2027", "bald", "Q3", -5])
def test_impossible_dates_are_problems(value):
    with pytest.raises(ValueProblem):
        parse_date(value)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 12, 31)))
def test_german_and_iso_dates_round_trip(day):
    assert parse_date(day.strftime("%d.%m.%Y")) == day
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=30))
def test_date_parser_never_fails_unexpectedly(text):
    try:
        result = parse_date(text)
    except ValueProblem:
        return
    assert result is None or isinstance(result, date)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[("ja", True), ("x", True), ("Yes", True), ("1", True), (1, True), (True, True)],
        *[("nein", False), ("no", False), ("0", False), (0, False), ("-", False)],
        *[("", None), (None, None), ("unbekannt", None)],
    ],
)
def test_yes_and_no_in_both_languages(value, expected):
    assert parse_bool(value) is expected


def test_a_word_that_is_neither_yes_nor_no_is_a_problem():
    with pytest.raises(ValueProblem):
        parse_bool("vielleicht")


def test_several_values_split_on_comma_semicolon_and_line_break():
    assert split_values("Lager; Versand,\nVertrieb, lager ,") == ["Lager", "Versand", "Vertrieb"]


@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=8), max_size=6))
def test_split_values_never_returns_blanks_or_repeats(parts):
    result = split_values(";".join(parts))
    assert all(item and item == item.strip() for item in result)
    assert len({item.lower() for item in result}) == len(result)


def test_clean_text_keeps_markup_as_text_and_undoes_formula_neutralising():
    assert clean_text("  <script>alert(1)</script> ") == "<script>alert(1)</script>"
    assert clean_text("'=SUM(A1)") == "=SUM(A1)"
    assert clean_text(12.0) == "12"
