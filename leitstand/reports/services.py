"""Making and deleting reports: every report is kept as a snapshot (who, when, which data, its
key figures) with its PDF and xlsx. Small organisations get theirs at once; large ones are
rendered by the task worker (`leitstand db_worker`) while the page shows the progress."""

# Formulas and ranges use the multiplication, division and minus signs people read.
# ruff: noqa: RUF001

import logging
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from leitstand.inventory.models import System
from leitstand.reports.changes import changes_since, snapshot_figures
from leitstand.reports.document import Report
from leitstand.reports.kinds import BUILDERS
from leitstand.reports.models import (
    Letterhead,
    ReportKind,
    ReportSettings,
    ReportSnapshot,
    ReportStatus,
)
from leitstand.reports.render import render_pdf, render_xlsx
from leitstand.reports.sources import sources_for
from leitstand.tenancy.models import Organisation
from leitstand.tenancy.stamps import landscape_token

logger = logging.getLogger(__name__)


class UnknownKind(ValueError):
    pass


def check_kind(kind: str) -> str:
    if kind not in ReportKind.values:
        raise UnknownKind(kind)
    return kind


def author_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def build_report(
    organisation: Organisation, kind: str, language: str, options: dict | None = None
) -> Report:
    """The report's content in `language`, from the organisation's current analysis."""
    with translation.override(language):
        report = BUILDERS[check_kind(kind)](sources_for(organisation), options or {})
    report.language = language
    return report


def previous_snapshot(snapshot: ReportSnapshot) -> ReportSnapshot | None:
    """The last finished report of the same kind made before this one."""
    return (
        ReportSnapshot.objects.for_org(snapshot.organisation)
        .without_files()
        .filter(kind=snapshot.kind, status=ReportStatus.DONE, created_at__lte=snapshot.created_at)
        .exclude(pk=snapshot.pk)
        .order_by("-created_at", "-pk")
        .first()
    )


def _progress(snapshot: ReportSnapshot, percent: int, status: str = ReportStatus.RUNNING) -> None:
    snapshot.progress, snapshot.status = percent, status
    ReportSnapshot.objects.filter(pk=snapshot.pk).update(progress=percent, status=status)


def render_snapshot(snapshot: ReportSnapshot) -> ReportSnapshot:
    """Write the snapshot's report (PDF and xlsx) and keep its key figures; a failure is kept
    on the snapshot with its reason and logged, and the page says so."""
    _progress(snapshot, 5)
    organisation = snapshot.organisation
    try:
        report = build_report(organisation, snapshot.kind, snapshot.language, snapshot.options)
        report.author = snapshot.options.get("author") or author_name(snapshot.created_by)
        _progress(snapshot, 40)
        changes = changes_since(previous_snapshot(snapshot), report)
        with translation.override(snapshot.language):
            extra = {
                "engagement": engagement_text(snapshot.options),
                "logo_uri": logo_uri(organisation),
            }
            pdf = render_pdf(report, changes, extra)
            _progress(snapshot, 80)
            xlsx = render_xlsx(report, changes)
    except Exception as error:  # kept on the snapshot: the page shows it failed, the log why
        logger.exception("Report %s of %s failed", snapshot.pk, organisation.slug)
        snapshot.status, snapshot.error = ReportStatus.FAILED, str(error)[:2000]
        snapshot.save(update_fields=["status", "error"])
        return snapshot
    snapshot.pdf, snapshot.xlsx = pdf, xlsx
    snapshot.figures = snapshot_figures(report)
    snapshot.status, snapshot.progress = ReportStatus.DONE, 100
    snapshot.finished_at = timezone.now()
    snapshot.save(update_fields=["pdf", "xlsx", "figures", "status", "progress", "finished_at"])
    return snapshot


def engagement_text(options: dict) -> str:
    """The engagement's dates in the active language (short dates, from and until)."""
    start, end = options.get("engagement_start"), options.get("engagement_end")
    if not start and not end:
        return ""

    def written(value: str) -> str:
        return date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT") if value else "…"

    return _("engagement %(start)s – %(end)s") % {"start": written(start), "end": written(end)}


def create_snapshot(
    organisation: Organisation,
    kind: str,
    language: str,
    user=None,
    options: dict | None = None,
    created_by_name: str = "",
) -> ReportSnapshot:
    """A new snapshot, waiting to be rendered: when, by whom, on which state of the data."""
    check_kind(kind)
    return ReportSnapshot.objects.create(
        organisation=organisation,
        kind=kind,
        language=language,
        created_by=user,
        created_by_name=created_by_name or author_name(user),
        options=options or {},
        data_stamp=str(landscape_token(organisation)),
        systems=System.objects.for_org(organisation).count(),
    )


def renders_in_background(snapshot: ReportSnapshot) -> bool:
    return snapshot.systems > settings.LEITSTAND_REPORT_INLINE_SYSTEMS


def generate(
    organisation: Organisation,
    kind: str,
    language: str,
    user=None,
    options: dict | None = None,
    enqueue: Callable[[int], None] | None = None,
) -> ReportSnapshot:
    """Make a report: at once for a small organisation, else by `enqueue(snapshot_id)`."""
    snapshot = create_snapshot(organisation, kind, language, user, options)
    if enqueue is not None and renders_in_background(snapshot):
        transaction.on_commit(lambda: enqueue(snapshot.pk))
        return snapshot
    return render_snapshot(snapshot)


def save_settings(organisation: Organisation, kind: str, options: dict) -> ReportSettings:
    """Keep the consultant's choices (chapters, text per chapter, dates) for the next report."""
    row, _created = ReportSettings.objects.get_or_create(organisation=organisation, kind=kind)
    row.chapters = options.get("chapters", [])
    row.texts = options.get("texts", {})
    row.engagement_start = options.get("engagement_start") or None
    row.engagement_end = options.get("engagement_end") or None
    row.author = options.get("author", "")
    row.save()
    return row


def logo_uri(organisation: Organisation) -> str:
    letterhead = Letterhead.objects.for_org(organisation).first()
    return letterhead.data_uri if letterhead else ""


def save_logo(organisation: Organisation, data: bytes, content_type: str) -> Letterhead:
    letterhead = Letterhead.objects.for_org(organisation).first() or Letterhead(
        organisation=organisation
    )
    letterhead.logo, letterhead.content_type = data, content_type
    letterhead.save()
    return letterhead


def remove_logo(organisation: Organisation) -> None:
    for letterhead in Letterhead.objects.for_org(organisation):
        letterhead.delete()


def delete_snapshot(snapshot: ReportSnapshot) -> None:
    snapshot.delete()


def inline_limit() -> int:
    return settings.LEITSTAND_REPORT_INLINE_SYSTEMS
