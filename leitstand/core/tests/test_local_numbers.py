"""Numbers in forms follow the language: 8.500.000,00 in German, 8,500,000.00 in English."""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from leitstand.tenancy.forms import OrganisationForm
from leitstand.tenancy.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _form(org, language, **data):
    with translation.override(language):
        form = OrganisationForm(data or None, instance=org)
        html = str(form["annual_revenue"]) if not data else ""
        valid = form.is_valid() if data else None
    return form, html, valid


def test_german_form_shows_grouped_number_with_decimal_comma():
    org = OrganisationFactory(annual_revenue=Decimal("8500000.00"))
    _, html, _ = _form(org, "de")
    assert 'value="8.500.000,00"' in html and 'inputmode="decimal"' in html
    _, html, _ = _form(org, "en")
    assert 'value="8,500,000.00"' in html


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("de", "8.500.000,00", Decimal("8500000")),
        ("de", "12,5", Decimal("12.5")),
        ("de", "12.5", Decimal("12.5")),  # a lone dot before one digit: a decimal point
        ("de", "1.000", Decimal("1000")),
        ("en", "8,500,000.00", Decimal("8500000")),
        ("en", "45.5", Decimal("45.5")),
    ],
)
def test_typed_numbers_are_read_in_the_users_language(language, typed, expected):
    org = OrganisationFactory()
    data = {
        "name": org.name,
        "slug": org.slug,
        "annual_revenue": typed,
        "labour_cost_per_hour": "45",
        "working_days_per_year": "220",
        "productive_hours_per_fte": "1600",
        "wrap_min_manual_hours": "100",
    }
    form, _, valid = _form(org, language, **data)
    assert valid, form.errors
    assert form.cleaned_data["annual_revenue"] == expected


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_a_shown_number_reads_back_as_itself(value):
    from leitstand.core.forms import LocalNumberInput, local_number_text

    for language in ("de", "en"):
        with translation.override(language):
            shown = LocalNumberInput().format_value(value)
            assert Decimal(local_number_text(shown)) == value


FACTS = {
    "federal_state": "BY",
    "fte": "50",
    "balance_sheet_total": "2000000",
    "nace_section": "C",
    "founded_year": "2004",
    "has_linked_enterprises": "false",
    "linked_enterprises_note": "",
    "de_minimis_complete": "on",
}


@pytest.mark.parametrize(
    ("language", "turnover", "fte"),
    [("de", "8.500.000,00", "56,5"), ("en", "8,500,000.00", "56.5")],
)
def test_company_facts_page_reads_and_shows_turnover_in_the_users_language(
    login, editor, org, language, turnover, fte
):
    """The funding page's turnover (a form on the organisation itself) and the facts beside
    it: typed as people write them, shown back the same way; a year is not grouped."""
    from django.urls import reverse

    from leitstand.funding.models import FundingFacts

    client = login(editor)
    url = reverse("funding:facts", kwargs={"org": org.slug})
    data = {**FACTS, "annual_revenue": turnover, "fte": fte}
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.content.decode()[:2000]
    org.refresh_from_db()
    assert org.annual_revenue == Decimal("8500000")
    facts = FundingFacts.objects.get(organisation=org)
    assert facts.fte == Decimal("56.5") and facts.founded_year == 2004

    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'value="{turnover}"' in html
    assert 'value="2004"' in html and 'value="2.004"' not in html and 'value="2,004"' not in html
