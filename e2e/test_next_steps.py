"""The cockpit's "Next steps" follow the company's state in a real browser: an empty
organisation sees the guided start (import, template, by hand); its first system brings
"assign an owner"; each part the company records (owner, flows, process, company check) makes
room for the next one, down to the roadmap's milestones that are due."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leitstand.flows.tests.factories import IntegrationFactory
from leitstand.inventory.tests.factories import PersonFactory
from leitstand.processes.tests.factories import ProcessFactory
from leitstand.roadmap.tests.factories import MilestoneFactory
from leitstand.security_check.tests.factories import SecurityCheckFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _steps(page) -> list[str]:
    items = page.locator("#next-steps li[data-step]")
    return [items.nth(n).get_attribute("data-step") for n in range(items.count())]


def test_next_steps_follow_what_the_company_has_recorded(
    live_server, page, sign_in, org, owner, shot
):
    sign_in(page, owner)
    cockpit = f"{live_server.url}/o/acme/"
    page.goto(cockpit)

    start = page.locator("#guided-start")
    expect(start).to_be_visible()
    expect(page.locator("#next-steps")).to_have_count(0)
    for way in ("Import a list", "New organisation from a template", "Add the first system"):
        expect(start.get_by_role("link", name=way)).to_be_visible()
    shot(page, "next-steps-1-empty")

    start.get_by_role("link", name="Add the first system").click()
    page.get_by_label("Name").fill("Warenwirtschaft")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text("Warenwirtschaft")

    page.goto(cockpit)
    expect(page.locator("#guided-start")).to_have_count(0)
    expect(page.locator("#next-steps li")).to_have_count(3)
    assert _steps(page) == ["owners", "flows", "processes"]
    expect(page.locator('#next-steps [data-step="owners"]')).to_contain_text(
        "1 system has nobody who answers for it"
    )
    shot(page, "next-steps-2-system-without-owner")

    # The step's link leads to the systems without an owner; give the system one.
    person = PersonFactory(organisation=org, name="Anna Berg")
    page.locator('#next-steps [data-step="owners"] a').click()
    expect(page).to_have_url(re.compile(r"no_owner=true"))
    page.locator("#system-table").get_by_role("link", name="Warenwirtschaft").click()
    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Owner", exact=True).select_option(label=person.name)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Anna Berg")

    page.goto(cockpit)
    assert _steps(page) == ["flows", "processes", "check"]
    expect(page.locator('#next-steps [data-step="check"] a')).to_have_text(
        "Start the company check"
    )

    IntegrationFactory(organisation=org, source__owner=person, target__owner=person)
    ProcessFactory(organisation=org)
    page.goto(cockpit)
    assert _steps(page)[0] == "check"
    assert "flows" not in _steps(page) and "processes" not in _steps(page)

    SecurityCheckFactory(organisation=org)
    MilestoneFactory(
        organisation=org, name="Go-live", due_on=timezone.localdate(), initiative__name="ERP"
    )
    page.goto(cockpit)
    shown = _steps(page)
    assert "check" not in shown and shown[-1] == "milestone", shown
    expect(page.locator('#next-steps [data-step="milestone"]')).to_contain_text(
        "Milestone “Go-live” of “ERP” is due"
    )
    shot(page, "next-steps-3-milestone-due")

    # A second milestone due: listed too while there is room, soonest first.
    MilestoneFactory(
        organisation=org,
        name="Schulung",
        due_on=timezone.localdate() + timedelta(days=5),
        initiative__name="CRM",
    )
    page.goto(cockpit)
    after = _steps(page)
    assert after == [*shown, "milestone"][:3], after
    expect(page.locator("#next-steps li").last).to_contain_text(
        "Schulung" if len(shown) < 3 else "Go-live"
    )
    shot(page, "next-steps-4-milestones-due")
