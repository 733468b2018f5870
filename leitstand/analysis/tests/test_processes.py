"""Processes, automation scenarios and their findings, as pure functions (no database)."""

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from leitstand.analysis import analyze, formulas
from leitstand.analysis.findings import Kind
from leitstand.analysis.processes.costs import (
    Candidate,
    process_figures,
    ranked_candidates,
    scenario_figures,
)
from leitstand.analysis.processes.model import AutomationScenario, Process, ProcessStep
from leitstand.analysis.snapshot import OrganisationSettings, Snapshot
from leitstand.analysis.tests.builders import SETTINGS, flow, landscape, systems
from leitstand.analysis.vocabulary import SEVERITY_RANK

D = Decimal
TINY = D("1E-12")  # sums of the same hours in another order differ in the last digits
minutes = st.decimals(min_value=0, max_value=240, places=2)
runs = st.decimals(min_value=0, max_value=500, places=2)
percent = st.decimals(min_value=0, max_value=100, places=2)
money = st.decimals(min_value=0, max_value=200_000, places=2)


def step(step_id: int, minutes: str = "10", **fields) -> ProcessStep:
    return ProcessStep(
        id=step_id,
        name=f"Step {step_id}",
        position=step_id,
        **{"minutes_per_run": D(minutes), **fields},
    )


def order_intake(**scenario_fields) -> Process:
    """The demo's order intake: 40 a day, 17 minutes, 3 % errors of 15 minutes each."""
    steps = (
        step(1, "0", automated=True),
        step(2, "15", error_rate_percent=D(3), minutes_to_fix_error=D(15), integration_id=1),
        step(3, "2", integration_id=1),
    )
    scenario = AutomationScenario(
        id=1,
        name="Workflow tool",
        step_ids=(2, 3),
        minutes_after=D("0.75"),
        error_rate_after_percent=D("0.2"),
        investment=D(24000),
        running_cost_per_year=D(4800),
        **scenario_fields,
    )
    return Process(1, "Order intake", "day", D(40), steps=steps, scenarios=(scenario,))


def test_order_intake_figures_follow_the_formulas():
    process = order_intake()
    figures = process_figures(process, SETTINGS)
    assert figures.runs_per_year == 8800
    assert figures.minutes_per_run == 17
    assert round(figures.manual_hours, 1) == D("2493.3")
    assert figures.error_hours == 66
    assert round(figures.eur) == 115170
    assert round(figures.fte, 2) == D("1.56")


def test_workflow_scenario_frees_a_person_and_pays_back_within_a_year():
    process = order_intake()
    figures = scenario_figures(
        process, process.scenarios[0], process_figures(process, SETTINGS), SETTINGS
    )
    assert figures.minutes_before == 17 and figures.process_minutes_after == D("0.75")
    assert figures.manual_steps_after == 0
    assert round(figures.labour_eur) == 107250  # 16.25 min x 8,800 / 60 x 45
    assert round(figures.error_eur_avoided) == 2772  # (66 h - 4.4 h) x 45
    assert round(figures.saving_eur) == 105222  # - 4,800 running cost
    assert round(figures.payback_months, 1) == D("2.7")
    assert figures.fte_freed >= 1


@given(investment=money, saving=st.decimals(min_value="0.01", max_value=500_000, places=2))
def test_payback_is_investment_over_saving_times_twelve(investment, saving):
    assert formulas.payback_months(investment, saving) == investment / saving * 12


@given(investment=money, saving=st.decimals(min_value=-500_000, max_value=0, places=2))
def test_no_payback_when_the_saving_is_not_positive(investment, saving):
    assert formulas.payback_months(investment, saving) is None


def _scenario_saving(before: Decimal, after: Decimal, per_day: Decimal) -> Decimal:
    process = Process(
        1,
        "P",
        "day",
        per_day,
        steps=(step(1, str(before)),),
        scenarios=(AutomationScenario(1, "S", (1,), after),),
    )
    figures = process_figures(process, SETTINGS)
    return scenario_figures(process, process.scenarios[0], figures, SETTINGS).saving_eur


@given(before=minutes, first=minutes, second=minutes, per_day=runs)
def test_saving_grows_with_the_minutes_saved(before, first, second, per_day):
    low, high = sorted((first, second))
    after_high, after_low = max(before - low, D(0)), max(before - high, D(0))
    assert _scenario_saving(before, after_low, per_day) >= _scenario_saving(
        before, after_high, per_day
    )


@given(before=minutes, after=minutes, first=runs, second=runs)
def test_saving_grows_with_the_runs_when_minutes_are_saved(before, after, first, second):
    before, after = max(before, after), min(before, after)
    low, high = sorted((first, second))
    assert _scenario_saving(before, after, high) >= _scenario_saving(before, after, low)


