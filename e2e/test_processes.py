"""Processes, scenarios, KPIs and the anonymous survey in a real browser, on the demo company."""

import re

from playwright.sync_api import expect

from leitstand.accounts.models import User

ORG = "/o/muster-logistik"


def _add_step(page, name: str, minutes: str, system: str = "", error: str = "0") -> None:
    form = page.locator("#add-step")
    rows = (
        page.locator("#step-table tbody tr").count() if page.locator("#step-table").count() else 0
    )
    form.get_by_label("What happens").fill(name)
    if system:
        form.get_by_label("System used").select_option(label=system)
    form.get_by_label("Minutes per run").fill(minutes)
    form.get_by_label("Error rate (%)").fill(error)
    form.get_by_label("Minutes to fix one error").fill("10")
    form.get_by_label("What happens").press("Enter")  # keyboard: submit from the first field
    expect(page.locator("#step-table tbody tr")).to_have_count(rows + 1)
    expect(page.locator("#add-step").get_by_label("What happens")).to_be_focused()


def test_editor_builds_a_process_with_three_steps_and_sees_the_payback(
    live_server, page, demo, sign_in, shot
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/processes/")
    expect(page.locator("#process-table")).to_contain_text("Auftragsannahme per E-Mail")
    shot(page, "process-list")

    page.get_by_role("link", name="New process").first.click()
    page.get_by_label("Name").fill("Lieferschein prüfen")
    page.get_by_label("Frequency").select_option(label="per working day")
    page.get_by_label("How many times").fill("25")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text("Lieferschein prüfen")

    _add_step(page, "Lieferschein scannen", "2", "DocuWare")
    _add_step(page, "Mit Bestellung vergleichen", "6", "ProLog ERP 9", error="4")
    _add_step(page, "Ablage im Ordner", "3")
    _add_step(page, "Abweichung melden", "4", "Microsoft 365 Business Standard")
    shot(page, "process-steps-added")

    page.locator("#add-step").get_by_label("Minutes per run").fill("-5")
    page.locator("#add-step").get_by_label("What happens").fill("Falsch")
    page.locator("#add-step-button").click()
    expect(page.locator("#add-step")).to_contain_text("greater than or equal to 0")
    expect(page.locator("#add-step").get_by_label("Minutes per run")).to_be_focused()

    last = page.locator("#step-table tbody tr").last
    page.once("dialog", lambda dialog: dialog.accept())
    last.get_by_role("link", name=re.compile("Remove")).click()
    expect(page.locator("#step-table tbody tr")).to_have_count(3)

    page.get_by_role("button", name="Move “Ablage im Ordner” up").click()
    expect(page.locator("#step-table tbody tr").nth(1)).to_contain_text("Ablage im Ordner")
    expect(page.get_by_role("button", name="Move “Ablage im Ordner” up")).to_be_focused()

    page.get_by_role("link", name="Edit “Ablage im Ordner”").click()
    row = page.locator("#step-table tr.table-active")
    row.get_by_label("Needed?").select_option(label="no, nobody needs it")
    row.get_by_role("button", name="Save step").click()
    expect(page.locator("#process-findings")).to_contain_text("Step nobody needs")
    expect(page.locator("#figure-runs")).to_contain_text("5,500")  # 25 x 220
    expect(page.locator("#figure-hours")).to_contain_text("1,008 h")  # 5,500 x 11 min / 60
    expect(page.locator("#process-diagram .step-box.not-needed")).to_have_count(1)

    page.get_by_role("link", name="New scenario").click()
    page.get_by_label(re.compile("Mit Bestellung vergleichen")).check()
    page.get_by_label("Name").fill("Lieferscheine automatisch abgleichen")
    page.get_by_label("Minutes per run afterwards").fill("0.5")
    page.get_by_label("One-off investment (EUR)").fill("8000")
    page.get_by_label("Running cost per year (EUR)").fill("1200")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#scenario-table .scenario-saving")).to_have_text("€23,138")
    expect(page.locator("#scenario-table .scenario-payback")).to_have_text("4.1 months")
    expect(page.locator("#scenarios-section")).to_contain_text("Payback: €8,000 ÷ €23,138")
    page.locator("#scenarios-section").scroll_into_view_if_needed()
    shot(page, "process-built")
    assert errors == []


def test_order_intake_shows_diagram_scenarios_and_kpis(live_server, page, demo, sign_in, shot):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/processes/")
    page.get_by_role("link", name="Auftragsannahme per E-Mail").click()
    expect(page.locator("#counted-once")).to_contain_text("Microsoft 365 Business Standard")
    expect(page.locator("#scenario-table .scenario-payback").first).to_have_text("2.7 months")
    expect(page.locator("#kpis-panel .kpi-worth").first).to_contain_text("2,090 h")
    expect(page.locator("#kpis-panel svg.pygal-chart")).to_have_count(4)
    shot(page, "process-order-intake")
    page.get_by_role("link", name="Lanes by system").click()
    expect(page.locator(".lane-label").first).to_contain_text("Microsoft 365")
    shot(page, "process-order-intake-by-system")

    page.goto(f"{live_server.url}{ORG}/")
    expect(page.locator("#top-candidates li").first).to_contain_text("Auftragsannahme")
    page.locator("#automation-section").scroll_into_view_if_needed()
    shot(page, "cockpit-automation")
    page.goto(f"{live_server.url}{ORG}/automation/")
    shot(page, "automation-ranking")

    page.locator("#language-switcher").click()
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("h1")).to_have_text("Kandidaten für Automatisierung")
    page.goto(f"{live_server.url}{ORG}/processes/")
    page.get_by_role("link", name="Auftragsannahme per E-Mail").click()
    expect(page.locator("#scenario-table .scenario-payback").first).to_have_text("2,7 Monate")
    shot(page, "process-order-intake-de")


def test_employees_answer_a_survey_without_logging_in(
    live_server, page, browser, demo, sign_in, shot
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/processes/")
    page.get_by_role("link", name="Servicebericht Außendienst").click()
    page.get_by_role("link", name="New survey").click()
    page.get_by_role("button", name="Save").click()
    link = page.locator("#survey-link").input_value()
    assert "/s/" in link and "muster" not in link

    for person, scores in enumerate(((2, 3, 2, 3), (4, 4, 3, 4), (3, 3, 3, 3))):
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
        anonymous = context.new_page()
        anonymous.goto(link)
        expect(anonymous.locator("h1")).to_contain_text("Servicebericht")
        expect(anonymous.locator("body")).not_to_contain_text("Muster Logistik")
        for index, score in enumerate(scores):
            anonymous.locator("fieldset").nth(index).get_by_text(str(score), exact=True).click()
        anonymous.get_by_label(re.compile("erleichtern")).fill(f"<b>Idee {person}</b>")
        if person == 0:
            shot(anonymous, "survey-anonymous-mobile")
        anonymous.get_by_role("button", name="Antworten absenden").click()
        expect(anonymous.locator("h1")).to_have_text("Vielen Dank")
        anonymous.goto(link)
        expect(anonymous.locator("body")).to_contain_text("schon beantwortet")
        context.close()

    page.reload()
    expect(page.locator("#survey-average")).to_contain_text("3.08 of 5")
    expect(page.locator(".free-texts")).to_contain_text("<b>Idee 0</b>")
    shot(page, "survey-results")
    page.get_by_role("button", name="Close the survey").click()
    stranger = browser.new_context().new_page()
    stranger.goto(link)
    expect(stranger.locator("h1")).to_have_text("This survey is not available")
    stranger.context.close()
