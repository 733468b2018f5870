"""Loads the demo's inventory (`<organisation-slug>.yaml` beside this file): departments,
people, vendors, the company's own capabilities and its systems, which the other apps' demo
files then refer to by name."""

from leitstand.core.demo import with_decimals
from leitstand.inventory import services
from leitstand.inventory.models import Capability, System
from leitstand.tenancy.models import Organisation


def load_demo(organisation: Organisation, data: dict) -> None:
    departments = {
        record["name"]: services.create_department(
            organisation,
            {"name": record["name"], "description": record.get("description", "")},
            actor=None,
        )
        for record in data.get("departments", [])
    }
    people = {
        record["name"]: services.create_person(
            organisation,
            {
                "name": record["name"],
                "job_title": record.get("job_title", ""),
                "department": departments.get(record.get("department")),
            },
            actor=None,
        )
        for record in data.get("people", [])
    }
    vendors = {
        record["name"]: services.create_vendor(organisation, record, actor=None)
        for record in data.get("vendors", [])
    }
    for record in data.get("own_capabilities", []):
        services.create_capability(organisation, record, actor=None)
    capabilities = {}
    for capability in Capability.objects.for_org(organisation):
        capabilities[capability.key or capability.name_de] = capability

    for record in data.get("systems", []):
        fields = with_decimals(System, record)
        department_names = fields.pop("departments", [])
        capability_keys = fields.pop("capabilities", [])
        fields["owner"] = people.get(fields.pop("owner", None))
        fields["deputy"] = people.get(fields.pop("deputy", None))
        fields["vendor"] = vendors.get(fields.pop("vendor", None))
        fields["departments"] = [departments[name] for name in department_names]
        fields["capabilities"] = [capabilities[key] for key in capability_keys]
        services.create_system(organisation, fields, actor=None)