@given(before=minutes, after=minutes, per_day=runs, running=money, investment=money)
def test_a_scenario_never_shows_a_negative_payback(before, after, per_day, running, investment):
    process = Process(
        1,
        "P",
        "day",
        per_day,
        steps=(step(1, str(before)),),
        scenarios=(
            AutomationScenario(
                1, "S", (1,), after, investment=investment, running_cost_per_year=running
            ),
        ),
    )
    figures = scenario_figures(
        process, process.scenarios[0], process_figures(process, SETTINGS), SETTINGS
    )
    if figures.saving_eur <= 0:
        assert figures.payback_months is None
    else:
        assert figures.payback_months >= 0


def test_more_errors_afterwards_lower_the_saving_instead_of_failing():
    process = Process(
        1,
        "P",
        "day",
        D(10),
        steps=(step(1, "5", minutes_to_fix_error=D(30)),),
        scenarios=(AutomationScenario(1, "S", (1,), D(5), error_rate_after_percent=D(10)),),
    )
    figures = scenario_figures(
        process, process.scenarios[0], process_figures(process, SETTINGS), SETTINGS
    )
    assert figures.error_eur_avoided < 0
    assert figures.saving_eur == figures.error_eur_avoided
    assert figures.payback_months is None


# Counted once: a step that performs an integration is that integration's manual work.

step_rows = st.lists(st.tuples(minutes, percent, minutes, st.booleans()), min_size=1, max_size=6)


def _linked_landscape(rows, per_day: Decimal) -> Snapshot:
    """Each step that is marked linked performs its own manual integration (one per step)."""
    steps, flows = [], []
    for index, (step_minutes, error, fix, linked) in enumerate(rows, start=1):
        steps.append(
            step(
                index,
                str(step_minutes),
                error_rate_percent=error,
                minutes_to_fix_error=fix,
                integration_id=index if linked else None,
            )
        )
        if linked:
            flows.append(
                flow(
                    index,
                    1,
                    2,
                    runs=str(per_day),
                    minutes=str(step_minutes),
                    error=str(error),
                    fix=str(fix),
                )
            )
    snapshot = landscape(systems(2), flows)
    process = Process(1, "P", "day", per_day, steps=tuple(steps))
    return Snapshot(
        settings=snapshot.settings,
        systems=snapshot.systems,
        integrations=snapshot.integrations,
        processes=(process,),
    )


@given(rows=step_rows, per_day=runs)
def test_a_linked_integration_is_counted_once(rows, per_day):
    analysis = analyze(_linked_landscape(rows, per_day))
    totals, processes = analysis.totals, analysis.processes
    figures = processes.figures[1]
    unlinked = sum((f.total_hours for f in figures.steps if not f.counted_in_integration), D(0))
    counted = sum((f.total_hours for f in figures.steps if f.counted_in_integration), D(0))
    assert processes.totals.additional_hours == unlinked
    assert figures.hours_in_integrations == counted
    # The linked steps' hours are exactly the integrations' hours: adding the process's
    # additional hours to the transfer totals never counts them a second time.
    everything = totals.manual_hours + totals.error_hours + processes.totals.additional_hours
    assert abs(everything - figures.total_hours) < TINY


@given(rows=step_rows, per_day=runs, extra=minutes)
def test_a_linked_steps_own_minutes_do_not_change_the_organisations_total(rows, per_day, extra):
    snapshot = _linked_landscape(rows, per_day)
    process = snapshot.processes[0]
    longer = process._replace(
        steps=tuple(
            s._replace(minutes_per_run=s.minutes_per_run + extra) if s.integration_id else s
            for s in process.steps
        )
    )
    before = analyze(snapshot)
    after = analyze(replace(snapshot, processes=(longer,)))
    assert after.processes.totals.additional_hours == before.processes.totals.additional_hours
    assert after.totals.manual_hours == before.totals.manual_hours


def test_a_link_to_a_planned_integration_counts_in_the_process():
    snapshot = landscape(systems(2), [flow(1, 1, 2, status="planned")])
    process = Process(1, "P", "day", D(10), steps=(step(1, "6", integration_id=1),))
    analysis = analyze(replace(snapshot, processes=(process,)))
    assert analysis.processes.figures[1].hours_in_integrations == 0
    assert analysis.processes.totals.additional_hours == 220  # 10 x 220 x 6 / 60


def _findings_snapshot(unneeded_minutes: str) -> Snapshot:
    process = Process(
        1,
        "Invoicing",
        "day",
        D(30),
        steps=(step(1, "3"), step(2, unneeded_minutes, needed="no"), step(3, "20")),
        scenarios=(
            AutomationScenario(1, "Robot", (1, 3), D(0), investment=D(1000)),
            AutomationScenario(2, "Nothing", (1,), D(3), running_cost_per_year=D(100)),
        ),
    )
    return Snapshot(settings=SETTINGS, processes=(process,))


@given(unneeded=st.decimals(min_value="0.1", max_value=120, places=1))
def test_steps_nobody_needs_come_before_the_process_automation(unneeded):
    findings = analyze(_findings_snapshot(str(unneeded))).findings
    kinds = [f.kind for f in findings]
    assert kinds.index(Kind.UNNEEDED_STEP) < kinds.index(Kind.AUTOMATION_CANDIDATE)
    remove = findings[kinds.index(Kind.UNNEEDED_STEP)]
    automate = findings[kinds.index(Kind.AUTOMATION_CANDIDATE)]
    assert SEVERITY_RANK[remove.severity] > SEVERITY_RANK[automate.severity]
    assert remove.hours_per_year == D(30) * 220 * unneeded / 60


