"""The risk report's chapters: resilience and security only, for insurers (cyber insurance
questionnaires), IT service providers and auditors."""

# Formulas and ranges use the multiplication, division and minus signs people read.
# ruff: noqa: RUF001

from django.utils.translation import gettext as _

from leitstand.analysis.resilience import backup_yardstick as yardstick
from leitstand.core.wording import KINDS
from leitstand.reports import document as d
from leitstand.reports.document import Chapter, Figure, Table
from leitstand.reports.sections import continuity_rows, d_format, gap_text
from leitstand.reports.sources import FULL_LIST_LIMIT, Sources
from leitstand.resilience.selectors import people_dependencies, vendor_rows
from leitstand.roadmap.models import FindingState, FindingStatus
from leitstand.security_check import selectors as checks


def _yes_no(value: bool | None) -> d.Cell:
    if value is None:
        return d.text(_("not known"))
    return d.text(_("yes") if value else _("no"))


def cut_note(src: Sources, shown: int, total: int) -> str:
    if total <= shown:
        return ""
    return _(
        "The first %(shown)s of %(total)s rows; the spreadsheet of this report has all of them."
    ) % {"shown": shown, "total": total}


def company_check(src: Sources) -> Chapter:
    chapter = Chapter("company_check", _("Company check: result and history"))
    history = list(checks.checks_of(src.organisation).filter(status="completed")[:20])
    if not history:
        chapter.paragraphs.append(_("No company check has been completed yet."))
        return chapter
    results = checks.results_by_check(history)
    latest, result = history[0], results[history[0].pk]
    chapter.figures = [
        Figure(
            "check_points",
            _("Points of the latest check"),
            d.count(result.score),
            _("of %(max)s; met +1, TOP met +3, TOP unmet −3 (check of %(date)s)")
            % {"max": result.max_score, "date": d_format(latest.checked_on)},
        ),
        Figure(
            "check_percent",
            _("Percent of the relevant maximum"),
            d.percent(result.percent),
            _("max(points, 0) ÷ maximum × 100"),
        ),
        Figure(
            "check_top_unmet",
            _("Unmet TOP requirements"),
            d.count(len(result.top_unmet)),
            ", ".join(f"{n:02d}" for n in result.top_unmet) or _("all met"),
        ),
    ]
    table = Table(
        "check_history",
        _("Checks so far"),
        [_("Date"), _("Points"), _("Maximum"), _("Percent"), _("Unmet TOP requirements")],
    )
    for check in history:
        row = results[check.pk]
        table.add(
            d.day(check.checked_on),
            d.count(row.score),
            d.count(row.max_score),
            d.percent(row.percent),
            d.text(", ".join(f"{n:02d}" for n in row.top_unmet) or "–"),
        )
    chapter.tables.append(table)
    unmet = Table(
        "check_unmet",
        _("Unmet requirements"),
        [_("No."), _("Requirement"), _("TOP"), _("Recommendation")],
        empty=_("Every relevant requirement is met."),
    )
    for row in result.requirements:
        if row.relevant and not row.met:
            unmet.add(
                d.text(row.requirement.number),
                d.text(row.requirement.title.get(src.language)),
                d.text(_("yes") if row.requirement.top else ""),
                d.text(row.requirement.recommendation.get(src.language)),
            )
    chapter.tables.append(unmet)
    return chapter


def backups(src: Sources) -> Chapter:
    chapter = Chapter("backups", _("Backups and restore tests against 3-2-1-1-0"))
    snapshot = src.analysis.snapshot
    systems = sorted(snapshot.systems_in_operation, key=lambda s: s.name.lower())
    facts = snapshot.resilience_by_system
    met = failed = 0
    table = Table(
        "backups",
        _("Backups per system"),
        [
            _("System"),
            _("3 copies"),
            _("2 media"),
            _("1 off site"),
            _("1 offline"),
            _("0 errors"),
            _("Last restore test"),
            _("3-2-1-1-0"),
        ],
    )
    for system in systems:
        row = facts.get(system.id)
        parts = yardstick.rule_3_2_1_1_0(row, src.today)
        verdict = yardstick.rule_met(parts)
        met += verdict is True
        failed += verdict is False
        if len(table.rows) < FULL_LIST_LIMIT:
            table.add(
                d.text(system.name),
                *(_yes_no(parts[part]) for part in yardstick.RULE_PARTS),
                d.day(row.restore_tested_on if row else None),
                _yes_no(verdict),
            )
    table.note = " ".join(
        filter(
            None,
            [
                _(
                    "3 copies, 2 media, 1 copy off site, 1 offline or immutable, 0 errors in the "
                    "last restore test; a restore test older than 12 months counts as none."
                ),
                cut_note(src, len(table.rows), len(systems)),
            ],
        )
    )
    chapter.figures = [
        Figure("backup_rule_met", _("Systems meeting 3-2-1-1-0"), d.count(met), ""),
        Figure(
            "backup_rule_failed",
            _("Systems failing 3-2-1-1-0"),
            d.count(failed),
            _("%(n)s systems in operation; the rest not known") % {"n": len(systems)},
        ),
    ]
    chapter.tables.append(table)
    return chapter


