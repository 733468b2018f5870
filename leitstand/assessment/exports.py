"""The assessment's sheets in the xlsx/csv export (registered in apps.py)."""

from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.core.sheets import Column, ExportSheet, field, related
from leitstand.tenancy.models import Organisation


def _assessments(organisation: Organisation) -> QuerySet:
    return (
        Assessment.objects.for_org(organisation)
        .select_related("system", "assessed_by")
        .order_by(Lower("system__name"), "-assessed_on", "-created_at")
    )


def _overrides(organisation: Organisation) -> QuerySet:
    return (
        RecommendationOverride.objects.for_org(organisation)
        .select_related("system", "decided_by")
        .order_by(Lower("system__name"))
    )


ASSESSMENT_SHEETS = (
    ExportSheet(
        "assessments",
        _("Assessments"),
        _assessments,
        (
            Column(_("System"), related("system")),
            field("assessed_on", _("Assessed on")),
            field("criticality", _("Business criticality")),
            field("criticality_method", _("Criticality set")),
            field("health", _("Technical health")),
            field("health_method", _("Health set")),
            field("integration", _("Integration capability")),
            field("integration_method", _("Integration set")),
            Column(_("Assessed by"), related("assessed_by")),
            field("notes", _("Reasons and remarks")),
        ),
    ),
    ExportSheet(
        "recommendation_overrides",
        _("Recommendation overrides"),
        _overrides,
        (
            Column(_("System"), related("system")),
            field("strategy", _("Strategy")),
            field("computed_strategy", _("Computed strategy at the time")),
            field("reason", _("Reason")),
            Column(_("Decided by"), related("decided_by")),
            field("updated_at", _("Last changed")),
        ),
    ),
)
