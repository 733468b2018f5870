"""Findings and gaps ready for a page: labels and explanations in the reader's language, links."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import NoReverseMatch, reverse

from leitstand.analysis.findings import DataGap, Finding, Subject
from leitstand.core.wording import GAP_FIELDS, KINDS, SEVERITIES, render, render_all

SUBJECT_VIEWS = {
    "system": "inventory:system_detail",
    "integration": "flows:integration_detail",
    "data_object": "flows:data_object_detail",
    "capability": "inventory:capability_detail",
    "process": "processes:process_detail",
    "person": "inventory:person_detail",
    "vendor": "inventory:vendor_detail",
}

#: A finding names its first subject and up to eight more; the rest is counted (an overlap
#: or the isolated systems of a large landscape name thousands).
SHOWN_SUBJECTS = 9
_PLACEHOLDER_PK = 999999999

#: Bootstrap colour per severity.
SEVERITY_COLOURS = {"high": "danger", "medium": "warning", "low": "info", "info": "secondary"}


@dataclass(frozen=True)
class SubjectLink:
    type: str
    name: str
    url: str


@dataclass(frozen=True)
class FindingView:
    kind: str
    kind_label: str
    severity: str
    severity_label: str
    colour: str
    subjects: tuple[SubjectLink, ...]  # the first SHOWN_SUBJECTS
    subject_count: int  # all of them
    eur_per_year: Decimal | None
    hours_per_year: Decimal | None
    explanation: str
    action: str


@dataclass(frozen=True)
class GapView:
    field: str
    field_label: str
    subjects: tuple[SubjectLink, ...]
    explanation: str


def subject_url(org_slug: str, subject: Subject) -> str:
    view = SUBJECT_VIEWS.get(subject.type)
    if view is None:
        return ""
    try:
        return reverse(view, kwargs={"org": org_slug, "pk": subject.id})
    except NoReverseMatch:
        return ""


def links(
    org_slug: str, subjects: tuple[Subject, ...], patterns: dict[str, str] | None = None
) -> tuple[SubjectLink, ...]:
    """Links to the subjects, one URL lookup per type (a gap or finding may name many; a
    page that links many findings' subjects passes one `patterns` dict for all of them)."""
    patterns = {} if patterns is None else patterns
    found = []
    for subject in subjects:
        if subject.type not in patterns:
            placeholder = subject_url(org_slug, Subject(subject.type, _PLACEHOLDER_PK, ""))
            patterns[subject.type] = placeholder.replace(str(_PLACEHOLDER_PK), "{pk}")
        pattern = patterns[subject.type]
        found.append(
            SubjectLink(
                subject.type, subject.name, pattern.format(pk=subject.id) if pattern else ""
            )
        )
    return tuple(found)


def present_finding(finding: Finding, org_slug: str) -> FindingView:
    return FindingView(
        kind=finding.kind,
        kind_label=str(KINDS[finding.kind]),
        severity=finding.severity.value,
        severity_label=str(SEVERITIES[finding.severity.value]),
        colour=SEVERITY_COLOURS[finding.severity.value],
        subjects=links(org_slug, finding.subjects[:SHOWN_SUBJECTS]),
        subject_count=len(finding.subjects),
        eur_per_year=finding.eur_per_year,
        hours_per_year=finding.hours_per_year,
        explanation=render_all(finding.explanation),
        action=render(finding.action),
    )


def present_gap(gap: DataGap, org_slug: str) -> GapView:
    return GapView(
        field=gap.field,
        field_label=str(GAP_FIELDS[gap.field]),
        subjects=links(org_slug, gap.subjects),
        explanation=render(gap.message),
    )
