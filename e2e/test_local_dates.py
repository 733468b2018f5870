"""Dates and amounts in forms follow the page's language, not the browser's: a German page in
an English browser shows and takes 31.12.2027 and 8.500,50, explains a day the calendar does
not have, and keeps what was typed."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from e2e.conftest import SCREENSHOTS
from leitstand.inventory.models import System

pytestmark = pytest.mark.django_db(transaction=True)


def _german(page, live_server) -> None:
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "de", "url": live_server.url}]
    )


def test_german_date_and_amount_typed_into_an_english_browser_are_saved(
    live_server, page, browser, sign_in, org, owner, shot
):
    sign_in(page, owner)
    _german(page, live_server)
    page.goto(f"{live_server.url}/o/acme/systems/new/")
    end = page.locator('[name="end_of_support"]')
    expect(end).to_have_attribute("type", "text")
    expect(end).to_have_attribute("placeholder", "TT.MM.JJJJ")
    expect(end).to_have_attribute("inputmode", "numeric")

    page.locator('[name="name"]').fill("Warenwirtschaft")
    page.locator('[name="annual_cost"]').fill("8.500,50")
    end.fill("31.02.2027")
    end.blur()  # the field is checked as it is left
    error = page.locator("#wrap-end_of_support")
    expect(error).to_contain_text("Den 31.02.2027 gibt es im Kalender nicht.")
    expect(error).to_contain_text("TT.MM.JJJJ")
    error.screenshot(path=SCREENSHOTS / "local-dates-impossible-day-de.png")
    page.locator('[name="end_of_support"]').fill("31.12.2027")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator("h1")).to_have_text("Warenwirtschaft")
    expect(page.locator("main")).to_contain_text("31.12.2027")

    system = System.objects.get(organisation=org, name="Warenwirtschaft")
    assert str(system.end_of_support) == "2027-12-31"
    assert str(system.annual_cost) == "8500.50"

    edit = f"{live_server.url}/o/acme/systems/{system.pk}/edit/"
    page.goto(edit)
    expect(page.locator('[name="end_of_support"]')).to_have_value("31.12.2027")
    expect(page.locator('[name="annual_cost"]')).to_have_value("8.500,50")
    page.locator('[name="end_of_support"]').scroll_into_view_if_needed()
    shot(page, "local-dates-system-form-de-1366")

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    phone.add_cookies(page.context.cookies())
    small = phone.new_page()
    small.goto(edit)
    small.locator('[name="end_of_support"]').fill("")
    small.locator('[name="end_of_support"]').fill("01102028")  # a digit-only keypad
    small.get_by_role("button", name="Speichern").click()
    expect(small.locator("main")).to_contain_text("01.10.2028")
    small.goto(edit)
    small.locator('[name="end_of_support"]').scroll_into_view_if_needed()
    expect(small.locator('[name="end_of_support"]')).to_have_value("01.10.2028")
    shot(small, "local-dates-system-form-de-390")
    phone.close()
