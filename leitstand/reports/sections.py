"""The chapters the reports share, each built from the analysis or the module that owns the
figure (never computed a second way), with a short note on how each figure is computed."""

# Formulas and ranges use the multiplication, division and minus signs people read.
# ruff: noqa: RUF001

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from leitstand.analysis.formulas import MONTHS_PER_YEAR, WEEKS_PER_YEAR
from leitstand.analysis.rules.continuity import NO_BACKUP, NO_TEST, TOO_RARE, TOO_SLOW
from leitstand.continuity.selectors import Figures as ContinuityFigures
from leitstand.continuity.selectors import needed_systems
from leitstand.core.charts import horizontal_eur_bars
from leitstand.core.dates import add_months
from leitstand.core.formatting import format_eur, format_hours, format_number
from leitstand.core.wording import render_all
from leitstand.flows.models import Integration
from leitstand.funding import selectors as funding
from leitstand.funding.presenters import match_view
from leitstand.kpis.selectors import kpi_view, with_measurements
from leitstand.maturity import selectors as maturity
from leitstand.maturity.presenters import assessment_context
from leitstand.reports import document as d
from leitstand.reports.document import Assumption, Chapter, Figure, Table
from leitstand.reports.sources import FULL_LIST_LIMIT, Sources
from leitstand.roadmap.cases import initiatives_for_plan, initiatives_for_totals, plan_cases
from leitstand.roadmap.models import InitiativeStatus
from leitstand.security_check import selectors as checks

TOP = 5
#: Rows of a list in the management summary's PDF (the first to end support, the largest savings;
#: the xlsx has them all): a summary stays a few pages, whatever the size of the organisation.
SUMMARY_ROWS = 10
#: Initiatives under way: decided, in their pilot or rollout, or done (their "after" counts).
RUNNING = (
    InitiativeStatus.APPROVED,
    InitiativeStatus.IN_PILOT,
    InitiativeStatus.ROLLING_OUT,
    InitiativeStatus.DONE,
)
SUPPORT_HORIZON_MONTHS = 12
KPI_CHARTS = 6  # before/after charts in the PDF; the table lists every KPI


def landscape(src: Sources, pdf_limit: int = FULL_LIST_LIMIT) -> Chapter:
    """Systems, shadow IT, recurring cost and support ending: as the cockpit counts them; the
    PDF lists `pdf_limit` systems whose support ends."""
    systems = src.systems_in_use
    horizon = add_months(src.today, SUPPORT_HORIZON_MONTHS)
    ending = sorted(
        (s for s in systems if s.end_of_support is not None and s.end_of_support < horizon),
        key=lambda s: (s.end_of_support, s.name.lower()),
    )
    past = [s for s in ending if s.end_of_support < src.today]
    costs = [s.annual_cost for s in systems if s.annual_cost is not None]
    shadow = sum(1 for s in systems if s.centrally_managed is False)
    unknown_management = sum(1 for s in systems if s.centrally_managed is None)
    chapter = Chapter("landscape", _("The landscape in figures"))
    chapter.figures = [
        Figure("systems", _("Systems in use"), d.count(len(systems)), _("all systems not retired")),
        Figure(
            "shadow_it",
            _("Shadow IT"),
            d.count(shadow),
            _("systems not centrally managed; %(n)s not known either way")
            % {"n": unknown_management},
        ),
        Figure(
            "annual_cost",
            _("Recurring IT cost per year"),
            d.eur(sum(costs, Decimal(0))),
            _("sum of the annual costs of %(known)s systems; %(unknown)s without a cost")
            % {"known": len(costs), "unknown": len(systems) - len(costs)},
        ),
        Figure(
            "support_ending",
            _("Support ended or ends within 12 months"),
            d.count(len(ending)),
            _("vendor's end of support before %(date)s; %(n)s already ended")
            % {"date": d_format(horizon), "n": len(past)},
        ),
    ]
    table = Table(
        "support",
        _("Support ending"),
        [_("System"), _("End of support"), _("Annual cost")],
        empty=_("No system's support ends within 12 months."),
        pdf_limit=pdf_limit,
    )
    for system in ending:
        table.add(d.text(system.name), d.day(system.end_of_support), d.eur(system.annual_cost))
    chapter.tables.append(table)
    return chapter