def recovery(src: Sources) -> Chapter:
    chapter = Chapter("recovery", _("Outage cost and RTO/RPO gaps"))
    rows = [row for row in continuity_rows(src) if row.system.in_operation]
    table = Table(
        "recovery",
        _("Systems the processes need"),
        [
            _("System"),
            _("Outage cost per hour"),
            _("RTO (hours)"),
            _("Restore took (hours)"),
            _("RPO (hours)"),
            _("Backup every (hours)"),
            _("Gap"),
        ],
        note=_(
            "A system inherits the strictest RTO and RPO of the processes that need it; outage "
            "cost per hour: revenue per hour × margin + idle people × labour cost + penalties."
        ),
        empty=_("No process with a business impact is recorded yet."),
    )
    for row in rows[:FULL_LIST_LIMIT]:
        table.add(
            d.text(row.system.name),
            d.eur(row.eur_per_hour),
            d.hours(row.rto.hours if row.rto else None),
            d.hours(row.restore_hours),
            d.hours(row.rpo.hours if row.rpo else None),
            d.hours(row.backup_interval_hours),
            d.text(gap_text(row)),
        )
    gaps = sum(1 for row in rows if row.rto_gap or row.rpo_gap)
    chapter.figures = [
        Figure("needed_systems", _("Systems a process needs"), d.count(len(rows)), ""),
        Figure(
            "rto_rpo_gaps",
            _("Systems with an RTO or RPO gap"),
            d.count(gaps),
            _("restore slower than the RTO or untested, backups rarer than the RPO, or none"),
        ),
    ]
    chapter.tables.append(table)
    return chapter


def people_and_vendors(src: Sources) -> Chapter:
    chapter = Chapter("dependencies", _("Bus factor and vendor concentration"))
    people, ownerless = people_dependencies(src.analysis)
    table = Table(
        "bus_factor",
        _("People who alone can run critical systems"),
        [_("Person"), _("Systems"), _("Critical systems without a deputy")],
        empty=_("Every critical system has a deputy."),
    )
    for row in people:
        table.add(
            d.text(row.person.name),
            d.count(len(row.systems)),
            d.names(s.name for s in row.systems),
        )
    chapter.tables.append(table)
    chapter.figures = [
        Figure(
            "single_person",
            _("People without a deputy for critical systems"),
            d.count(len(people)),
            _("critical: business criticality 3 or 4, or holding the company's data"),
        ),
        Figure("ownerless_critical", _("Critical systems without owner"), d.count(len(ownerless))),
    ]
    vendors = Table(
        "vendors",
        _("Vendor concentration"),
        [_("Vendor"), _("Systems"), _("Share of critical systems"), _("Share of annual cost")],
        note=_(
            "Every vendor of a system in operation, the largest share first: its share of the "
            "critical systems and of the annual cost of the systems in operation."
        ),
        empty=_("No system in operation has a vendor recorded yet."),
    )
    for row in vendor_rows(src.analysis):
        vendors.add(
            d.text(row.vendor.name),
            d.count(len(row.systems)),
            d.percent(row.share.critical_percent),
            d.percent(row.share.cost_percent),
        )
    chapter.tables.append(vendors)
    return chapter


def accepted_risks(src: Sources) -> Chapter:
    chapter = Chapter("accepted", _("Risks accepted"))
    rows = FindingState.objects.for_org(src.organisation).filter(status=FindingStatus.ACCEPTED)
    table = Table(
        "accepted",
        _("Open risks accepted, with reason and review date"),
        [_("Finding"), _("Subject"), _("Reason"), _("Review on")],
        empty=_("No risk has been accepted."),
    )
    for row in rows.order_by("review_on", "pk")[:FULL_LIST_LIMIT]:
        table.add(
            d.text(KINDS.get(row.kind, row.kind)),
            d.text(row.subject_name),
            d.text(row.reason),
            d.day(row.review_on),
        )
    chapter.figures = [Figure("accepted_risks", _("Risks accepted"), d.count(rows.count()), "")]
    chapter.tables.append(table)
    return chapter
