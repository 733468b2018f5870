"""Loads the demo's assessments and overrides (`<organisation-slug>.yaml` beside this file).

An axis given as a number is set directly; given as answers to the guided questions, it is
computed from them the same way the form computes it.
"""

from datetime import date

from leitstand.assessment import services
from leitstand.assessment.models import (
    AXIS_CHOICES,
    Assessment,
    RecommendationOverride,
    ScoreMethod,
)
from leitstand.assessment.scoring import fact_bounds, guided_score
from leitstand.assessment.selectors import system_facts
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
    fields.update(assessed_on=day, notes=record.get("notes", ""), assessed_by=assessor)
    assessment = Assessment(organisation=system.organisation, system=system)
    services.record_assessment(assessment, fields, actor=None)


def _override(system: System, strategy: str, reason: str, assessor) -> None:
    override = RecommendationOverride(organisation=system.organisation, system=system)
    values = {"strategy": strategy, "reason": reason, "decided_by": assessor}
    services.override_recommendation(override, values, actor=None)


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
