"""Reads of assessments: the latest per system for the analysis, a system's facts and history."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from leitstand.analysis import snapshot as snap
from leitstand.analysis.vocabulary import FlowStatus
from leitstand.assessment.models import AXIS_CHOICES, Assessment, RecommendationOverride
from leitstand.assessment.questions import answer_texts
from leitstand.assessment.scoring import AUTOMATIC, FILE_LIKE, SystemFacts
from leitstand.flows.models import Integration
from leitstand.inventory.models import System
from leitstand.tenancy.models import Organisation

AXES = tuple(AXIS_CHOICES)
NEWEST_FIRST = ("-assessed_on", "-created_at", "-pk")


def latest_assessments(organisation: Organisation, system_ids=None) -> tuple[snap.Assessment, ...]:
    """The newest assessment of each system (one query: a window over each system's rows)."""
    rows = Assessment.objects.for_org(organisation)
    if system_ids is not None:
        rows = rows.filter(system_id__in=system_ids)
    rows = (
        rows.annotate(
            newest=Window(
                RowNumber(),
                partition_by=[F("system_id")],
                order_by=[F(field.lstrip("-")).desc() for field in NEWEST_FIRST],
            )
        )
        .filter(newest=1)
        .order_by("system_id")
        .values_list("system_id", *AXES, "assessed_on")
    )
    return tuple(snap.Assessment(*row) for row in rows)


def override_records(organisation: Organisation, system_ids=None) -> tuple[snap.Override, ...]:
    rows = RecommendationOverride.objects.for_org(organisation)
    if system_ids is not None:
        rows = rows.filter(system_id__in=system_ids)
    rows = rows.order_by("system_id").values_list("system_id", "strategy", "reason")
    return tuple(snap.Override(*row) for row in rows)


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
