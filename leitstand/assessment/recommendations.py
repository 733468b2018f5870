"""The recommendation of one system without loading the whole landscape.

The rules read the system itself and, for overlaps, the systems in operation that share a
capability with it (its overlap groups are complete with them). So a small snapshot of that
neighbourhood gives exactly the recommendation the full analysis gives, in a few queries.
"""

from django.utils import timezone

from leitstand.analysis import snapshot as snap
from leitstand.analysis.overlaps import overlap_groups
from leitstand.analysis.portfolio import Recommendation, recommend_portfolio
from leitstand.analysis.vocabulary import IN_OPERATION
from leitstand.assessment.models import AXIS_CHOICES, Assessment, RecommendationOverride
from leitstand.inventory.models import System
from leitstand.inventory.records import system_records
from leitstand.landscape.snapshot import organisation_settings


def assessment_record(assessment: Assessment | None) -> snap.Assessment | None:
    if assessment is None:
        return None
    values = (getattr(assessment, axis) for axis in AXIS_CHOICES)
    return snap.Assessment(assessment.system_id, *values, assessment.assessed_on)


def override_record(override: RecommendationOverride | None) -> snap.Override | None:
    if override is None:
        return None
    return snap.Override(override.system_id, override.strategy, override.reason)


def neighbourhood_snapshot(
    system: System, assessment: snap.Assessment | None, override: snap.Override | None
) -> snap.Snapshot:
    """The system and the systems in operation sharing a capability with it."""
    organisation = system.organisation
    capabilities = list(system.capabilities.all())  # prefetched on the system page
    neighbours = set()
    if capabilities:
        neighbours = set(
            System.objects.for_org(organisation)
            .filter(capabilities__in=capabilities, lifecycle__in=IN_OPERATION)
            .values_list("pk", flat=True)
        )
    return snap.Snapshot(
        settings=organisation_settings(organisation),
        systems=system_records(organisation, sorted(neighbours | {system.pk})),
        capabilities=tuple(snap.Capability(c.pk, c.name, c.differentiating) for c in capabilities),
        assessments=(assessment,) if assessment else (),
        overrides=(override,) if override else (),
        as_of=timezone.localdate(),
    )


def recommendation_for(
    system: System, assessment: snap.Assessment | None, override: snap.Override | None
) -> tuple[Recommendation, snap.Snapshot]:
    """The system's recommendation with this assessment (the latest, or one to preview)."""
    snapshot = neighbourhood_snapshot(system, assessment, override)
    overlaps = overlap_groups(snapshot, {})  # no flows loaded: they only add to the savings
    (recommendation,) = recommend_portfolio(snapshot, overlaps, only=frozenset({system.pk}))
    return recommendation, snapshot
