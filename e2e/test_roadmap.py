"""From a proposal of the analysis to a chosen option on the roadmap, in a real browser: accept
the proposal, add two options, let the team answer each option's acceptance survey through
the account-free link, choose one, and find it on the roadmap (screen at 1366 px and A4 PDF)."""

import re

from playwright.sync_api import expect

from e2e.conftest import SCREENSHOTS
from leitstand.accounts.models import User

ORG = "/o/muster-logistik"


def _add_option(page, name: str, implementation: str, hours: str) -> None:
    page.locator("#add-option").click()
    page.get_by_label("Name").fill(name)
    page.get_by_label("implementation by outsiders (EUR, once)").fill(implementation)
    page.get_by_label("hours freed per year").fill(hours)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#business-cases thead")).to_contain_text(name)


def _answer(browser, link: str, scores: tuple[int, ...]) -> None:
    context = browser.new_context(locale="en-GB")
    anonymous = context.new_page()
    anonymous.goto(link)
    expect(anonymous.locator("body")).not_to_contain_text("Muster Logistik")
    expect(anonymous.locator("body")).to_contain_text("This solution makes my daily work easier.")
    for index, score in enumerate(scores):
        anonymous.locator("fieldset").nth(index).get_by_text(str(score), exact=True).click()
    anonymous.get_by_role("button", name=re.compile("Send")).click()
    expect(anonymous.locator("h1")).to_have_text(re.compile("Thank you"))
    context.close()


def test_team_trials_two_options_and_the_chosen_one_lands_on_the_roadmap(
    live_server, page, browser, demo, sign_in, shot
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/roadmap/proposals/")
    # The RTO group's members name the process too: pick the automation candidate by its label.
    page.get_by_role("checkbox", name="Automate: Servicebericht Außendienst").check()
    page.locator("#accept-button").click()
    expect(page.locator("h1")).to_have_text("Automate: Servicebericht Außendienst")

    _add_option(page, "Tablet app from the ERP vendor", "14000", "900")
    _add_option(page, "Form app on company phones", "6000", "700")

    links = {}
    for name in ("Tablet app from the ERP vendor", "Form app on company phones"):
        page.locator(f"button[data-option='{name}']").click()
        links[name] = page.locator("#survey-link").input_value()
        assert "/s/" in links[name] and "muster" not in links[name]
        page.go_back()
        page.reload()
    for scores in ((4, 4, 3, 4), (5, 4, 4, 4), (3, 4, 4, 3)):
        _answer(browser, links["Tablet app from the ERP vendor"], scores)
    for scores in ((5, 5, 4, 5), (4, 5, 5, 5), (5, 4, 4, 5)):
        _answer(browser, links["Form app on company phones"], scores)

    page.reload()
    comparison = page.locator("#acceptance-comparison")
    expect(comparison).to_contain_text("3.83")
    expect(comparison).to_contain_text("4.67")
    page.locator("#choose-option").select_option(label="Form app on company phones")
    page.locator("#id_reason").fill("The field technicians rated it best and it is cheapest.")
    page.locator("#choose-button").click()
    expect(page.locator("#choice")).to_contain_text("Chosen: Form app on company phones")
    expect(page.locator("#business-cases thead")).to_contain_text("chosen")
    page.locator("#standard-start_on").fill("2027-02-01")
    page.get_by_role("button", name="Add the standard phases").click()
    expect(page.locator("#phases tbody tr")).to_have_count(5)
    shot(page, "roadmap-initiative")

    page.goto(f"{live_server.url}{ORG}/roadmap/")
    row = page.locator("#roadmap-table tr", has_text="Automate: Servicebericht Außendienst")
    expect(row).to_contain_text("Form app on company phones")
    expect(page.locator("#roadmap-timeline")).to_contain_text("Automate: Servicebericht")
    shot(page, "roadmap-1366")
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.pdf(
        path=str(SCREENSHOTS / "roadmap-a4-landscape.pdf"),
        format="A4",
        landscape=True,
        print_background=True,
    )
