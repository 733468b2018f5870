"""The consultant's home: every organisation the user belongs to as a row of a client overview.

Per client: last activity (the newest entry of its change log), systems in use, open high
findings, the latest company check (result and date), the latest maturity assessment, the next
roadmap milestone due, and a warning when nothing was changed or confirmed for six months.
"""

from dataclasses import dataclass
from datetime import date, datetime

from auditlog.models import LogEntry
from django.db.models import Count
from django.utils import timezone

from leitstand.analysis.vocabulary import Severity
from leitstand.core.dates import add_months
from leitstand.inventory.models import System
from leitstand.landscape.cache import analysis_if_ready
from leitstand.maturity import selectors as maturity
from leitstand.roadmap.models import Milestone
from leitstand.security_check import selectors as company_check
from leitstand.tenancy.models import Membership, Organisation

STALE_AFTER_MONTHS = 6
SORTS = ("name", "activity", "systems", "findings", "check", "maturity", "milestone")


@dataclass
class ClientRow:
    organisation: Organisation
    role_label: str
    last_activity: datetime | None
    systems: int
    high_findings: int | None  # None: being computed
    check_percent: object | None  # Decimal, per cent of the maximum
    check_on: date | None
    check_url: str
    maturity_score: object | None  # Decimal 0-100
    maturity_on: date | None
    maturity_url: str
    milestone: Milestone | None
    stale: bool  # no change or confirmation for six months


def _high_findings(organisation: Organisation) -> int | None:
    """None while the analysis of an organisation beyond the supported size is computed in
    the background."""
    analysis = analysis_if_ready(organisation)
    if analysis is None:
        return None
    return sum(1 for finding in analysis.findings if finding.severity == Severity.HIGH)


def client_rows(user, today: date | None = None) -> list[ClientRow]:
    today = today or timezone.localdate()
    stale_before = add_months(today, -STALE_AFTER_MONTHS)
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    ids = [m.organisation_id for m in memberships]
    systems = dict(
        System.objects.filter(organisation_id__in=ids)
        .in_use()
        .values_list("organisation_id")
        .annotate(n=Count("pk"))
    )
    rows = []
    for membership in memberships:
        organisation = membership.organisation
        last = (
            LogEntry.objects.filter(additional_data__organisation=organisation.pk)
            .order_by("-timestamp")
            .values_list("timestamp", flat=True)
            .first()
        )
        check = company_check.latest_completed(organisation)
        check_result = company_check.result_of(check) if check else None
        assessment = maturity.latest_completed(organisation)
        maturity_result = maturity.result_of(assessment) if assessment else None
        milestone = (
            Milestone.objects.filter(organisation=organisation, done=False)
            .select_related("initiative")
            .order_by("due_on")
            .first()
        )
        high = _high_findings(organisation) if systems.get(organisation.pk) else 0
        rows.append(
            ClientRow(
                organisation=organisation,
                role_label=membership.get_role_display(),
                last_activity=last,
                systems=systems.get(organisation.pk, 0),
                high_findings=high,
                check_percent=check_result.percent if check_result else None,
                check_on=check.checked_on if check else None,
                check_url=check.get_absolute_url() if check else "",
                maturity_score=maturity_result.overall if maturity_result else None,
                maturity_on=assessment.assessed_on if assessment else None,
                maturity_url=assessment.get_absolute_url() if assessment else "",
                milestone=milestone,
                stale=last is None or timezone.localdate(last) < stale_before,
            )
        )
    return rows


def _sort_key(key: str):
    far = date.max
    return {
        "name": lambda r: r.organisation.name.casefold(),
        "activity": lambda r: r.last_activity or timezone.make_aware(datetime.min.replace(year=1)),
        "systems": lambda r: r.systems,
        "findings": lambda r: -1 if r.high_findings is None else r.high_findings,
        "check": lambda r: r.check_percent if r.check_percent is not None else -1,
        "maturity": lambda r: r.maturity_score if r.maturity_score is not None else -1,
        "milestone": lambda r: r.milestone.due_on if r.milestone else far,
    }[key]


def sorted_and_filtered(rows: list[ClientRow], params) -> list[ClientRow]:
    """?q= part of the name, ?stale=1 only those with the six-month warning,
    ?sort=<key> or -<key> (SORTS)."""
    query = (params.get("q") or "").strip().casefold()
    if query:
        rows = [r for r in rows if query in r.organisation.name.casefold()]
    if params.get("stale"):
        rows = [r for r in rows if r.stale]
    sort = params.get("sort") or "name"
    key = sort.lstrip("-")
    if key in SORTS:
        rows = sorted(rows, key=_sort_key(key), reverse=sort.startswith("-"))
    return rows
