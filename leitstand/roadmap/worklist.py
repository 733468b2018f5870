"""The findings as a working list: groups of the same kind and remedy, each member with the
status people gave it (reopened when the data still shows a finding marked done), filtered by
status, owner, severity and kind, and as CSV.

Reads the analysis (kept per landscape) and the organisation's finding statuses in one query,
so the page costs the same few queries at any size.
"""

import csv
import io
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.paginator import Paginator
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from leitstand.analysis import Analysis
from leitstand.analysis.findings import Finding
from leitstand.analysis.worklist import (
    FindingGroup,
    Status,
    WorkStatus,
    finding_identity,
    work_status,
)
from leitstand.core.presenters import SEVERITY_COLOURS, SubjectLink, links
from leitstand.core.sheets import csv_text
from leitstand.core.wording import KINDS, SEVERITIES, render
from leitstand.inventory.models import Person
from leitstand.roadmap.groups import finding_groups, group_action, group_title
from leitstand.roadmap.models import FindingState, FindingStatus

#: Members a group shows on the page; the rest are counted (and in the CSV).
SHOWN_MEMBERS = 25


@dataclass(frozen=True)
class Filters:
    status: str = ""
    owner: str = ""  # a person's id
    severity: str = ""
    kind: str = ""

    @classmethod
    def from_query(cls, params) -> "Filters":
        status = params.get("status", "")
        owner = params.get("owner", "")
        return cls(
            status=status if status in {*Status, "reopened"} else "",
            owner=owner if owner.isdigit() or owner == "none" else "",
            severity=params.get("severity", "")[:10],
            kind=params.get("kind", "")[:60],
        )

    @property
    def active(self) -> bool:
        return bool(self.status or self.owner or self.severity or self.kind)


@dataclass(frozen=True)
class Member:
    finding: Finding
    key: str
    state: FindingState | None
    work: WorkStatus
    subjects: tuple[SubjectLink, ...] = ()  # links, filled for the page's members only

    @property
    def subject_count(self) -> int:
        return len(self.finding.subjects)

    @property
    def status_label(self) -> str:
        return str(FindingStatus(self.work.status).label)


@dataclass
class WorkGroup:
    group: FindingGroup
    members: list[Member] = field(default_factory=list)

    @property
    def title(self) -> str:
        return group_title(self.group)

    @property
    def action(self) -> str:
        return group_action(self.group)

    shown: list[Member] = field(default_factory=list)  # with links, for the page

    @property
    def more(self) -> int:
        return max(len(self.members) - SHOWN_MEMBERS, 0)

    @property
    def counts(self) -> dict[str, int]:
        """Members per status, by the status's label, in the order of the statuses."""
        found: dict[str, int] = {}
        for member in self.members:
            found[member.work.status] = found.get(member.work.status, 0) + 1
        return {str(FindingStatus(s).label): found[s] for s in Status if s in found}

    @property
    def severity_label(self) -> str:
        return str(SEVERITIES.get(self.group.severity, self.group.severity))

    @property
    def colour(self) -> str:
        return SEVERITY_COLOURS.get(self.group.severity, "secondary")

    @property
    def reopened(self) -> int:
        return sum(1 for member in self.members if member.work.reopened)


def states_by_key(organisation) -> dict[str, FindingState]:
    return {
        state.key: state
        for state in FindingState.objects.for_org(organisation).select_related("owner")
    }


def _matches(member: Member, filters: Filters) -> bool:
    finding, state = member.finding, member.state
    if filters.status == "reopened" and not member.work.reopened:
        return False
    if filters.status and filters.status != "reopened" and member.work.status != filters.status:
        return False
    if filters.owner == "none" and state is not None and state.owner_id is not None:
        return False
    if filters.owner.isdigit() and (state is None or state.owner_id != int(filters.owner)):
        return False
    if filters.severity and finding.severity != filters.severity:
        return False
    return not filters.kind or finding.kind == filters.kind


def work_groups(
    analysis: Analysis, organisation, states: dict[str, FindingState], filters: Filters
) -> list[WorkGroup]:
    """Groups with the members that pass the filters; groups left empty are left out."""
    groups = []
    for group in finding_groups(analysis, organisation):
        if filters.kind and group.kind != filters.kind:
            continue
        work = WorkGroup(group)
        for finding in group.findings:
            key = finding_identity(finding)
            state = states.get(key)
            member = Member(finding, key, state, work_status(state.status if state else None, True))
            if _matches(member, filters):
                work.members.append(member)
        if work.members:
            groups.append(work)
    return groups


def resolved_states(analysis: Analysis, states: dict[str, FindingState]) -> list[FindingState]:
    """Statuses whose finding the current data no longer shows (done, or solved otherwise)."""
    present = {finding_identity(finding) for finding in analysis.findings}
    return [state for key, state in sorted(states.items()) if key not in present]


def group_count(analysis: Analysis, organisation) -> int:
    return len(finding_groups(analysis, organisation))


def worklist_csv(groups: list[WorkGroup], german: bool) -> bytes:
    """The filtered list, one row per finding; text a spreadsheet would run is neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if german else ",", lineterminator="\r\n")
    writer.writerow(
        [
            _("Group"),
            _("Kind"),
            _("Severity"),
            _("Subject"),
            _("EUR per year"),
            _("Hours per year"),
            _("Status"),
            _("Reopened"),
            _("Owner"),
            _("Due on"),
            _("Note"),
            _("What to do"),
            _("Finding identity"),
        ]
    )
    for work in groups:
        title = work.title
        for member in work.members:
            finding, state = member.finding, member.state
            writer.writerow(
                csv_text(value)
                for value in (
                    title,
                    KINDS.get(finding.kind, finding.kind),
                    SEVERITIES.get(finding.severity, finding.severity),
                    finding.subjects[0].name if finding.subjects else "",
                    _rounded(finding.eur_per_year),
                    _rounded(finding.hours_per_year),
                    member.status_label,
                    member.work.reopened,
                    state.owner.name if state and state.owner else "",
                    state.due_on if state else None,
                    state.note if state else "",
                    render(finding.action),
                    member.key,
                )
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


GROUPS_PER_PAGE = 20


def worklist_context(request, analysis: Analysis) -> dict:
    """Everything the working list on the findings page shows, for `request.GET`'s filters."""
    organisation = request.org
    filters = Filters.from_query(request.GET)
    states = states_by_key(organisation)
    groups = work_groups(analysis, organisation, states, filters)
    query = {k: v for k, v in vars(filters).items() if v}
    owners = Person.objects.for_org(organisation).filter(
        pk__in={state.owner_id for state in states.values() if state.owner_id}
    )
    page = Paginator(groups, GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    for work in page:
        work.shown = [
            replace(member, subjects=links(organisation.slug, member.finding.subjects[:9]))
            for member in work.members[:SHOWN_MEMBERS]
        ]
    return {
        "filters": filters,
        "groups": groups,
        "page": page,
        "statuses": FindingStatus.choices,
        "owners": owners.order_by("name").values_list("pk", "name"),
        "severities": list(SEVERITIES.items()),
        "kinds": sorted(((k, str(v)) for k, v in KINDS.items()), key=lambda item: item[1]),
        "query": urlencode(query),
        "total_groups": len(groups),
        "total_findings": sum(len(work.members) for work in groups),
        "resolved": resolved_states(analysis, states) if not filters.active else [],
    }
