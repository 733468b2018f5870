"""Reads of assessments: a system's facts and history (the analysis records are in
records.py)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from leitstand.analysis.vocabulary import FlowStatus
from leitstand.assessment.models import AXIS_CHOICES, Assessment, RecommendationOverride
from leitstand.assessment.questions import answer_texts
from leitstand.assessment.records import NEWEST_FIRST
from leitstand.assessment.scoring import AUTOMATIC, FILE_LIKE, SystemFacts
from leitstand.flows.models import Integration
from leitstand.inventory.models import System

AXES = tuple(AXIS_CHOICES)


def system_facts(system: System, today: date | None = None) -> SystemFacts:
    """End of support and the active flows to or from the system, by method (one query)."""
    today = today or timezone.localdate()
    flows = (
        Integration.objects.for_org(system.organisation)
        .filter(Q(source=system) | Q(target=system), status=FlowStatus.ACTIVE)
        .values_list("method", "source_id", "source__name", "target__name")
        .order_by("pk")
    )
    automatic, file_like = [], []
    for method, source_id, source, target in flows:
        partner = target if source_id == system.pk else source
        group = automatic if method in AUTOMATIC else file_like if method in FILE_LIKE else None
        if group is not None and partner not in group:
            group.append(partner)
    eos = system.end_of_support
    return SystemFacts(eos, eos is not None and eos < today, tuple(automatic), tuple(file_like))


@dataclass
class HistoryEntry:
    """An assessment and what changed against the one before it."""

    assessment: Assessment
    previous: Assessment | None
    changes: list[tuple[str, object, object]]  # (axis label, before, after)
    answers: list[tuple[str, str, int]]  # (question, answer, score), in the reader's language


def history(system: System) -> list[HistoryEntry]:
    """The system's assessments, newest first, each with its changes to the previous one."""
    assessments = list(
        Assessment.objects.for_org(system.organisation)
        .filter(system=system)
        .select_related("assessed_by")
        .order_by(*NEWEST_FIRST)
    )
    entries = []
    for index, assessment in enumerate(assessments):
        previous = assessments[index + 1] if index + 1 < len(assessments) else None
        changes = _changes(previous, assessment)
        answers = answer_texts(assessment.answers)
        entries.append(HistoryEntry(assessment, previous, changes, answers))
    return entries


def _changes(before: Assessment | None, after: Assessment) -> list[tuple[str, object, object]]:
    if before is None:
        return []
    changed = []
    for axis in AXES:
        old, new = getattr(before, axis), getattr(after, axis)
        if old != new:
            changed.append((Assessment._meta.get_field(axis).verbose_name, old, new))
    return changed


def latest_assessment(system: System) -> Assessment | None:
    return (
        Assessment.objects.for_org(system.organisation)
        .filter(system=system)
        .select_related("assessed_by")
        .order_by(*NEWEST_FIRST)
        .first()
    )


def current_override(system: System) -> RecommendationOverride | None:
    return (
        RecommendationOverride.objects.for_org(system.organisation)
        .filter(system=system)
        .select_related("decided_by")
        .first()
    )
