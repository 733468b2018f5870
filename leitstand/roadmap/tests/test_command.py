"""`leitstand roadmap --org SLUG [--json]` on the demo: the keys issue 16 names, the chosen
option and its business case, and the plain-text summary."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db

BUSINESS_CASE_KEYS = {
    "investment_eur",
    "cash_eur_per_year",
    "capacity_hours_per_year",
    "capacity_eur_per_year",
    "payback_months",
    "payback_months_if_30_percent_less",
}
ORDER_INTAKE = "Auftragsannahme automatisieren"


@pytest.fixture
def demo(monkeypatch, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("LEITSTAND_DEMO_PASSWORD", "secret-demo")
    call_command("load_demo", verbosity=0)


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("roadmap", "--org", "muster-logistik", *args, stdout=out)
    return out.getvalue()


def test_roadmap_command_prints_the_plan_as_json_and_as_text(demo):
    """One demo load for both outputs (loading takes about 10 s)."""
    the_json_names_every_key_issue_16_asks_for()
    the_text_names_each_initiative_and_marks_the_chosen_option()


def the_json_names_every_key_issue_16_asks_for():
    document = json.loads(_run("--json"))
    assert document["organisation"]["slug"] == "muster-logistik"
    initiatives = {item["name"]: item for item in document["initiatives"]}
    assert len(initiatives) == 7
    for initiative in initiatives.values():
        assert {"name", "status", "phases", "milestones", "options", "chosen_option"} <= set(
            initiative
        )
        for option in initiative["options"]:
            assert set(option["business_case"]) >= BUSINESS_CASE_KEYS

    order_intake = initiatives[ORDER_INTAKE]
    assert order_intake["status"] == "approved"
    assert order_intake["chosen_option"] == "Workflow-Tool mit Belegleser"
    assert [o["name"] for o in order_intake["options"] if o["chosen"]] == [
        "Workflow-Tool mit Belegleser"
    ]
    assert len(order_intake["options"]) == 3
    assert {phase["kind"] for phase in order_intake["phases"]} >= {"pilot", "rollout"}
    assert "Alle Standorte umgestellt" in [m["name"] for m in order_intake["milestones"]]
    case = next(o for o in order_intake["options"] if o["chosen"])["business_case"]
    assert case["investment_eur"] > 0
    assert case["capacity_hours_per_year"] > 0
    # The sensitivity line: 30 % less saving pays back later, never sooner.
    assert case["payback_months_if_30_percent_less"] > case["payback_months"] > 0


def the_text_names_each_initiative_and_marks_the_chosen_option():
    text = _run()
    assert text.startswith("Muster Logistik GmbH: 7 initiatives")
    assert f"- {ORDER_INTAKE} [approved]" in text
    assert "  * Workflow-Tool mit Belegleser: investment " in text
    assert "payback" in text
    german = _run("--language", "de")
    assert "Muster Logistik GmbH: 7 Maßnahmen" in german


def test_roadmap_command_refuses_an_unknown_organisation(db):
    with pytest.raises(CommandError, match="no-such-org"):
        call_command("roadmap", "--org", "no-such-org", stdout=io.StringIO())
