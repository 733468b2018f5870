"""Writes of the assessment app; each leaves one audit entry (django-auditlog) with its actor."""

from leitstand.assessment.forms import AssessmentForm, OverrideForm
from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.core.audit import delete_object, save_form


def record_assessment(form: AssessmentForm, user) -> Assessment:
    """Save a validated assessment as a new dated entry of the system's history."""
    form.instance.assessed_by = user
    return save_form(form, user)


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
