"""The analysis as JSON: `leitstand analyze --json` and /o/<org>/analysis.json print this.

Numbers are JSON numbers: euros rounded to cents, hours to a tenth, full-time equivalents to
a hundredth; an unknown number is null. Texts are in the active language.
"""

from decimal import Decimal

from leitstand.analysis import Analysis
from leitstand.analysis.findings import Subject
from leitstand.analysis.formulas import MONTHS_PER_YEAR, WEEKS_PER_YEAR
from leitstand.assessment.serialize import portfolio_as_json
from leitstand.reports.explanations import render, render_all


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


def _dependencies(analysis: Analysis) -> dict:
    names = analysis.snapshot.system_by_id
    sizes = analysis.blast_radius_sizes
    ranked = sorted((s for s in sizes if sizes[s]), key=lambda s: (-sizes[s], names[s].name))
    return {
        "direction": "if A sends data to B, B depends on A",
        "blast_radius": [{"system": names[s].name, "dependents": sizes[s]} for s in ranked],
        "isolated_systems": [names[s].name for s in analysis.isolated_system_ids],
    }


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
        "findings": _findings(analysis),
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
    }
