from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from leitstand.analysis import messages as m
from leitstand.analysis.findings import Kind
from leitstand.continuity.tests.test_explanations import CONTINUITY_EXAMPLE_PARAMS
from leitstand.core.wording import GAP_FIELDS, KINDS, TEMPLATES, format_param, render
from leitstand.products.tests.test_explanations import REGULATION_EXAMPLE_PARAMS


def _example(key: str) -> m.Message:
    params = {
        name: m.Count(2)
        for name in (
            "count",
            "runs",
            "days",
            "runs_per_year",
            "more",
            "years",
            "criticality",
            "health",
            "integration",
            "fit",
            "total",
        )
    }
    params.update(
        {
            name: m.Label("X")
            for name in (
                "source",
                "target",
                "system",
                "capability",
                "keep",
                "data_object",
                "first",
                "second",
                "flow",
                "year",
                "step",
                "process",
                "scenario",
                "person",
                "vendor",
                "number",
            )
        }
    )
    params.update(
        {
            name: m.Labels(("A", "B"))
            for name in (
                *("data", "systems", "retire", "departments", "capabilities"),
                *("flows", "steps"),
            )
        }
    )
    params.update(
        {
            name: m.Eur(Decimal("1234.5"))
            for name in (
                *("rate", "eur", "licence", "manual", "saving", "revenue"),
                *("investment", "running", "labour", "errors"),
                *("cost", "cost_total", "cash", "capacity"),
            )
        }
    )
    params.update(
        {
            name: m.Hours(Decimal("12.25"))
            for name in (
                *("hours", "error_hours", "fte_hours", "total_hours"),
                *("counted", "additional"),
            )
        }
    )
    params.update(
        {
            "minutes": m.Minutes(Decimal(17)),
            "fix_minutes": m.Minutes(Decimal("7.5")),
            "before": m.Minutes(Decimal(15)),
            "after": m.Minutes(Decimal("0.75")),
            "months": m.Months(Decimal("2.88")),
            "error_rate": m.Percent(Decimal(3)),
            "score": m.Percent(Decimal(95)),
            "percent": m.Percent(Decimal(40)),
            "cost": m.Eur(Decimal(12000)),
            "total": m.Eur(Decimal(30000)),
            "fte": m.Fte(Decimal("1.555")),
            "method": m.Term("method:manual"),
            "deadline": m.Day(date(2027, 2, 28)),  # quick wins: when a licence ends
            "end": m.Day(date(2027, 3, 31)),
            "from": m.Day(date(2027, 4, 1)),
            "notice": m.Count(3),
            **CONTINUITY_EXAMPLE_PARAMS,
            **REGULATION_EXAMPLE_PARAMS,
            "date": m.Day(date(2027, 6, 30)),
            "review": m.Day(date(2027, 5, 23)),
            "threshold": m.Hours(Decimal(100)),
            "ending": m.Hours(Decimal(346)),
        }
    )
    return m.Message(key, params)


def test_every_message_key_has_a_template():
    assert set(TEMPLATES) == m.MESSAGE_KEYS


def test_every_kind_has_a_label():
    assert set(KINDS) == {kind.value for kind in Kind}
    assert {"runs_per_period", "minutes_per_run", "annual_cost", "master"} <= set(GAP_FIELDS)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("key", sorted(m.MESSAGE_KEYS))
def test_every_message_renders_in_both_languages(key, language):
    with translation.override(language):
        text = render(_example(key))
    assert "%(" not in text
    assert text.strip()


def test_numbers_are_formatted_like_everywhere_else():
    assert format_param(m.Eur(Decimal("115170.4"))) == "€115,170"
    assert format_param(m.Hours(Decimal("2493.33"))) == "2,493 h"
    assert format_param(m.Hours(Decimal("66"))) == "66.0 h"
    assert format_param(m.Minutes(Decimal("17.00"))) == "17 min"
    assert format_param(m.Percent(Decimal("3"))) == "3%"
    assert format_param(m.Count(Decimal("8800"))) == "8,800"
    assert format_param(m.Months(Decimal("2.7366"))) == "2.7"
    assert format_param(m.Term("method:paper")) == "on paper"
    assert format_param(m.Day(date(2027, 6, 30))) == "30 Jun 2027"
    with translation.override("de"):
        assert format_param(m.Eur(Decimal("115170.4"))) == "115.170\u00a0€"
        assert format_param(m.Percent(Decimal("2.5"))) == "2,5\u00a0%"
        assert format_param(m.Day(date(2027, 6, 30))) == "30.06.2027"


def test_plural_forms_follow_the_number():
    one = m.Message("isolated.summary", {"count": m.Count(1), "systems": m.Labels(("Fax",))})
    two = m.Message("isolated.summary", {"count": m.Count(2), "systems": m.Labels(("A", "B"))})
    assert render(one) == "1 system has no recorded data flows: Fax."
    assert render(two) == "2 systems have no recorded data flows: A, B."
