"""The demo's assessments and overrides, from the data module that belongs to each organisation.

Guided axes are computed from their answers the same way the form computes them.
"""

from datetime import date
from types import ModuleType

from leitstand.assessment.models import (
    AXIS_CHOICES,
    Assessment,
    RecommendationOverride,
    ScoreMethod,
)
from leitstand.assessment.recommendations import assessment_record, recommendation_for
from leitstand.assessment.scoring import fact_bounds, guided_score
from leitstand.assessment.selectors import latest_assessment, system_facts
from leitstand.demo import muster_logistik_assessment
from leitstand.inventory.models import System
from leitstand.tenancy.models import Membership, Organisation, Role

ASSESSMENT_DATA: dict[str, ModuleType] = {"muster-logistik": muster_logistik_assessment}


def _assess(system: System, day: date, axes: dict, assessor) -> None:
    bounds = fact_bounds(system_facts(system, today=day))
    fields: dict = {"answers": {}}
    for axis in AXIS_CHOICES:
        given = axes[axis]
        if isinstance(given, dict):
            fields[axis] = guided_score(axis, given, bounds).value
            fields[f"{axis}_method"] = ScoreMethod.GUIDED
            fields["answers"].update(given)
        else:
            fields[axis] = given
            fields[f"{axis}_method"] = ScoreMethod.DIRECT
    assessment = Assessment(
        organisation=system.organisation,
        system=system,
        assessed_on=day,
        notes=axes.get("notes", ""),
        assessed_by=assessor,
        **fields,
    )
    assessment.full_clean()
    assessment.save()


def _override(system: System, strategy: str, reason: str, assessor) -> None:
    computed, _snapshot = recommendation_for(
        system, assessment_record(latest_assessment(system)), None
    )
    override = RecommendationOverride(
        organisation=system.organisation,
        system=system,
        strategy=strategy,
        reason=reason,
        computed_strategy=computed.computed_strategy or "",
        decided_by=assessor,
    )
    override.full_clean()
    override.save()


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    module = ASSESSMENT_DATA.get(organisation.slug)
    if module is None:
        return
    systems = {
        system.name: system
        for system in System.objects.for_org(organisation).prefetch_related("capabilities")
    }
    owner = Membership.objects.filter(organisation=organisation, role=Role.OWNER).first()
    assessor = owner.user if owner else None
    for name, day, axes in [*module.EARLIER, *module.CURRENT]:
        _assess(systems[name], day, axes, assessor)
    for name, strategy, reason in module.OVERRIDES:
        _override(systems[name], strategy, reason, assessor)
