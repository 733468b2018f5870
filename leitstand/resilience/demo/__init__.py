"""Loads the demo's resilience facts per system (`<organisation-slug>.yaml` beside this file):
backups, restore tests, updates, second factor, emergency plans; people by name."""

from leitstand.core.demo import with_decimals
from leitstand.inventory.models import Person, System
from leitstand.resilience.models import SystemResilience
from leitstand.resilience.services import save_resilience
from leitstand.tenancy.models import Organisation


def load_demo(organisation: Organisation, data: dict) -> None:
    systems = {system.name: system for system in System.objects.for_org(organisation)}
    people = {person.name: person for person in Person.objects.for_org(organisation)}
    for system_name, record in data.get("systems", {}).items():
        fields = with_decimals(SystemResilience, record)
        responsible = fields.pop("backup_responsible", None)
        facts = SystemResilience(organisation=organisation, system=systems[system_name])
        save_resilience(
            facts, {**fields, "backup_responsible": people.get(responsible)}, actor=None
        )
