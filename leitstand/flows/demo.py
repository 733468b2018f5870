"""The demo's data flows: own data objects, master systems and integrations from the data module.

A data module without INTEGRATIONS (the small bakery) simply gets none.
"""

from types import ModuleType

from leitstand.flows.models import DataObject, Integration
from leitstand.inventory.models import System
from leitstand.tenancy.models import Organisation


def _data_objects(organisation: Organisation, data: ModuleType) -> dict[str, DataObject]:
    for name_de, name_en in getattr(data, "OWN_DATA_OBJECTS", []):
        DataObject.objects.create(organisation=organisation, name_de=name_de, name_en=name_en)
    return {d.key or d.name_de: d for d in DataObject.objects.for_org(organisation)}


def load_demo(organisation: Organisation, data: ModuleType) -> None:
    data_objects = _data_objects(organisation, data)
    systems = {system.name: system for system in System.objects.for_org(organisation)}
    for key, system_name in getattr(data, "MASTERS", []):
        data_objects[key].master_systems.add(systems[system_name])
    for record in getattr(data, "INTEGRATIONS", []):
        fields = dict(record)
        carried = [data_objects[key] for key in fields.pop("data")]
        integration = Integration(
            organisation=organisation,
            source=systems[fields.pop("source")],
            target=systems[fields.pop("target")],
            **fields,
        )
        integration.full_clean()
        integration.save()
        integration.data_objects.set(carried)
