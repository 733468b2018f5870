"""Loads the demo's business impacts (`<organisation-slug>.yaml` beside this file).

Each impact names its process; the damage table lists, per category, the rating after
1 hour, 4 hours, 1 day, 3 days and 1 week.
"""

from leitstand.analysis.continuity.impact import DAMAGE_POINTS_HOURS, damage_field
from leitstand.continuity.models import BusinessImpact
from leitstand.continuity.services import save_business_impact
from leitstand.processes.models import Process
from leitstand.tenancy.models import Organisation


def load_demo(organisation: Organisation, data: dict) -> None:
    processes = {p.name: p for p in Process.objects.for_org(organisation)}
    for record in data.get("business_impacts", []):
        fields = dict(record)
        for category, ratings in fields.pop("damage", {}).items():
            for hours, rating in zip(DAMAGE_POINTS_HOURS, ratings, strict=True):
                fields[damage_field(category, hours)] = rating
        impact = BusinessImpact(organisation=organisation, process=processes[fields.pop("process")])
        save_business_impact(impact, fields, actor=None)
