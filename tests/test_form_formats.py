"""Generated: every form page shows and reads dates and numbers as the page's language writes
them (07.12.2026 and 8.500.000,00 in German), never in the browser's own date or number field,
which follows the browser's language instead of the page's. The API keeps ISO dates.

New pages are covered as soon as they are added to a urls.py (see tests/urlwalk.py).
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.forms.formsets import BaseFormSet
from django.test.utils import ContextList
from django.utils import translation

from leitstand.core.forms import LocalDateInput, LocalNumberInput
from tests.urlwalk import all_routes, example_object, org_routes, route_url

ROUTES = org_routes()
#: Pages outside an organisation that take no parameter (a new organisation, the profile ...).
PLAIN_ROUTES = [
    route
    for route in all_routes()
    if not route.params and not route.route.startswith(("api/", "admin/", "o/"))
]
DAY = date(2026, 12, 7)
AMOUNT = Decimal("8500000.00")
POST_FORMS = re.compile(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", re.DOTALL | re.IGNORECASE)
INPUTS = re.compile(r"<input[^>]*>")


def _forms_in(context) -> list[forms.BaseForm]:
    """Every form the page's templates were given, those of formsets and lists included."""
    found: list[forms.BaseForm] = []

    def add(value) -> None:
        if isinstance(value, forms.BaseForm):
            found.append(value)
        elif isinstance(value, BaseFormSet):
            found.extend([*value.forms, value.empty_form])
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, forms.BaseForm | BaseFormSet):
                    add(item)

    layers = context if isinstance(context, ContextList) else [context] if context else []
    for layer in layers:
        for value in layer.flatten().values():
            add(value)
    return found


def _assert_german_fields(label: str, form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        where = f"{label}: {type(form).__name__}.{name}"
        if isinstance(field, forms.DateField):
            assert isinstance(field.widget, LocalDateInput), where
            html = field.widget.render(name, DAY)
            assert 'value="07.12.2026"' in html and 'placeholder="TT.MM.JJJJ"' in html, where
            assert 'type="text"' in html and 'inputmode="numeric"' in html, where
            assert field.to_python("07.12.2026") == DAY, where
            assert field.to_python("2026-12-07") == DAY, where
        if isinstance(field, forms.DecimalField | forms.IntegerField):
            assert isinstance(field.widget, LocalNumberInput), where
            if field.widget.grouping:
                assert field.widget.format_value(AMOUNT) == "8.500.000,00", where
            assert Decimal(field.to_python("8.500.000,00")) == AMOUNT, where
            assert Decimal(field.to_python("8500000,00")) == AMOUNT, where


def _assert_german_page(label: str, response) -> None:
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    assert 'type="date"' not in html, f"{label}: a browser date field is left"
    for form_html in POST_FORMS.findall(html):
        for tag in INPUTS.findall(form_html):
            if 'type="hidden"' in tag:
                continue
            assert 'type="number"' not in tag, f"{label}: a browser number field: {tag}"
            assert not re.search(r'value="\d{4}-\d{2}-\d{2}"', tag), f"{label}: ISO date {tag}"
            if 'inputmode="decimal"' in tag:
                assert not re.search(r'value="\d+\.\d{1,2}"', tag), f"{label}: English {tag}"
    with translation.override("de"):
        for form in _forms_in(response.context):
            _assert_german_fields(label, form)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_german_form_pages_show_local_dates_and_numbers(login, owner, org, route):
    obj = example_object(route, org) if "pk" in route.params else None
    url = route_url(route, org, obj)
    response = login(owner).get(url, HTTP_ACCEPT_LANGUAGE="de")
    _assert_german_page(url, response)


@pytest.mark.parametrize("route", PLAIN_ROUTES, ids=lambda r: r.name)
def test_german_pages_outside_an_organisation_show_local_dates_and_numbers(login, owner, route):
    from django.urls import reverse

    response = login(owner).get(reverse(route.name), HTTP_ACCEPT_LANGUAGE="de")
    _assert_german_page(route.name, response)


def test_the_walk_meets_date_and_number_fields(login, owner, org):
    """The generated test sees the forms it checks (a system's form has both kinds)."""
    from django.urls import reverse

    response = login(owner).get(
        reverse("inventory:system_create", kwargs={"org": org.slug}), HTTP_ACCEPT_LANGUAGE="de"
    )
    fields = [field for form in _forms_in(response.context) for field in form.fields.values()]
    assert any(isinstance(field, forms.DateField) for field in fields)
    assert any(isinstance(field, forms.DecimalField) for field in fields)


def _url(name: str, org, **kwargs) -> str:
    from django.urls import reverse

    return reverse(name, kwargs={"org": org.slug, **kwargs})


@pytest.mark.parametrize(
    ("language", "end_of_support", "annual_cost"),
    [
        ("de", "31.12.2027", "8.500,50"),
        ("de", "2027-12-31", "8500,50"),  # ISO is read in German too
        ("de", "31122027", "8.500,50"),  # a phone's digit-only keypad has no full stop
        ("en", "2027-12-31", "8,500.50"),
        ("en", "31/12/2027", "8500.50"),
    ],
)
def test_system_form_saves_dates_and_amounts_as_typed_in_the_language(
    login, editor, org, language, end_of_support, annual_cost
):
    from leitstand.inventory.models import System

    client = login(editor)
    data = {
        "name": "Clockodo",
        "kind": "application",
        "lifecycle": "active",
        "annual_cost": annual_cost,
        "introduced_on": "01.03.2020" if language == "de" else "2020-03-01",
        "end_of_support": end_of_support,
    }
    response = client.post(
        _url("inventory:system_create", org), data, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 302, response.context["form"].errors
    system = System.objects.get(organisation=org, name="Clockodo")
    assert system.end_of_support == date(2027, 12, 31)
    assert system.introduced_on == date(2020, 3, 1)
    assert system.annual_cost == Decimal("8500.50")

    html = client.get(
        _url("inventory:system_edit", org, pk=system.pk), HTTP_ACCEPT_LANGUAGE=language
    )
    shown = {
        "de": ('value="31.12.2027"', 'value="8.500,50"'),
        "en": ('value="2027-12-31"', 'value="8,500.50"'),
    }
    for value in shown[language]:
        assert value in html.content.decode()


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("de", "31.02.2026", "Den 31.02.2026 gibt es im Kalender nicht."),
        ("de", "morgen", "Geben Sie das Datum als TT.MM.JJJJ ein, zum Beispiel"),
        ("en", "2026-02-31", "There is no day 2026-02-31 in the calendar."),
        ("en", "soon", "Enter the date as YYYY-MM-DD, for example"),
    ],
)
def test_an_impossible_date_is_explained_in_the_language(
    login, editor, org, language, typed, message
):
    from leitstand.inventory.models import System

    data = {
        "name": "Clockodo",
        "kind": "application",
        "lifecycle": "active",
        "end_of_support": typed,
    }
    response = login(editor).post(
        _url("inventory:system_create", org), data, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["end_of_support"])
    assert f'value="{typed}"' in response.content.decode()  # what was typed stays to correct
    assert not System.objects.exists()


