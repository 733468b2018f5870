"""How often, how long, how error-prone: reading what people write in a list of data flows."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leitstand.core.values import ValueProblem
from leitstand.imports.cells import _period_lookup
from leitstand.imports.headers import catalogue
from leitstand.imports.quantities import (
    Percent,
    Rate,
    as_per_cent,
    combine_rates,
    holds_shares,
    parse_minutes,
    parse_percent,
    parse_rate,
)


def rate(text: object) -> Rate | None:
    return parse_rate(text, _period_lookup("integrations"), catalogue()["integrations"]["counts"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("täglich", Rate("day", None)),
        ("pro Tag", Rate("day", None)),
        ("Daily", Rate("day", None)),
        ("wöchentlich", Rate("week", None)),
        ("monatlich", Rate("month", None)),
        ("zum Monatsende", Rate("month", None)),
        ("jährlich", Rate("year", None)),
        ("pro Ereignis", Rate("event", None)),
        ("bei Bedarf", Rate("event", None)),
        ("40 pro Tag", Rate("day", Decimal(40))),
        ("40/Tag", Rate("day", Decimal(40))),
        ("ca. 40 Aufträge am Tag", Rate("day", Decimal(40))),
        ("30-50 pro Tag", Rate("day", Decimal(40))),
        ("2x wöchentlich", Rate("week", Decimal(2))),
        ("2 mal die Woche", Rate("week", Decimal(2))),
        ("zweimal im Monat", Rate("month", Decimal(2))),
        ("3 times a week", Rate("week", Decimal(3))),
        ("12 per year", Rate("year", Decimal(12))),
        ("1.000 pro Jahr", Rate("year", Decimal(1000))),
        ("quartalsweise", Rate("year", Decimal(4))),
        ("2 pro Quartal", Rate("year", Decimal(8))),
        ("14-tägig", Rate("week", Decimal("0.5"))),
        ("täglich 40", Rate("day", Decimal(40))),
        ("40", Rate(None, Decimal(40))),
        (40.0, Rate(None, Decimal(40))),
        ("unbekannt", None),
        ("", None),
    ],
)
def test_frequencies_are_read_as_people_write_them(text, expected):
    assert rate(text) == expected


@pytest.mark.parametrize("text", ["ab und zu", "40 pro Jahrzehnt", "schnell", "-3 pro Tag"])
def test_an_unknown_frequency_is_a_problem_in_plain_words(text):
    with pytest.raises(ValueProblem, match="does not say how often"):
        rate(text)


@given(count=st.integers(min_value=0, max_value=99_999), period=st.sampled_from(["Tag", "Woche"]))
def test_any_count_per_period_keeps_its_number(count, period):
    found = rate(f"{count} pro {period}")
    assert found.count == count
    assert found.frequency == {"Tag": "day", "Woche": "week"}[period]


def test_the_two_columns_complete_each_other():
    values = {"frequency": Rate("day", None), "runs_per_period": Rate(None, Decimal(40))}
    assert combine_rates(values) == []
    assert values == {"frequency": "day", "runs_per_period": Decimal(40)}
    only_frequency = {"frequency": Rate("week", Decimal(2))}
    assert combine_rates(only_frequency) == []
    assert only_frequency == {"frequency": "week", "runs_per_period": Decimal(2)}


def test_columns_that_disagree_are_problems_not_guesses():
    values = {"frequency": Rate("day", Decimal(40)), "runs_per_period": Rate(None, Decimal(30))}
    problems = dict(combine_rates(values))
    assert "says 40 times, this column 30" in problems["runs_per_period"]
    assert values == {"frequency": "day"}
    bare = {"frequency": Rate(None, Decimal(40))}
    assert "40 times per what?" in dict(combine_rates(bare))["frequency"]
    assert bare == {}


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("15", Decimal(15)),
        (15.5, Decimal("15.5")),
        ("15 Min.", Decimal(15)),
        ("ca. 20 Minuten", Decimal(20)),
        ("15-20", Decimal("17.5")),
        ("15 \u2013 20 min", Decimal("17.5")),  # an en dash
        ("1,5 Std.", Decimal(90)),
        ("2 h", Decimal(120)),
        ("30 Sek.", Decimal("0.5")),
        ("15 Minuten pro Auftrag", Decimal(15)),
        ("keine", Decimal(0)),
        ("unbekannt", None),
    ],
)
def test_minutes_are_read_with_units_and_ranges(text, minutes):
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize("text", ["viel", "15 Tage", "-5", "schnell erledigt"])
def test_unreadable_minutes_are_problems(text):
    with pytest.raises(ValueProblem, match=r"not a number of minutes|cannot be negative"):
        parse_minutes(text)


def _per_cent(cells: list[object]) -> list[Decimal]:
    percents = [parse_percent(cell) for cell in cells]
    shares = holds_shares([percent for percent in percents if percent])
    return [as_per_cent(percent, shares) for percent in percents if percent]


def test_percentages_with_a_sign_or_above_one_are_per_cent():
    assert _per_cent(["2 %", "2,5", "5", "0,5", "ca. 3 %", "0 %"]) == [
        Decimal(2),
        Decimal("2.5"),
        Decimal(5),
        Decimal("0.5"),
        Decimal(3),
        Decimal(0),
    ]


def test_a_column_of_shares_is_read_as_excel_stores_percent_cells():
    assert _per_cent([0.02, 0.035, "0,5 %", 0]) == [Decimal(2), Decimal("3.5"), Decimal("0.5"), 0]


def test_a_percentage_above_100_is_a_problem():
    with pytest.raises(ValueProblem, match="between 0 and 100"):
        as_per_cent(Percent(Decimal(150), signed=True), shares=False)
    with pytest.raises(ValueProblem, match="between 0 and 100"):
        parse_percent("-2 %")
