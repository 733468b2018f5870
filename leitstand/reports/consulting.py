"""The consulting report's chapters: the structure of a completed engagement and of the report
some funding programmes require. Each chapter can be left out and carries the consultant's text."""

from collections import Counter
from datetime import timedelta

from django.utils.translation import gettext as _

from leitstand.assessment.presenters import strategy_label
from leitstand.core.wording import KINDS, SEVERITIES, render
from leitstand.flows.models import Integration, MethodCategory
from leitstand.inventory.models import System as SystemModel
from leitstand.reports import document as d
from leitstand.reports import sections
from leitstand.reports.chapters import CONSULTING_CHAPTERS
from leitstand.reports.document import Chapter, Figure, Table
from leitstand.reports.integration_map import integration_map_svg
from leitstand.reports.risk import cut_note
from leitstand.reports.sources import FULL_LIST_LIMIT, Sources
from leitstand.roadmap.models import Milestone

FINDINGS_SHOWN = 60
NEXT_STEPS_DAYS = 90


def _merge(key: str, *parts: Chapter) -> Chapter:
    title = dict(CONSULTING_CHAPTERS)[key]
    chapter = Chapter(key, str(title))
    for part in parts:
        chapter.paragraphs += part.paragraphs
        chapter.figures += part.figures
        chapter.charts += part.charts
        chapter.tables += part.tables
        chapter.notes += part.notes
    return chapter


def situation(src: Sources) -> Chapter:
    org = src.organisation
    facts = Table("company", _("The company"), [_("Fact"), _("Value")])
    facts.add(d.text(_("Name")), d.text(org.name))
    for label, value in (
        (_("Employees"), getattr(org, "employees", None)),
        (_("Industry"), getattr(org, "industry", "")),
        (_("Federal state"), org.get_federal_state_display() if org.federal_state else ""),
    ):
        if value:
            facts.add(d.text(label), d.text(value))
    chapter = _merge("situation", sections.landscape(src))
    chapter.tables.insert(0, facts)
    return chapter


def analysis(src: Sources) -> Chapter:
    portfolio = Counter(rec.strategy for rec in src.analysis.portfolio if rec.system.in_operation)
    table = Table(
        "portfolio",
        _("Assessment: recommended strategy per system"),
        [_("Strategy"), _("Systems")],
        note=_(
            "From the three axes (business criticality, technical health, integration "
            "capability), overlaps, lifecycle and hosting; the portfolio page shows each rule."
        ),
    )
    for strategy, count in portfolio.most_common():
        table.add(d.text(strategy_label(strategy)), d.count(count))
    assessment = Chapter("assessment", "")
    assessment.tables.append(table)
    return _merge(
        "analysis", sections.time_and_money(src), assessment, sections.what_could_stop_us(src)
    )


def findings(src: Sources) -> Chapter:
    chapter = _merge("findings")
    found = src.analysis.findings
    counts = Counter(f.severity.value for f in found)
    chapter.figures = [
        Figure(f"findings_{level}", str(SEVERITIES[level]), d.count(counts.get(level, 0)))
        for level in ("high", "medium", "low")
    ]
    table = Table(
        "findings",
        _("Findings, most severe and costliest first"),
        [_("Priority"), _("Finding"), _("Subject"), _("Per year"), _("Suggested action")],
        note=" ".join(
            filter(
                None,
                [
                    _("Ranked by severity, then by euros per year."),
                    cut_note(src, min(len(found), FINDINGS_SHOWN), len(found)),
                ],
            )
        ),
    )
    for finding in found[:FINDINGS_SHOWN]:
        table.add(
            d.text(SEVERITIES[finding.severity.value]),
            d.text(KINDS.get(finding.kind, finding.kind)),
            d.text(finding.subjects[0].name if finding.subjects else ""),
            d.eur(finding.eur_per_year),
            d.text(render(finding.action) if finding.action else ""),
        )
    chapter.tables.append(table)
    return chapter


def recommendations(src: Sources) -> Chapter:
    chapter = _merge("recommendations")
    table = Table(
        "options",
        _("Initiatives, their options and the reason for the choice"),
        [
            _("Initiative"),
            _("Option"),
            _("Investment"),
            _("Cash per year"),
            _("Hours freed per year"),
            _("Payback (months)"),
            _("Chosen, and why"),
        ],
        note=_("Cash and capacity apart: hours freed are never added to the cash figure."),
        empty=_("No initiative on the roadmap yet."),
    )
    for cases in sections.initiative_cases(src):
        initiative = cases.initiative
        for view in cases.options:
            case = view.case
            table.add(
                d.text(initiative.name),
                d.text(view.option.name),
                d.eur(case.investment_eur),
                d.eur(case.cash_eur_per_year),
                d.hours(case.capacity_hours_per_year),
                d.decimal(case.payback_months),
                d.text((_("chosen") + ": " + initiative.choice_reason) if view.chosen else ""),
            )
    chapter.tables.append(table)
    sections.quick_wins(src, chapter)
    return chapter


