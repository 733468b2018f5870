"""The analysis as JSON: `leitstand analyze --json` and /o/<org>/analysis.json print this.

Numbers are JSON numbers: euros rounded to cents, hours to a tenth, full-time equivalents to
a hundredth; an unknown number is null. Texts are in the active language.
"""

from decimal import Decimal

from leitstand.analysis import Analysis
from leitstand.analysis.findings import Subject
from leitstand.analysis.formulas import MONTHS_PER_YEAR, WEEKS_PER_YEAR
from leitstand.analysis.quick_wins import explain_quick_wins
from leitstand.assessment.serialize import portfolio_as_json
from leitstand.core.wording import render, render_all
from leitstand.roadmap.groups import finding_groups_as_json
from leitstand.security_check.records import company_check_as_json


def eur(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 2)


def hours(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 1)


def fte(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _refs(subjects: tuple[Subject, ...]) -> list[dict]:
    return [{"type": s.type, "id": s.id, "name": s.name} for s in subjects]


def _settings(analysis: Analysis) -> dict:
    settings = analysis.snapshot.settings
    return {
        "labour_cost_per_hour": eur(settings.labour_cost_per_hour),
        "working_days_per_year": settings.working_days_per_year,
        "weeks_per_year": WEEKS_PER_YEAR,
        "months_per_year": MONTHS_PER_YEAR,
        "productive_hours_per_fte": settings.productive_hours_per_fte,
        "wrap_min_manual_hours": settings.wrap_min_manual_hours,
    }


def _integration_figures(analysis: Analysis) -> list[dict]:
    systems = analysis.snapshot.system_by_id
    rows = []
    for integration in analysis.snapshot.integrations:
        figures = analysis.figures[integration.id]
        rows.append(
            {
                "id": integration.id,
                "source": systems[integration.source_id].name,
                "target": systems[integration.target_id].name,
                "method": integration.method,
                "category": figures.category.value,
                "status": integration.status,
                "runs_per_year": None
                if figures.runs_per_year is None
                else float(figures.runs_per_year),
                "manual_hours_per_year": hours(figures.manual_hours),
                "error_hours_per_year": hours(figures.error_hours),
                "eur_per_year": eur(figures.total_eur),
                "fte": fte(figures.fte),
                "missing": list(figures.missing),
            }
        )
    return rows


def _overlaps(analysis: Analysis) -> list[dict]:
    snapshot = analysis.snapshot
    names = snapshot.system_by_id
    departments = snapshot.department_by_id
    return [
        {
            "capability": snapshot.capability_by_id[group.capability_id].name,
            "systems": [names[s].name for s in group.system_ids],
            "keep": names[group.keep_id].name,
            "retire": [names[s].name for s in group.retire_ids],
            "scope": "within_department" if group.within_department else "across_departments",
            "departments": [departments[d].name for d in group.department_ids],
            "saving_eur_per_year": eur(group.saving_eur),
            "licence_saving_eur_per_year": eur(group.licence_saving_eur),
            "manual_saving_eur_per_year": eur(group.manual_saving_eur),
            "cost_unknown": [names[s].name for s in group.cost_unknown_ids],
        }
        for group in analysis.overlaps
    ]


#: Tools a page explains one by one; the JSON explains all of them.
QUICK_WINS_SHOWN = 10


def quick_wins_lines(analysis: Analysis, limit: int | None = QUICK_WINS_SHOWN) -> list[str]:
    """The quick wins' explanation, one rendered line per message (the largest `limit`)."""
    messages = explain_quick_wins(analysis.snapshot, analysis.quick_wins, limit)
    return [render(line) for line in messages]


def _quick_wins(analysis: Analysis) -> dict:
    """Retiring overlapping tools (no new technology): the list and the total, cash and
    capacity apart."""
    wins = analysis.quick_wins
    names = analysis.snapshot.system_by_id
    return {
        "list": [
            {
                "retire": names[win.system_id].name,
                "move_to": names[win.keep_id].name,
                "capability": analysis.snapshot.capability_by_id[win.capability_id].name,
                "licence_eur_per_year": eur(win.licence_eur),
                "licence_cost_known": win.cost_known,
                "transfers_ending": len(win.flow_ids),
                "hours_per_year": hours(win.hours),
                "hours_eur_per_year": eur(win.hours_eur),
                "saving_eur_per_year": eur(win.saving_eur),
            }
            for win in wins.wins
        ],
        "cash_eur_per_year": eur(wins.cash_eur),
        "hours_per_year": hours(wins.hours),
        "capacity_eur_per_year": eur(wins.capacity_eur),
        "total": eur(wins.total_eur),
        "explanation": render_all(explain_quick_wins(analysis.snapshot, wins)),
        # The keys the roadmap's interface names (issue 16, scripts rely on them): every quick
        # win without new technology, each with what to do and what it frees a year (cash plus
        # capacity, also given apart) and in the first 12 months; `eur_per_year` is their sum.
        # `total`, `cash_eur_per_year`, `capacity_eur_per_year` and `list` above stay the
        # retirements alone ("from the inventory alone").
        **_quick_win_list(analysis),
    }


def _quick_win_list(analysis: Analysis) -> dict:
    found = analysis.quick_win_list
    return {
        "eur_per_year": eur(found.eur_per_year),
        "items_cash_eur_per_year": eur(found.cash_eur_per_year),
        "items_hours_per_year": hours(found.hours_per_year),
        "items_capacity_eur_per_year": eur(found.capacity_eur_per_year),
        "first_12_months": {
            "from": found.this_month.isoformat(),
            "cash_eur": eur(found.cash_first_12_months_eur),
            "capacity_eur": eur(found.capacity_first_12_months_eur),
        },
        "risks_removed": found.risks_removed,
        "items": [
            {
                "kind": item.kind.value,
                "subject": item.subject.name,
                "subject_refs": _refs(item.subjects),
                "action": render(item.action),
                "eur_per_year": eur(item.eur_per_year),
                "cash_eur_per_year": eur(item.cash_eur_per_year),
                "hours_per_year": hours(item.hours_per_year),
                "capacity_eur_per_year": eur(item.capacity_eur_per_year),
                "first_12_months": {
                    "cash_eur": eur(item.cash_first_12_months_eur),
                    "cash_from": item.cash_from.isoformat() if item.cash_from else None,
                    "capacity_eur": eur(item.capacity_first_12_months_eur),
                    "capacity_from": (
                        item.capacity_from.isoformat() if item.capacity_from else None
                    ),
                    "how": render_all(item.when),
                },
            }
            for item in found.items
        ],
    }


def _dependencies(analysis: Analysis) -> dict:
    names = analysis.snapshot.system_by_id
    sizes = analysis.blast_radius_sizes
    ranked = sorted((s for s in sizes if sizes[s]), key=lambda s: (-sizes[s], names[s].name))
    return {
        "direction": "if A sends data to B, B depends on A",
        "blast_radius": [{"system": names[s].name, "dependents": sizes[s]} for s in ranked],
        "isolated_systems": [names[s].name for s in analysis.isolated_system_ids],
    }


def _processes(analysis: Analysis) -> list[dict]:
    """Each process's figures; its linked steps' hours are in `hours_counted_in_integrations`
    (already part of the manual-transfer totals above, not to be added again)."""
    facts = analysis.processes
    rows = []
    for process in sorted(analysis.snapshot.processes, key=lambda p: p.name.casefold()):
        figures = facts.figures[process.id]
        rows.append(
            {
                "id": process.id,
                "name": process.name,
                "runs_per_year": float(figures.runs_per_year),
                "minutes_per_run": float(figures.minutes_per_run),
                "manual_hours_per_year": hours(figures.manual_hours),
                "error_hours_per_year": hours(figures.error_hours),
                "eur_per_year": eur(figures.eur),
                "fte": fte(figures.fte),
                "hours_counted_in_integrations": hours(figures.hours_in_integrations),
                "revenue_per_year": eur(figures.revenue_per_year),
            }
        )
    return rows


def _process_totals(analysis: Analysis) -> dict:
    totals = analysis.processes.totals
    return {
        "processes": totals.processes,
        "hours_per_year": hours(totals.manual_hours + totals.error_hours),
        "hours_counted_in_integrations": hours(totals.hours_in_integrations),
        "additional_hours_per_year": hours(totals.additional_hours),
        "additional_eur_per_year": eur(totals.additional_eur),
        "manual_work_hours_per_year": hours(
            analysis.totals.manual_hours + analysis.totals.error_hours + totals.additional_hours
        ),
    }


def _automation_candidates(analysis: Analysis) -> list[dict]:
    """Every scenario, by payback (none last), then by hours freed."""
    return [
        {
            "process": candidate.process.name,
            "scenario": candidate.scenario.name,
            "saving_eur_per_year": eur(candidate.figures.saving_eur),
            "hours_freed_per_year": hours(candidate.figures.hours_freed),
            "fte_freed": fte(candidate.figures.fte_freed),
            "payback_months": None
            if candidate.figures.payback_months is None
            else round(float(candidate.figures.payback_months), 1),
            "investment_eur": eur(candidate.scenario.investment),
            "running_cost_eur_per_year": eur(candidate.scenario.running_cost_per_year),
        }
        for candidate in analysis.processes.candidates
    ]


def _findings(analysis: Analysis) -> list[dict]:
    return [
        {
            "kind": finding.kind,
            "severity": finding.severity.value,
            "subjects": [subject.name for subject in finding.subjects],
            "subject_refs": _refs(finding.subjects),
            "eur_per_year": eur(finding.eur_per_year),
            "hours_per_year": hours(finding.hours_per_year),
            "explanation": render_all(finding.explanation),
            "action": render(finding.action),
        }
        for finding in analysis.findings
    ]


def _outage_cost_per_hour(analysis: Analysis) -> list[dict]:
    """Systems some process needs, by outage cost per hour (DOMAIN.md), costliest first."""
    snapshot = analysis.snapshot
    names = {process.id: process.name for process in snapshot.processes}
    rows = sorted(
        (row for row in analysis.facts.continuity.systems.values() if row.paths),
        key=lambda row: (*row.rank_key, snapshot.system_by_id[row.system_id].name.lower()),
    )
    return [
        {
            "system": snapshot.system_by_id[row.system_id].name,
            "eur_per_hour": eur(row.eur_per_hour),
            "processes": [names[process_id] for process_id in row.paths],
        }
        for row in rows
    ]


def analysis_as_json(analysis: Analysis) -> dict:
    snapshot = analysis.snapshot
    totals = analysis.totals
    data_objects = snapshot.data_object_by_id
    return {
        "organisation": {"name": snapshot.settings.name, "slug": snapshot.settings.slug},
        "settings": _settings(analysis),
        "systems": len(snapshot.systems),
        "systems_in_operation": sum(1 for system in snapshot.systems if system.in_operation),
        "integrations": len(snapshot.integrations),
        "active_integrations": len(snapshot.active_integrations),
        "manual_hours_per_year": hours(totals.manual_hours),
        "manual_eur_per_year": eur(totals.manual_eur),
        "manual_fte": fte(totals.manual_fte),
        "error_hours_per_year": hours(totals.error_hours),
        "error_eur_per_year": eur(totals.error_eur),
        "integrations_counted": totals.counted,
        "integrations_left_out": totals.left_out,
        "totals_explanation": render_all(analysis.totals_explanation),
        "integration_figures": _integration_figures(analysis),
        "overlaps": _overlaps(analysis),
        "overlapping_systems": len(analysis.overlapping_system_ids),
        "quick_wins": _quick_wins(analysis),
        "similar_names": [
            {
                "systems": [snapshot.system_by_id[s].name for s in pair.system_ids],
                "score": pair.score,
            }
            for pair in analysis.similar_names
        ],
        "multi_mastered": [
            {
                "data_object": data_objects[item.data_object_id].name,
                "systems": [snapshot.system_by_id[s].name for s in item.system_ids],
            }
            for item in analysis.facts.multi_mastered
        ],
        "dependencies": _dependencies(analysis),
        "processes": _processes(analysis),
        "process_totals": _process_totals(analysis),
        "automation_candidates": _automation_candidates(analysis),
        "findings": _findings(analysis),
        "finding_groups": finding_groups_as_json(analysis),
        "data_gaps": [
            {
                "field": gap.field,
                "subjects": [subject.name for subject in gap.subjects],
                "subject_refs": _refs(gap.subjects),
                "explanation": render(gap.message),
            }
            for gap in analysis.data_gaps
        ],
        "portfolio": portfolio_as_json(analysis),
        "resilience": {
            "check": company_check_as_json(snapshot.company_check),
            "outage_cost_per_hour": _outage_cost_per_hour(analysis),
        },
    }
