"""The recommendation of one system without loading the whole landscape.

The rules read the system itself, its flows (the manual hours a wrap would end), the processes
whose steps use it and, for overlaps, the systems in operation that share a capability with it
(its overlap groups are complete with them). So a small snapshot of that neighbourhood gives
exactly the recommendation the full analysis gives, in a few queries.
"""

from django.utils import timezone

from leitstand.analysis import snapshot as snap
from leitstand.analysis.costs import figures_by_integration
from leitstand.analysis.overlaps import overlap_groups
from leitstand.analysis.portfolio import Recommendation, recommend_portfolio
from leitstand.analysis.vocabulary import IN_OPERATION
from leitstand.assessment.models import AXIS_CHOICES, Assessment, RecommendationOverride
from leitstand.flows.records import integration_records
from leitstand.inventory.models import System
from leitstand.inventory.records import system_records
from leitstand.landscape.snapshot import organisation_settings
from leitstand.processes.models import ProcessStep
from leitstand.processes.records import process_records
from leitstand.resilience.records import resilience_records


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
    flows = integration_records(organisation, touching=system.pk)
    process_ids = list(
        ProcessStep.objects.for_org(organisation)
        .filter(system=system)
        .values_list("process_id", flat=True)
        .distinct()
    )
    return snap.Snapshot(
        settings=organisation_settings(organisation),
        systems=system_records(organisation, sorted(neighbours | {system.pk})),
        integrations=flows,
        processes=process_records(organisation, process_ids) if process_ids else (),
        resilience=resilience_records(organisation, [system.pk]),
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
    figures = figures_by_integration(snapshot.integrations, snapshot.settings)
    overlaps = overlap_groups(snapshot, figures)  # flows of the system only: savings may be low
    (recommendation,) = recommend_portfolio(
        snapshot, overlaps, only=frozenset({system.pk}), figures=figures
    )
    return recommendation, snapshot
