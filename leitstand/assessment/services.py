"""The one write path of assessments and overrides: the pages, the API and the demo call these
(the import writes its batch with record_imported_assessments, checked by the same model
rules). Each leaves one audit entry (django-auditlog) with its actor."""

from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.assessment.recommendations import assessment_record, recommendation_for
from leitstand.assessment.selectors import latest_assessment
from leitstand.core.audit import delete_object, save_values


def record_assessment(assessment: Assessment, values: dict, *, actor) -> Assessment:
    """Save an assessment as a dated entry of the system's history; a new one is by the actor
    unless `values` name who assessed it."""
    if assessment.pk is None:
        values = {"assessed_by": actor, **values}
    return save_values(assessment, values, actor)


def record_imported_assessments(assessments: list[Assessment], user) -> list[Assessment]:
    """Save assessments read from a spreadsheet as new dated entries of each system's history,
    in one insert (the import writes one audit entry for its whole batch). Each is checked
    with the model's own rules first (scores 1 to 4, not in the future, health capped past
    the end of support), with the system as the import planned it."""
    for assessment in assessments:
        assessment.full_clean(exclude=["system", "organisation", "answers"], validate_unique=False)
    return Assessment.objects.bulk_create(assessments, batch_size=1000)


def override_recommendation(
    override: RecommendationOverride, values: dict, *, actor
) -> RecommendationOverride:
    """Set (or change) the system's override, decided by the actor unless `values` say who;
    it keeps the strategy computed from the latest assessment, the one it departs from."""
    system = values.get("system") or override.system
    computed, _snapshot = recommendation_for(
        system, assessment_record(latest_assessment(system)), None
    )
    values = {
        "decided_by": actor,
        **values,
        "computed_strategy": computed.computed_strategy or "",
    }
    return save_values(override, values, actor)


def remove_override(override: RecommendationOverride, *, actor) -> None:
    delete_object(override, actor)


def delete_assessment(assessment: Assessment, *, actor) -> None:
    delete_object(assessment, actor)