@pytest.mark.parametrize(
    ("language", "due_on"), [("de", "07.12.2026"), ("de", "2026-12-07"), ("en", "2026-12-07")]
)
def test_milestone_saves_a_date_typed_in_the_language(login, editor, org, language, due_on):
    from leitstand.roadmap.models import Milestone
    from leitstand.roadmap.tests.factories import InitiativeFactory

    initiative = InitiativeFactory(organisation=org)
    response = login(editor).post(
        _url("roadmap:milestone_create", org, pk=initiative.pk),
        {"name": "Pilot done", "due_on": due_on},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 302
    assert Milestone.objects.get(initiative=initiative).due_on == DAY


@pytest.mark.parametrize(
    ("language", "measured_on", "value"),
    [
        ("de", "01.06.2026", "1.234,5"),
        ("de", "2026-06-01", "1234,5"),
        ("en", "2026-06-01", "1,234.5"),
    ],
)
def test_kpi_measurement_saves_date_and_value_typed_in_the_language(
    login, editor, org, language, measured_on, value
):
    from leitstand.kpis.models import Measurement
    from leitstand.kpis.tests.factories import KpiFactory

    kpi = KpiFactory(organisation=org, unit="minutes_per_run")
    client = login(editor)
    response = client.post(
        _url("kpis:measurement_add", org, pk=kpi.pk),
        {"measured_on": measured_on, "value": value, "source": "pilot"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 302, response.context["form"].errors
    measurement = Measurement.objects.get(kpi=kpi)
    assert (measurement.measured_on, measurement.value) == (date(2026, 6, 1), Decimal("1234.5"))
    html = client.get(
        _url("kpis:measurement_edit", org, pk=measurement.pk), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert 'value="01.06.2026"' in html and 'value="1.234,5' in html


def test_company_check_and_standard_phases_read_german_dates(login, editor, org):
    from leitstand.roadmap.models import Phase
    from leitstand.roadmap.tests.factories import InitiativeFactory
    from leitstand.security_check.models import SecurityCheck

    client = login(editor)
    client.post(
        _url("security_check:new", org),
        {"checked_on": "05.11.2026", "interviewer": "Frau Weber"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert SecurityCheck.objects.get(organisation=org).checked_on == date(2026, 11, 5)

    initiative = InitiativeFactory(organisation=org)
    client.post(
        _url("roadmap:standard_phases", org, pk=initiative.pk),
        {"start_on": "01.02.2027"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    first = Phase.objects.filter(initiative=initiative).order_by("start_on").first()
    assert first.start_on == date(2027, 2, 1)


def test_the_api_keeps_iso_dates(org, editor):
    """The API reads and writes ISO dates whatever language the client asks for."""
    from rest_framework.test import APIClient

    from leitstand.api.tokens import create_token

    client = APIClient(HTTP_ACCEPT_LANGUAGE="de")
    _token, secret = create_token(organisation=org, user=editor, name="test")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    systems = _url("api:system-list", org)
    created = client.post(systems, {"name": "CRM", "end_of_support": "2027-12-31"}, format="json")
    assert created.status_code == 201 and created.json()["end_of_support"] == "2027-12-31"
    german = client.post(systems, {"name": "ERP", "end_of_support": "31.12.2027"}, format="json")
    assert german.status_code == 400 and "end_of_support" in german.json()