def test_only_the_best_scenario_per_process_is_a_finding_and_says_simplify_first():
    analysis = analyze(_findings_snapshot("2"))
    candidates = [f for f in analysis.findings if f.kind == Kind.AUTOMATION_CANDIDATE]
    assert [c.subjects[1].name for c in candidates] == ["Robot"]
    assert "candidate.simplify_first" in {m.key for m in candidates[0].explanation}
    assert [c.scenario.name for c in analysis.processes.candidates] == ["Robot", "Nothing"]
    assert analysis.processes.candidates[1].figures.payback_months is None


def test_candidates_rank_by_payback_then_hours_freed():
    def candidate(scenario_id: int, payback: str | None, hours: str) -> Candidate:
        figures = scenario_figures(
            order_intake(),
            order_intake().scenarios[0],
            process_figures(order_intake(), SETTINGS),
            SETTINGS,
        )._replace(
            payback_months=None if payback is None else D(payback),
            hours_freed=D(hours),
        )
        return Candidate(
            order_intake(), order_intake().scenarios[0]._replace(id=scenario_id), figures
        )

    ranked = ranked_candidates(
        [
            candidate(1, None, "900"),
            candidate(2, "6", "10"),
            candidate(3, "6", "50"),
            candidate(4, "2", "1"),
        ]
    )
    assert [c.scenario.id for c in ranked] == [4, 3, 2, 1]


def test_settings_of_the_organisation_are_used():
    settings = OrganisationSettings("X", "x", D(60), 200, 1500)
    figures = process_figures(order_intake(), settings)
    assert figures.runs_per_year == 8000
    assert figures.eur == (figures.manual_hours + figures.error_hours) * 60
    assert figures.fte == figures.manual_hours / 1500


scenario_steps = st.lists(
    st.tuples(minutes, percent, minutes, st.booleans(), st.booleans()), min_size=1, max_size=6
)


@given(
    rows=scenario_steps,
    per_day=runs,
    after=minutes,
    rate_after=percent,
    investment=money,
    running=money,
    automates=st.booleans(),
)
def test_scenario_figures_are_the_formula_functions_applied(
    rows, per_day, after, rate_after, investment, running, automates
):
    """scenario_figures works the sums out in one pass; the figures stay those the formula
    functions give, composed as DOMAIN.md says."""
    steps = tuple(
        step(
            index,
            str(step_minutes),
            error_rate_percent=error,
            minutes_to_fix_error=fix,
            automated=automated,
        )
        for index, (step_minutes, error, fix, automated, _changed) in enumerate(rows, 1)
    )
    changed = [s for s, row in zip(steps, rows, strict=True) if row[4]] or [steps[0]]
    scenario = AutomationScenario(
        1, "S", tuple(s.id for s in changed), after, rate_after, investment, running, automates
    )
    process = Process(1, "P", "day", per_day, steps=steps, scenarios=(scenario,))
    figures = process_figures(process, SETTINGS)
    result = scenario_figures(process, scenario, figures, SETTINGS)

    year = formulas.runs_per_year(per_day, "day", SETTINGS.working_days_per_year)
    assert figures.manual_hours == sum(
        (formulas.hours_per_year(year, s.minutes_per_run) for s in steps), D(0)
    )
    before = sum((s.minutes_per_run for s in changed), D(0))
    errors_before = sum(
        (
            formulas.error_hours_per_year(year, s.error_rate_percent, s.minutes_to_fix_error)
            for s in changed
        ),
        D(0),
    )
    fix_after = max((s.minutes_to_fix_error for s in changed), default=D(0))
    errors_after = formulas.error_hours_per_year(year, rate_after, fix_after)
    rate = SETTINGS.labour_cost_per_hour
    avoided = formulas.eur_for_hours(errors_before, rate) - formulas.eur_for_hours(
        errors_after, rate
    )
    saving = formulas.automation_saving_per_year(
        minutes_before=before,
        minutes_after=after,
        runs=year,
        labour_cost_per_hour=rate,
        error_cost_avoided=max(avoided, D(0)),
        running_cost=running + max(-avoided, D(0)),
    )
    labour = formulas.automation_saving_per_year(
        minutes_before=before, minutes_after=after, runs=year, labour_cost_per_hour=rate
    )
    assert (result.minutes_before, result.fix_minutes_after) == (before, fix_after)
    assert result.error_hours_before == errors_before
    assert result.error_hours_after == errors_after
    assert (result.labour_eur, result.saving_eur) == (labour, saving)
    assert result.payback_months == formulas.payback_months(investment, saving)
    freed = formulas.hours_freed_per_year(year, before, after)
    assert result.hours_freed == freed + (errors_before - errors_after)
    ids = {s.id for s in changed}
    assert result.manual_steps_after == sum(
        1 for s in steps if not s.automated and not (s.id in ids and automates)
    )