def plan(src: Sources) -> Chapter:
    chapter = _merge("plan", sections.kpis_chapter(src))
    table = Table(
        "milestones",
        _("Milestones"),
        [_("Initiative"), _("Milestone"), _("Date"), _("Done")],
        empty=_("No milestone yet."),
    )
    milestones = (
        Milestone.objects.for_org(src.organisation)
        .select_related("initiative")
        .order_by("due_on", "pk")[:FULL_LIST_LIMIT]
    )
    for milestone in milestones:
        table.add(
            d.text(milestone.initiative.name),
            d.text(milestone.name),
            d.day(milestone.due_on),
            d.text(_("yes") if milestone.done else _("no")),
        )
    actions = sections.what_to_do(src, limit=None)
    chapter.tables = [actions.tables[0], table, *chapter.tables]
    chapter.figures = actions.figures[:1] + chapter.figures
    return chapter


def next_steps(src: Sources) -> Chapter:
    chapter = _merge("next_steps")
    until = src.today + timedelta(days=NEXT_STEPS_DAYS)
    table = Table(
        "next_steps",
        _("Due in the next 90 days"),
        [_("Initiative"), _("Milestone"), _("Date")],
        empty=_("No open milestone in the next 90 days."),
    )
    for milestone in (
        Milestone.objects.for_org(src.organisation)
        .select_related("initiative")
        .filter(done=False, due_on__lte=until)
        .order_by("due_on", "pk")[:50]
    ):
        table.add(
            d.text(milestone.initiative.name), d.text(milestone.name), d.day(milestone.due_on)
        )
    chapter.tables.append(table)
    first = Table(
        "first_actions",
        _("The five most pressing findings and what to do"),
        [_("Finding"), _("Subject"), _("Suggested action")],
    )
    for finding in src.analysis.findings[:5]:
        first.add(
            d.text(KINDS.get(finding.kind, finding.kind)),
            d.text(finding.subjects[0].name if finding.subjects else ""),
            d.text(render(finding.action) if finding.action else ""),
        )
    chapter.tables.append(first)
    return chapter


def appendix(src: Sources) -> Chapter:
    """The full inventory and the integration map; for a huge organisation the PDF lists the
    first rows and says so (the xlsx keeps every row)."""
    chapter = _merge("appendix")
    chapter.appendix = True
    snapshot = src.analysis.snapshot
    departments = snapshot.department_by_id
    people = {p.id: p.name for p in snapshot.people}
    systems = sorted(src.systems_in_use, key=lambda s: s.name.lower())
    inventory = Table(
        "inventory",
        _("Inventory"),
        [
            _("System"),
            _("Kind"),
            _("Departments"),
            _("Owner"),
            _("Annual cost"),
            _("End of support"),
        ],
        pdf_limit=FULL_LIST_LIMIT,
    )
    for system in systems:
        inventory.add(
            d.text(system.name),
            d.choice(SystemModel, "kind", system.kind),
            d.text(", ".join(departments[i].name for i in system.department_ids)),
            d.text(people.get(system.owner_id, "")),
            d.eur(system.annual_cost),
            d.day(system.end_of_support),
        )
    names = snapshot.system_by_id
    flows = Table(
        "integration_map",
        _("Integration map"),
        [_("From"), _("To"), _("Method"), _("Frequency"), _("Hours per year")],
        note=_("Every active data flow between two systems: who sends what to whom, and how."),
        pdf_limit=FULL_LIST_LIMIT,
    )
    for flow in snapshot.active_integrations:
        flows.add(
            d.text(names[flow.source_id].name),
            d.text(names[flow.target_id].name),
            d.choice(Integration, "method", flow.method),
            d.choice(Integration, "frequency", flow.frequency),
            d.hours(src.analysis.figures[flow.id].total_hours),
        )
    chapter.tables += [inventory, flows]
    diagram = integration_map_svg(
        [
            (names[flow.source_id].name, names[flow.target_id].name, flow.method)
            for flow in snapshot.active_integrations
        ],
        _("Integration map"),
        {category: str(category.label) for category in MethodCategory},
    )
    if diagram:
        chapter.charts.append(diagram)
    chapter.figures = [
        Figure("appendix_systems", _("Systems in use"), d.count(len(systems))),
        Figure("appendix_flows", _("Active data flows"), d.count(len(flows.rows))),
    ]
    return chapter


BUILDERS = {
    "situation": situation,
    "analysis": analysis,
    "findings": findings,
    "recommendations": recommendations,
    "plan": plan,
    "next_steps": next_steps,
    "funding": lambda src: _merge("funding", sections.funding_found(src)),
    "appendix": appendix,
}
