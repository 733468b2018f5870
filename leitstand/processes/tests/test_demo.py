"""Golden test: the demo's processes tell DOMAIN.md's story, computed from the data."""

from decimal import Decimal

import pytest

from leitstand.analysis import analyze
from leitstand.analysis.findings import Kind
from leitstand.findings.serialize import analysis_as_json
from leitstand.kpis.models import Kpi
from leitstand.kpis.selectors import kpi_view, with_measurements
from leitstand.landscape.snapshot import landscape_snapshot
from leitstand.surveys.models import Survey
from leitstand.surveys.selectors import survey_results

pytestmark = pytest.mark.django_db

ORDER_INTAKE = "Auftragsannahme per E-Mail"
WORKFLOW = "Workflow-Tool liest Bestell-E-Mails ins ERP ein"


@pytest.fixture
def organisation(shared_demo):
    return shared_demo


@pytest.fixture
def demo(organisation):
    return analyze(landscape_snapshot(organisation))


def _process(analysis, name):
    return next(p for p in analysis.snapshot.processes if p.name == name)


def test_order_intake_costs_what_the_integration_says(demo):
    figures = demo.processes.figures[_process(demo, ORDER_INTAKE).id]
    assert figures.runs_per_year == 8800  # 40 a working day x 220
    assert figures.minutes_per_run == 17  # within 15 to 20 minutes
    assert round(figures.manual_hours, 1) == Decimal("2493.3")
    assert round(figures.eur) == 115170  # (2,493.3 h + 66 h fixing errors) x 45 EUR
    assert round(figures.fte, 2) == Decimal("1.56")


def test_order_intake_is_counted_once(demo):
    figures = demo.processes.figures[_process(demo, ORDER_INTAKE).id]
    assert figures.hours_in_integrations == figures.total_hours  # typing and confirming
    # The manual-transfer totals are the integration map's, unchanged by the processes.
    assert round(float(demo.totals.manual_hours), 1) == 5412.8
    totals = demo.processes.totals
    assert round(totals.hours_in_integrations, 1) == Decimal("3247.9")
    assert round(totals.additional_hours, 1) == Decimal("1210.0")


def test_the_workflow_scenario_frees_a_person_and_pays_back_within_a_year(demo):
    best = demo.processes.candidates[0]
    assert (best.process.name, best.scenario.name) == (ORDER_INTAKE, WORKFLOW)
    figures = best.figures
    assert figures.process_minutes_after < 1 and figures.manual_steps_after == 0
    assert figures.fte_freed >= 1
    assert round(figures.saving_eur) == 105222
    assert figures.payback_months < 12
    assert round(figures.payback_months, 1) == Decimal("2.7")


def test_the_paper_service_report_costs_90_minutes_per_technician_and_day(demo):
    process = _process(demo, "Servicebericht Außendienst")
    figures = demo.processes.figures[process.id]
    assert figures.minutes_per_run * 2 == 90  # two jobs a day per technician
    assert figures.manual_hours == 1320


def test_the_step_nobody_needs_comes_before_automating_its_process(demo):
    kinds = [(f.kind, f.subjects[0].name) for f in demo.findings]
    remove = kinds.index((Kind.UNNEEDED_STEP, "Rechnungsversand"))
    automate = kinds.index((Kind.AUTOMATION_CANDIDATE, "Rechnungsversand"))
    assert remove < automate
    assert demo.findings[remove].hours_per_year == 220  # 30 a day x 220 x 2 min / 60


def test_the_json_lists_processes_and_ranked_candidates(demo):
    data = analysis_as_json(demo)
    intake = next(p for p in data["processes"] if p["name"] == ORDER_INTAKE)
    assert intake == {
        **intake,
        "runs_per_year": 8800.0,
        "manual_hours_per_year": 2493.3,
        "eur_per_year": 115170.0,
        "fte": 1.56,
    }
    first = data["automation_candidates"][0]
    assert first["process"] == ORDER_INTAKE and first["scenario"] == WORKFLOW
    assert first["payback_months"] == 2.7 and first["hours_freed_per_year"] == 2444.9
    paybacks = [c["payback_months"] for c in data["automation_candidates"]]
    assert paybacks == sorted(paybacks)
    assert data["manual_hours_per_year"] == 5412.8


def test_the_pilot_shows_on_the_kpis(organisation):
    kpis = {k.name: kpi_view(k) for k in with_measurements(Kpi.objects.for_org(organisation))}
    minutes = kpis["Bearbeitungszeit pro Auftrag"]
    assert minutes.kpi.baseline_value == 15 and minutes.latest.value == Decimal("0.75")
    assert minutes.worth.hours == 2090  # (15 - 0.75) min x 8,800 / 60
    assert minutes.worth.eur == 94050
    errors = kpis["Fehlerquote Auftragserfassung"]
    assert errors.improvement.target_reached
    satisfaction = kpis["Zufriedenheit im Kundenservice"]
    assert satisfaction.kpi.baseline_value < 3 < satisfaction.latest.value
    assert satisfaction.chart is not None


def test_before_and_after_surveys_are_closed_with_enough_answers(organisation):
    for survey in Survey.objects.for_org(organisation):
        assert not survey.is_open
        assert survey_results(survey).shown
