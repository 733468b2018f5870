"""Business impacts as analysis records (`Snapshot.business_impacts`), in one query."""

from leitstand.analysis.continuity.impact import DAMAGE_FIELDS, BusinessImpact
from leitstand.continuity import models
from leitstand.tenancy.models import Organisation

FIGURES = [
    "rto_hours",
    "rpo_hours",
    "margin_percent",
    "people_idle",
    "penalty_per_hour",
    "operating_hours_per_day",
]


def business_impact_records(organisation: Organisation) -> tuple[BusinessImpact, ...]:
    rows = (
        models.BusinessImpact.objects.for_org(organisation)
        .order_by("process_id")
        .values_list("process_id", *FIGURES, *DAMAGE_FIELDS)
    )
    return tuple(
        BusinessImpact(
            process_id=row[0],
            **dict(zip(FIGURES, row[1 : len(FIGURES) + 1], strict=True)),
            damage=dict(zip(DAMAGE_FIELDS, row[len(FIGURES) + 1 :], strict=True)),
        )
        for row in rows
    )
