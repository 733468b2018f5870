"""Assessing a system through the guided questions in a real browser, on the demo company."""

import re

from playwright.sync_api import expect

from leitstand.accounts.models import User

ORG = "/o/muster-logistik"

BUBBLE_POSITION = """(name) => {
  const chart = document.getElementById("portfolio-chart").chart;
  for (const [d, dataset] of chart.data.datasets.entries()) {
    const i = dataset.data.findIndex((p) => p.point.name === name);
    if (i >= 0) {
      const element = chart.getDatasetMeta(d).data[i];
      return {x: element.x, y: element.y};
    }
  }
  return null;
}"""


def _answer(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer).check()


def test_guided_questions_change_the_recommendation(live_server, page, demo, sign_in, shot):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/systems/")
    page.get_by_role("link", name="Website (WordPress)").click()
    panel = page.locator("#recommendation-panel")
    expect(panel).to_contain_text("Not assessed yet.")
    expect(panel).to_contain_text("assess first")
    shot(page, "assessment-system-unassessed")

    page.get_by_role("link", name="Assess this system").click()
    expect(page.locator("h1")).to_have_text("Assess Website (WordPress)")
    preview = page.locator("#preview")
    _answer(
        page,
        "If this system is gone for a whole working day, what happens?",
        "Customers notice it, or we lose revenue.",
    )
    _answer(
        page,
        "Does the vendor still ship updates for the version you use?",
        "Yes, and we install them promptly.",
    )
    _answer(page, "How often does it fail or cause trouble?", "A few times a year.")
    _answer(
        page,
        "Can other systems read its data automatically?",
        "Yes, through a documented interface (API).",
    )
    expect(preview.locator("#score-criticality .score")).to_have_text("3")
    expect(preview.locator("#score-health .score")).to_have_text("3")
    expect(preview.locator("#preview-recommendation")).to_contain_text("retain")
    shot(page, "assessment-form-retain")

    _answer(
        page,
        "Does the vendor still ship updates for the version you use?",
        "No, support has ended.",
    )
    expect(preview.locator("#score-health .score")).to_have_text("1")
    expect(preview.locator("#score-health")).to_contain_text("One answer limits it to 1.")
    expect(preview.locator("#preview-recommendation")).to_contain_text("replace")
    expect(preview.locator("#preview-recommendation")).to_contain_text(
        "Needed for daily work, but in poor shape"
    )
    shot(page, "assessment-form-replace")

    page.get_by_label("Reasons and remarks").fill("WordPress 5, keine Updates mehr eingespielt.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/systems/\d+/$"))
    expect(panel).to_contain_text("replace")
    expect(panel).to_contain_text("3 · business critical")
    expect(page.locator(".alert-success")).to_contain_text("Assessment of “Website (WordPress)”")
    shot(page, "assessment-system-assessed")

    page.get_by_role("link", name="Override the recommendation").click()
    page.get_by_label("retain").check()
    page.get_by_role("button", name="Save the override").click()
    expect(page.locator("#wrap-reason")).to_contain_text("Give a reason for the override.")
    page.get_by_label("Reason").fill("Relaunch mit neuer Agentur ist schon beauftragt.")
    shot(page, "assessment-override-form")
    page.get_by_role("button", name="Save the override").click()
    expect(panel).to_contain_text("chosen by a person")
    expect(panel).to_contain_text("The rules say:")
    shot(page, "assessment-system-overridden")

    page.get_by_role("link", name="Earlier assessments").click()
    expect(page.locator("#assessment-history")).to_contain_text("first assessment")
    shot(page, "assessment-history")


def test_portfolio_matrix_opens_a_system_and_the_rules_explain_it(
    live_server, page, demo, sign_in, shot
):
    sign_in(page, User.objects.get(email="demo@example.com"))
    page.goto(f"{live_server.url}{ORG}/")
    expect(page.locator("#attention-section .attention-item").first).to_contain_text("ProLog ERP 9")
    expect(page.locator("#unassessed-count")).to_contain_text("2 systems are not assessed yet")
    shot(page, "assessment-cockpit")

    page.goto(f"{live_server.url}{ORG}/portfolio/")
    canvas = page.locator("#portfolio-chart")
    expect(canvas).to_have_attribute("data-ready", "true")
    expect(page.locator("#portfolio-table")).to_contain_text("Rechnungsdruck (Access-Datenbank)")
    shot(page, "portfolio")
    position = page.evaluate(BUBBLE_POSITION, "LagerMeister LVS 4")
    canvas.click(position=position)
    expect(page.locator("h1")).to_have_text("LagerMeister LVS 4")
    expect(page.locator("#recommendation-panel")).to_contain_text("re-platform")

    page.locator("#recommendation-panel summary").click()
    page.locator("#recommendation-panel").get_by_role(
        "link", name=re.compile(r"Rule \d+ of the rule table")
    ).click()
    expect(page).to_have_url(re.compile(r"#rule-replatform\.ageing_hosting$"))
    expect(page.locator("#rule-replatform\\.ageing_hosting")).to_contain_text("re-platform")
    shot(page, "assessment-rules")

    page.goto(f"{live_server.url}{ORG}/portfolio/")
    page.locator("#language-switcher").click()
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("h1")).to_have_text("Portfolio: was mit jedem System zu tun ist")
    expect(page.locator("#portfolio-chart")).to_have_attribute("data-ready", "true")
    shot(page, "portfolio-de")
