"""Writes of the assessment app; each leaves one audit entry (django-auditlog) with its actor."""

from leitstand.assessment.forms import AssessmentForm, OverrideForm
from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.core.audit import delete_object, save_form


def record_assessment(form: AssessmentForm, user) -> Assessment:
    """Save a validated assessment as a new dated entry of the system's history."""
    form.instance.assessed_by = user
    return save_form(form, user)


def record_imported_assessments(assessments: list[Assessment], user) -> list[Assessment]:
    """Save assessments read from a spreadsheet as new dated entries of each system's history,
    in one insert (the import writes one audit entry for its whole batch). Each is checked
    with the model's own rules first (scores 1 to 4, not in the future, health capped past
    the end of support), with the system as the import planned it."""
    for assessment in assessments:
        assessment.full_clean(exclude=["system", "organisation", "answers"], validate_unique=False)
    return Assessment.objects.bulk_create(assessments, batch_size=1000)


def override_recommendation(
    form: OverrideForm, user, computed_strategy: str | None
) -> RecommendationOverride:
    """Set (or change) the system's override; keeps the computed strategy it departs from."""
    form.instance.decided_by = user
    form.instance.computed_strategy = computed_strategy or ""
    return save_form(form, user)


def remove_override(override: RecommendationOverride, user) -> None:
    delete_object(override, user)


def delete_assessment(assessment: Assessment, user) -> None:
    delete_object(assessment, user)
