"""The three reports, each a list of chapters built from the same sections."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from leitstand.reports import consulting, risk, sections
from leitstand.reports.chapters import CHAPTER_KEYS
from leitstand.reports.document import Report
from leitstand.reports.models import ReportKind
from leitstand.reports.sources import Sources


def build_summary(src: Sources, options: dict) -> Report:
    report = _report(src, "summary")
    report.subtitle = _("The landscape, what it costs, what could stop the company, what to do")
    report.chapters = [
        sections.landscape(src, pdf_limit=sections.SUMMARY_ROWS),
        sections.time_and_money(src),
        sections.what_could_stop_us(src),
        sections.what_to_do(src),
        sections.funding_found(src),
        sections.maturity_chapter(src),
        sections.kpis_chapter(src),
    ]
    return report


def build_risk(src: Sources, options: dict) -> Report:
    report = _report(src, "risk")
    report.subtitle = _(
        "Resilience and security: company check, backups, recovery, dependencies, support, "
        "accepted risks"
    )
    support = sections.landscape(src)
    support.key, support.title = "support", _("End of support")
    support.figures = [f for f in support.figures if f.key == "support_ending"]
    report.chapters = [
        risk.company_check(src),
        risk.backups(src),
        risk.recovery(src),
        risk.people_and_vendors(src),
        support,
        risk.accepted_risks(src),
    ]
    return report


def build_consulting(src: Sources, options: dict) -> Report:
    report = _report(src, "consulting")
    chosen = options.get("chapters") or CHAPTER_KEYS
    texts = options.get("texts") or {}
    for key in CHAPTER_KEYS:
        if key in chosen:
            chapter = consulting.BUILDERS[key](src)
            chapter.free_text = texts.get(key, "")
            report.chapters.append(chapter)
    return report


def _report(src: Sources, kind: str) -> Report:
    return Report(
        kind=kind,
        title=str(ReportKind(kind).label),
        organisation=src.organisation.name,
        language=src.language,
        as_of=src.today,
        assumptions=sections.assumptions(src),
        system_names=tuple(sorted({system.name for system in src.systems_in_use})),
    )


BUILDERS: dict[str, Callable[[Sources, dict], Report]] = {
    "summary": build_summary,
    "risk": build_risk,
    "consulting": build_consulting,
}
