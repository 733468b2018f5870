"""Loads the demo's data flows (`<organisation-slug>.yaml` beside this file): the company's own
data objects, which systems are master of which data, and the integrations between systems."""

from leitstand.core.demo import with_decimals
from leitstand.flows.models import DataObject, Integration
from leitstand.flows.services import create_data_object, create_integration, save_data_object
from leitstand.inventory.models import System
from leitstand.tenancy.models import Organisation


def _data_objects(organisation: Organisation, data: dict) -> dict[str, DataObject]:
    for record in data.get("own_data_objects", []):
        create_data_object(organisation, record, actor=None)
    return {d.key or d.name_de: d for d in DataObject.objects.for_org(organisation)}


def load_demo(organisation: Organisation, data: dict) -> None:
    data_objects = _data_objects(organisation, data)
    systems = {system.name: system for system in System.objects.for_org(organisation)}
    for key, system_names in data.get("masters", {}).items():
        masters = [systems[name] for name in system_names]
        save_data_object(data_objects[key], {"master_systems": masters}, actor=None)
    for record in data.get("integrations", []):
        fields = with_decimals(Integration, record)
        carried = [data_objects[key] for key in fields.pop("data")]
        fields["source"] = systems[fields.pop("source")]
        fields["target"] = systems[fields.pop("target")]
        fields["data_objects"] = carried
        create_integration(organisation, fields, actor=None)
