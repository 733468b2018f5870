"""Loads the demo's assessments and overrides (`<organisation-slug>.yaml` beside this file).

An axis given as a number is set directly; given as answers to the guided questions, it is
computed from them the same way the form computes it.
"""

from datetime import date

from leitstand.assessment.models import (
    AXIS_CHOICES,
    Assessment,
    RecommendationOverride,
    ScoreMethod,
)
from leitstand.assessment.recommendations import assessment_record, recommendation_for
from leitstand.assessment.scoring import fact_bounds, guided_score
from leitstand.assessment.selectors import latest_assessment, system_facts
from leitstand.core.demo import saved
from leitstand.inventory.models import System
from leitstand.tenancy.models import Membership, Organisation, Role


def _assess(system: System, day: date, record: dict, assessor) -> None:
    bounds = fact_bounds(system_facts(system, today=day))
    fields: dict = {"answers": {}}
    for axis in AXIS_CHOICES:
        given = record[axis]
        if isinstance(given, dict):
            fields[axis] = guided_score(axis, given, bounds).value
            fields[f"{axis}_method"] = ScoreMethod.GUIDED
            fields["answers"].update(given)
        else:
            fields[axis] = given
            fields[f"{axis}_method"] = ScoreMethod.DIRECT
    saved(
        Assessment(
            organisation=system.organisation,
            system=system,
            assessed_on=day,
            notes=record.get("notes", ""),
            assessed_by=assessor,
            **fields,
        )
    )


def _override(system: System, strategy: str, reason: str, assessor) -> None:
    computed, _snapshot = recommendation_for(
        system, assessment_record(latest_assessment(system)), None
    )
    saved(
        RecommendationOverride(
            organisation=system.organisation,
            system=system,
            strategy=strategy,
            reason=reason,
            computed_strategy=computed.computed_strategy or "",
            decided_by=assessor,
        )
    )


def load_demo(organisation: Organisation, data: dict) -> None:
    systems = {
        system.name: system
        for system in System.objects.for_org(organisation).prefetch_related("capabilities")
    }
    owner = Membership.objects.filter(organisation=organisation, role=Role.OWNER).first()
    assessor = owner.user if owner else None
    for record in [*data.get("earlier", []), *data.get("current", [])]:
        _assess(systems[record["system"]], record["assessed_on"], record, assessor)
    for record in data.get("overrides", []):
        _override(systems[record["system"]], record["strategy"], record["reason"], assessor)