def d_format(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def time_and_money(src: Sources) -> Chapter:
    """Manual transfers: the totals of the findings page and the five costliest flows."""
    analysis = src.analysis
    totals = analysis.totals
    chapter = Chapter("time_money", _("Where time and money go"))
    how = render_all(analysis.totals_explanation)
    chapter.figures = [
        Figure(
            "manual_hours",
            _("Manual transfers: hours per year"),
            d.hours(totals.manual_hours),
            _("over %(n)s active flows") % {"n": totals.counted},
        ),
        Figure(
            "manual_eur",
            _("Manual transfers: cost per year"),
            d.eur(totals.manual_eur),
            _("hours × %(rate)s per hour") % {"rate": format_eur(totals.labour_cost_per_hour, 2)},
        ),
        Figure(
            "manual_fte",
            _("Full-time equivalents"),
            d.decimal(totals.manual_fte),
            _("hours ÷ %(h)s productive hours per person")
            % {"h": format_number(totals.productive_hours_per_fte)},
        ),
        Figure(
            "error_eur",
            _("Fixing errors in transfers"),
            d.eur(totals.error_eur),
            _("%(h)s a year: runs × error rate × minutes to fix ÷ 60")
            % {"h": format_hours(totals.error_hours)},
        ),
    ]
    chapter.notes.append(_("How it is computed:") + " " + how)
    names = analysis.snapshot.system_by_id
    flows = [
        (analysis.figures[flow.id], flow)
        for flow in analysis.snapshot.active_integrations
        if analysis.figures[flow.id].total_eur
    ]
    flows.sort(key=lambda pair: (-pair[0].total_eur, pair[1].id))
    table = Table(
        "transfers",
        _("The five costliest manual transfers"),
        [_("From"), _("To"), _("Method"), _("Hours per year"), _("Cost per year")],
        note=_("Cost per year = (manual hours + hours fixing errors) × labour cost per hour."),
        empty=_("No manual transfer with a known effort."),
    )
    for figures, flow in flows[:TOP]:
        table.add(
            d.text(names[flow.source_id].name),
            d.text(names[flow.target_id].name),
            d.choice(Integration, "method", flow.method),
            d.hours(figures.total_hours),
            d.eur(figures.total_eur),
        )
    chapter.tables.append(table)
    if flows:
        top = flows[:TOP]
        labels = [
            shorten(f"{names[f.source_id].name} → {names[f.target_id].name}") for _x, f in top
        ]
        chapter.charts.append(
            horizontal_eur_bars(
                labels[::-1], [float(x.total_eur) for x, _f in top][::-1], for_print=True
            )
        )
    return chapter


def shorten(label: str, length: int = 44) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


def continuity_rows(src: Sources):
    analysis = src.analysis
    return needed_systems(ContinuityFigures(analysis.snapshot, analysis.facts.continuity))


def what_could_stop_us(src: Sources) -> Chapter:
    """Outage cost per hour of the top systems, restore gaps, unmet TOP requirements."""
    rows = [row for row in continuity_rows(src) if row.system.in_operation]
    gaps = [row for row in rows if row.rto_gap or row.rpo_gap or row.no_restore_test]
    check = checks.latest_completed(src.organisation)
    result = checks.result_of(check) if check else None
    chapter = Chapter("risks", _("What could stop the company"))
    top_cost = rows[0].eur_per_hour if rows else None
    chapter.figures = [
        Figure(
            "top_outage_eur_per_hour",
            _("Costliest outage per hour"),
            d.eur(top_cost),
            (rows[0].system.name if rows else _("no process recorded needs a system")),
        ),
        Figure(
            "restore_gaps",
            _("Needed systems with a restore gap"),
            d.count(len(gaps)),
            _("no restore test in 12 months, or restore time or backup interval above the RTO/RPO"),
        ),
    ]
    if result is not None:
        chapter.figures.append(
            Figure(
                "top_unmet",
                _("Unmet TOP requirements of the company check"),
                d.count(len(result.top_unmet)),
                _("check of %(date)s") % {"date": d_format(check.checked_on)},
            )
        )
    table = Table(
        "outage",
        _("Outage cost per hour of the top systems"),
        [_("System"), _("Outage cost per hour"), _("RTO (hours)"), _("Gap")],
        note=_(
            "Outage cost per hour: for each process that stops without the system, its revenue per "
            "hour times its margin, plus the people left idle × labour cost per hour, plus "
            "penalties per hour (continuity page)."
        ),
        empty=_("No process with a business impact is recorded yet."),
    )
    for row in rows[:TOP]:
        table.add(
            d.text(row.system.name),
            d.eur(row.eur_per_hour),
            d.hours(row.rto.hours if row.rto else None),
            d.text(gap_text(row)),
        )
    chapter.tables.append(table)
    if result is not None:
        language = src.language
        unmet = Table(
            "top_unmet",
            _("Unmet TOP requirements"),
            [_("No."), _("Requirement"), _("Recommendation")],
            empty=_("All TOP requirements are met."),
        )
        for requirement in result.requirements:
            if requirement.requirement.top and requirement.relevant and not requirement.met:
                unmet.add(
                    d.text(requirement.requirement.number),
                    d.text(requirement.requirement.title.get(language)),
                    d.text(requirement.requirement.recommendation.get(language)),
                )
        chapter.tables.append(unmet)
    else:
        chapter.paragraphs.append(_("No company check has been completed yet."))
    return chapter


def gap_text(row) -> str:
    """The continuity page's words for a system's gaps."""
    words = {
        NO_TEST: _("no restore test in the last 12 months"),
        TOO_SLOW: _("slower than the RTO"),
        NO_BACKUP: _("no backup"),
        TOO_RARE: _("rarer than the RPO"),
    }
    parts = [words[gap] for gap in (row.rto_gap, row.rpo_gap) if gap]
    if row.no_restore_test and row.rto_gap != NO_TEST:
        parts.append(words[NO_TEST])
    if row.no_emergency_plan:
        parts.append(_("no tested emergency plan"))
    return "; ".join(parts)


def initiative_cases(src: Sources):
    everyone = list(initiatives_for_totals(src.organisation))
    chosen = [i for i in initiatives_for_plan(src.organisation) if i.status != "stopped"]
    chosen.sort(key=lambda i: (i.priority, i.name.lower()))
    return plan_cases(chosen, src.analysis, everyone)


def what_to_do(src: Sources, limit: int | None = TOP) -> Chapter:
    """The top initiatives with their business case, and the quick wins."""
    chapter = Chapter("actions", _("What to do"))
    cases = initiative_cases(src)
    table = Table(
        "initiatives",
        _("Top initiatives") if limit else _("Initiatives"),
        [
            _("Initiative"),
            _("Status"),
            _("Investment"),
            _("Cash per year"),
            _("Hours freed per year"),
            _("Payback (months)"),
        ],
        note=_(
            "Business case of the chosen option (else the first): investment = licences + "
            "implementation + internal hours × labour cost + training; cash per year = licences "
            "and running costs that end − new running cost; hours freed are capacity, shown "
            "apart and never added to cash; payback = investment ÷ (cash + labour value of the "
            "hours) × 12."
        ),
        empty=_("No initiative on the roadmap yet."),
    )
    for cases_row in cases[:limit]:
        initiative, counted = cases_row.initiative, cases_row.counted
        case = counted.case if counted else None
        table.add(
            d.text(initiative.name),
            d.text(initiative.get_status_display()),
            d.eur(case.investment_eur if case else None),
            d.eur(case.cash_eur_per_year if case else None),
            d.hours(case.capacity_hours_per_year if case else None),
            d.decimal(case.payback_months if case else None),
        )
    chapter.tables.append(table)
    chapter.figures.append(
        Figure(
            "initiatives",
            _("Initiatives on the roadmap"),
            d.count(len(cases)),
            _("not stopped; ordered by priority"),
        )
    )
    quick_wins(src, chapter, pdf_limit=SUMMARY_ROWS)
    return chapter


def quick_wins(src: Sources, chapter: Chapter, pdf_limit: int = FULL_LIST_LIMIT) -> None:
    """The analysis's quick wins (one figure with the cockpit, the findings and the JSON):
    retiring overlapping tools, licences that end (cash) and transfers that disappear
    (capacity); no new technology needed. The PDF lists the `pdf_limit` largest savings."""
    names = src.analysis.snapshot.system_by_id
    wins = src.analysis.quick_wins
    chapter.figures.append(
        Figure(
            "quick_wins_eur",
            _("Quick wins per year"),
            d.eur(wins.total_eur),
            _(
                "retiring overlapping tools: %(cash)s licences (cash) + %(capacity)s transfers "
                "that disappear (capacity)"
            )
            % {"cash": format_eur(wins.cash_eur), "capacity": format_eur(wins.capacity_eur)},
        )
    )
    table = Table(
        "quick_wins",
        _("Quick wins: overlapping tools to retire"),
        [_("Capability"), _("Keep"), _("Retire"), _("Licences per year"), _("Saving per year")],
        note=_(
            "Consolidation saving per year = annual cost of the systems retired + manual "
            "transfer effort that disappears with them."
        ),
        empty=_("No overlapping tools found."),
        pdf_limit=pdf_limit,
    )
    capabilities = src.analysis.snapshot.capability_by_id
    for win in wins.wins:
        table.add(
            d.text(capabilities[win.capability_id].name),
            d.text(names[win.keep_id].name),
            d.text(names[win.system_id].name),
            d.eur(win.licence_eur),
            d.eur(win.saving_eur),
        )
    chapter.tables.append(table)


def funding_found(src: Sources) -> Chapter:
    chapter = Chapter("funding", _("Funding found"))
    result = funding.company_match(src.organisation, src.today)
    views = [match_view(m, src.today) for m in result.matches if not m.blockers]
    eligible = [v for v in views if v["eligible"]]
    chapter.figures.append(
        Figure(
            "funding_programmes",
            _("Programmes open to the company"),
            d.count(len(views)),
            _("%(n)s of them eligible on the facts recorded; the others need facts or a check")
            % {"n": len(eligible)},
        )
    )
    table = Table(
        "funding",
        _("Funding programmes"),
        [_("Programme"), _("Grantor"), _("Kind"), _("Decision")],
        note=_(
            "Matched against the company facts on the funding page; programme facts come from "
            "Leitstand's catalogue with the date each was last verified."
        ),
        empty=_("No programme is open to the company on the facts recorded."),
    )
    for view in views:
        table.add(
            d.text(view["name"]),
            d.text(view["grantor"]),
            d.text(view["kind_label"]),
            d.text(view["decision_label"]),
        )
    chapter.tables.append(table)
    plans = Table(
        "funding_plans",
        _("Funding plans"),
        [_("Plan"), _("Costs"), _("Grants")],
        empty=_("No funding plan yet."),
    )
    for plan in funding.plans_of(src.organisation)[:20]:
        figures = funding.plan_figures(plan)
        plans.add(d.text(plan.name), d.eur(figures.total_eur), d.eur(figures.grants_eur))
    chapter.tables.append(plans)
    return chapter


def maturity_chapter(src: Sources) -> Chapter:
    chapter = Chapter("maturity", _("Digital maturity"))
    assessment = maturity.latest_completed(src.organisation)
    if assessment is None:
        chapter.paragraphs.append(_("No maturity self-assessment has been completed yet."))
        return chapter
    context = assessment_context(assessment)
    chapter.charts.append(context["radar"])
    change = context["change"]
    chapter.figures.append(
        Figure(
            "maturity_overall",
            _("Overall maturity (0-100)"),
            d.count(context["result"].overall),
            _("mean of the six axis scores; assessment of %(date)s")
            % {"date": d_format(assessment.assessed_on)},
        )
    )
    if change:
        chapter.figures.append(
            Figure(
                "maturity_change",
                _("Change since the previous assessment"),
                d.count(change["overall_delta"]),
                _("%(before)s then, %(after)s now")
                % {
                    "before": format_number(change["overall_before"], 1),
                    "after": format_number(change["overall_after"], 1),
                },
            )
        )
    table = Table(
        "maturity",
        _("The six axes"),
        [_("Axis"), _("Score"), _("Before"), _("Change")],
        note=_(
            "Each answer scores yes 1, partly 0.5, no 0; an axis is the sum of its item scores "
            "divided by the number of its items, times 100."
        ),
    )
    before = {a["name"]: a for a in (change["axes"] if change else [])}
    for axis in context["axes"]:
        previous = before.get(axis["name"])
        table.add(
            d.text(axis["name"]),
            d.count(axis["score"]),
            d.count(previous["before"] if previous else None),
            d.count(previous["delta"] if previous else None),
        )
    chapter.tables.append(table)
    return chapter


def kpis_chapter(src: Sources, statuses=RUNNING) -> Chapter:
    chapter = Chapter("kpis", _("KPIs of running initiatives"))
    table = Table(
        "kpis",
        _("Before and after"),
        [_("Initiative"), _("KPI"), _("Baseline"), _("Target"), _("Latest"), _("Change")],
        note=_(
            "Baseline measured before the change; latest is the most recent measurement; change "
            "is latest against baseline in the KPI's unit."
        ),
        empty=_("No running initiative has a KPI yet."),
    )
    for initiative in initiatives_for_plan(src.organisation).filter(status__in=statuses):
        for kpi in with_measurements(initiative.kpis.all()):
            view = kpi_view(kpi, chart=len(chapter.charts) < KPI_CHARTS)
            if view.chart:
                chapter.charts.append(view.chart)
            table.add(
                d.text(initiative.name),
                d.text(kpi.name),
                d.text(view.baseline_text),
                d.text(view.target_text),
                d.text(view.latest_text),
                d.text(f"{view.change_text} {view.percent_text}".strip()),
            )
    chapter.tables.append(table)
    return chapter


def assumptions(src: Sources) -> list[Assumption]:
    settings = src.analysis.snapshot.settings
    own = _("organisation setting")
    method = _("Leitstand's method (default)")
    return [
        Assumption(_("Labour cost per hour"), d.eur(settings.labour_cost_per_hour), own),
        Assumption(_("Working days per year"), d.count(settings.working_days_per_year), own),
        Assumption(
            _("Productive hours per full-time employee per year"),
            d.count(settings.productive_hours_per_fte),
            own,
        ),
        Assumption(_("Weeks per year (weekly flows)"), d.count(WEEKS_PER_YEAR), method),
        Assumption(_("Months per year (monthly flows)"), d.count(MONTHS_PER_YEAR), method),
        Assumption(_("A restore or emergency-plan test counts for (months)"), d.count(12), method),
        Assumption(
            _("Support ending soon: within (months)"), d.count(SUPPORT_HORIZON_MONTHS), method
        ),
        Assumption(_("Figures as of"), d.day(src.today), _("the day the report was made")),
    ]
