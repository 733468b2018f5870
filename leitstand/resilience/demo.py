"""The demo's resilience facts (leitstand/demo/*_resilience.py).

A demo organisation whose data module has no resilience module (the bakery) gets none.
"""

import importlib
from types import ModuleType

from leitstand.inventory.models import Person, System
from leitstand.resilience.models import SystemResilience
from leitstand.tenancy.models import Organisation


def resilience_data(data: ModuleType) -> ModuleType | None:
    """`leitstand.demo.muster_logistik` -> `leitstand.demo.muster_logistik_resilience`."""
    try:
        return importlib.import_module(f"{data.__name__}_resilience")
    except ModuleNotFoundError:
        return None


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    module = resilience_data(data)
    if module is None:
        return
    systems = {system.name: system for system in System.objects.for_org(organisation)}
    people = {person.name: person for person in Person.objects.for_org(organisation)}
    for system_name, record in module.RESILIENCE.items():
        fields = dict(record)
        responsible = fields.pop("backup_responsible", None)
        resilience = SystemResilience(
            organisation=organisation,
            system=systems[system_name],
            backup_responsible=people.get(responsible),
            **fields,
        )
        resilience.full_clean()
        resilience.save()
