"""Assessments as analysis records (`Snapshot.assessments`, `Snapshot.overrides`): the latest
per system and the overrides, one query each. Registered in `AssessmentConfig.ready()`."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from leitstand.analysis import snapshot as snap
from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.tenancy.models import Organisation

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
        .values_list("system_id", "criticality", "health", "integration", "assessed_on")
    )
    return tuple(
        snap.Assessment(
            system_id=system_id,
            criticality=criticality,
            health=health,
            integration=integration,
            assessed_on=assessed_on,
        )
        for system_id, criticality, health, integration, assessed_on in rows
    )


def override_records(organisation: Organisation, system_ids=None) -> tuple[snap.Override, ...]:
    rows = RecommendationOverride.objects.for_org(organisation)
    if system_ids is not None:
        rows = rows.filter(system_id__in=system_ids)
    rows = rows.order_by("system_id").values_list("system_id", "strategy", "reason")
    return tuple(
        snap.Override(system_id=system_id, strategy=strategy, reason=reason)
        for system_id, strategy, reason in rows
    )
