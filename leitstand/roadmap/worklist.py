"""The findings as a working list: groups of the same kind and remedy, each member with the
status people gave it (reopened when the data still shows a finding marked done), filtered by
status, owner, severity and kind, and as CSV.

Reads the analysis (kept per landscape) and the organisation's finding statuses in one query,
so the page costs the same few queries at any size.
"""

import csv
import io
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from urllib.parse import quote

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
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
from leitstand.landscape.cache import kept_for_request
from leitstand.roadmap.groups import (
    finding_groups,
    group_action,
    group_figure_note,
    group_title,
)
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


@cache
def _status_label(status: str, language: str | None) -> str:
    return str(FindingStatus(status).label)


def status_label(status: str) -> str:
    """The status's label in the reader's language (looked up once per language)."""
    return _status_label(status, get_language())


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
        return status_label(self.work.status)


@dataclass(frozen=True)
class GroupFigures:
    """What a group shows whatever the filters, worked out once per kept analysis (a large
    landscape's groups have thousands of members)."""

    title: str
    action: str
    severity: str
    eur_per_year: Decimal | None
    hours_per_year: Decimal | None
    note: str  # what the figures add up, where the totals above count otherwise

    @classmethod
    def of(cls, group: FindingGroup) -> "GroupFigures":
        return cls(
            group_title(group),
            group_action(group),
            group.severity,
            group.eur_per_year,
            group.hours_per_year,
            group_figure_note(group),
        )


@dataclass(frozen=True)
class WorkGroup:
    """A group with the members that pass the filters."""

    group: FindingGroup
    figures: GroupFigures
    members: tuple[Member, ...]
    counts: dict[str, int]  # members per status, by the status's label, in the statuses' order
    reopened: int
    shown: tuple[Member, ...] = ()  # with links, for the page

    @classmethod
    def of(cls, group: FindingGroup, figures: GroupFigures, members) -> "WorkGroup":
        found: dict[str, int] = {}
        for member in members:
            found[member.work.status] = found.get(member.work.status, 0) + 1
        return cls(
            group=group,
            figures=figures,
            members=tuple(members),
            counts={str(FindingStatus(s).label): found[s] for s in Status if s in found},
            reopened=sum(1 for member in members if member.work.reopened),
        )

    title = property(lambda self: self.figures.title)
    action = property(lambda self: self.figures.action)
    eur_per_year = property(lambda self: self.figures.eur_per_year)  # of the whole group
    hours_per_year = property(lambda self: self.figures.hours_per_year)
    figure_note = property(lambda self: self.figures.note)

    @property
    def more(self) -> int:
        return max(len(self.members) - SHOWN_MEMBERS, 0)

    @property
    def severity_label(self) -> str:
        return str(SEVERITIES.get(self.figures.severity, self.figures.severity))

    @property
    def colour(self) -> str:
        return SEVERITY_COLOURS.get(self.figures.severity, "secondary")


@dataclass(frozen=True)
class KeptWorklist:
    """Every group with all its members and their statuses, before any filter."""

    states: dict[str, FindingState]
    groups: tuple[tuple[FindingGroup, GroupFigures, tuple[Member, ...]], ...]
    unfiltered: tuple[WorkGroup, ...]
    resolved: tuple[FindingState, ...]


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


def all_members(
    analysis: Analysis, organisation, states: dict[str, FindingState]
) -> tuple[tuple[FindingGroup, GroupFigures, tuple[Member, ...]], ...]:
    statuses: dict[str | None, WorkStatus] = {}  # one per stored status: they are few
    found = []
    for group in finding_groups(analysis, organisation):
        members = []
        for finding in group.findings:
            key = finding_identity(finding)
            state = states.get(key)
            stored = state.status if state else None
            if stored not in statuses:
                statuses[stored] = work_status(stored, True)
            members.append(Member(finding, key, state, statuses[stored]))
        found.append((group, GroupFigures.of(group), tuple(members)))
    return tuple(found)


def _filtered(groups, filters: Filters) -> list[WorkGroup]:
    """Groups with the members that pass the filters; groups left empty are left out."""
    kept = []
    for group, figures, members in groups:
        if filters.kind and group.kind != filters.kind:
            continue
        matching = [member for member in members if _matches(member, filters)]
        if matching:
            kept.append(WorkGroup.of(group, figures, matching))
    return kept


def work_groups(
    analysis: Analysis, organisation, states: dict[str, FindingState], filters: Filters
) -> list[WorkGroup]:
    """Groups with the members that pass the filters; groups left empty are left out."""
    return _filtered(all_members(analysis, organisation, states), filters)


def kept_worklist(request, analysis: Analysis) -> KeptWorklist:
    """The unfiltered working list, kept with the analysis: statuses are rows of the
    landscape, so a change to one renews the landscape stamp."""

    organisation = request.org

    def compute() -> KeptWorklist:
        states = states_by_key(organisation)
        groups = all_members(analysis, organisation, states)
        return KeptWorklist(
            states=states,
            groups=groups,
            unfiltered=tuple(_filtered(groups, Filters())),
            resolved=tuple(resolved_states(analysis, states)),
        )

    return kept_for_request(request, "worklist", compute)


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
    kept = kept_worklist(request, analysis)
    groups = _filtered(kept.groups, filters) if filters.active else list(kept.unfiltered)
    query = {k: v for k, v in vars(filters).items() if v}
    owners = Person.objects.for_org(organisation).filter(
        pk__in={state.owner_id for state in kept.states.values() if state.owner_id}
    )
    page = Paginator(groups, GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    patterns: dict[str, str] = {}  # one URL lookup per subject type for the whole page
    page.object_list = [
        replace(
            work,
            shown=tuple(
                replace(
                    member,
                    subjects=links(organisation.slug, member.finding.subjects[:9], patterns),
                )
                for member in work.members[:SHOWN_MEMBERS]
            ),
        )
        for work in page.object_list
    ]
    return {
        "filters": filters,
        "groups": groups,
        "page": page,
        # the status form's address, and the page to come back to, once for every row
        "status_url": reverse("roadmap:finding_status", kwargs={"org": organisation.slug}),
        "back": quote(request.get_full_path(), safe="/"),  # as the urlencode filter
        "statuses": FindingStatus.choices,
        "owners": owners.order_by("name").values_list("pk", "name"),
        "severities": list(SEVERITIES.items()),
        "kinds": sorted(((k, str(v)) for k, v in KINDS.items()), key=lambda item: item[1]),
        "query": urlencode(query),
        "total_groups": len(groups),
        "total_findings": sum(len(work.members) for work in groups),
        "resolved": kept.resolved if not filters.active else [],
    }
