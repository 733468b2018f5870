"""Writes to the inventory: the one write path of each entity (departments, people, vendors,
capabilities, systems) and the reference capabilities."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.core.audit import create_in_bulk, delete_object, save_values
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.tenancy.models import Organisation

CATALOGUE = Path(__file__).parent / "catalogue" / "capabilities.yaml"


@cache
def capability_catalogue() -> tuple[dict, ...]:
    with CATALOGUE.open(encoding="utf-8") as handle:
        return tuple(yaml.safe_load(handle))


def seed_capabilities(organisation: Organisation) -> int:
    """Copy the reference capabilities into the organisation; existing keys are left alone."""
    existing = set(Capability.objects.for_org(organisation).values_list("key", flat=True))
    new = [
        Capability(
            organisation=organisation,
            key=entry["key"],
            name_en=entry["en"],
            name_de=entry["de"],
            differentiating=entry["differentiating"],
        )
        for entry in capability_catalogue()
        if entry["key"] not in existing
    ]
    Capability.objects.bulk_create(new)
    return len(new)


# The one write path of a system: the pages (SystemCreate/SystemUpdate/SystemDelete), the API
# (SystemViewSet) and the demo call these; the import writes in bulk after checking each row
# with the same rules (system_rule_errors). Rules across fields live in System.clean().


def save_system(system: System, values: dict, *, actor) -> System:
    """Apply `values` (departments and capabilities included) to a new or existing system,
    validated by the model's rules, in one transaction with one audit entry."""
    return save_values(system, values, actor)


def create_systems(organisation: Organisation, values: list[dict], *, actor) -> list[System]:
    """Many new systems at once (an API list), validated before, each value by value as
    `save_system` does; inserted in bulk with one audit entry each."""
    return create_in_bulk(System, values, actor, organisation=organisation)


def create_system(organisation: Organisation, values: dict, *, actor) -> System:
    return save_system(System(organisation=organisation), values, actor=actor)


def delete_system(system: System, *, actor) -> None:
    """Delete the system; its flows, steps' links and assessments follow the model's
    on_delete rules (a ProtectedError says it is still in use)."""
    delete_object(system, actor)


# The one write path of the catalogue entities: the pages (generic views), the API (their
# viewsets, a list in one POST through the bulk variant) and the demo call these; the import
# creates the ones a row names in bulk (imports.targets). The model's rules apply to all.


def save_department(department: Department, values: dict, *, actor) -> Department:
    return save_values(department, values, actor)


def create_department(organisation: Organisation, values: dict, *, actor) -> Department:
    return save_department(Department(organisation=organisation), values, actor=actor)


def create_departments(organisation: Organisation, values: list[dict], *, actor) -> list:
    return create_in_bulk(Department, values, actor, organisation=organisation)


def delete_department(department: Department, *, actor) -> None:
    delete_object(department, actor)


def save_person(person: Person, values: dict, *, actor) -> Person:
    return save_values(person, values, actor)


def create_person(organisation: Organisation, values: dict, *, actor) -> Person:
    return save_person(Person(organisation=organisation), values, actor=actor)


def create_people(organisation: Organisation, values: list[dict], *, actor) -> list[Person]:
    return create_in_bulk(Person, values, actor, organisation=organisation)


def delete_person(person: Person, *, actor) -> None:
    delete_object(person, actor)


def save_vendor(vendor: Vendor, values: dict, *, actor) -> Vendor:
    return save_values(vendor, values, actor)


def create_vendor(organisation: Organisation, values: dict, *, actor) -> Vendor:
    return save_vendor(Vendor(organisation=organisation), values, actor=actor)


def create_vendors(organisation: Organisation, values: list[dict], *, actor) -> list[Vendor]:
    return create_in_bulk(Vendor, values, actor, organisation=organisation)


def delete_vendor(vendor: Vendor, *, actor) -> None:
    delete_object(vendor, actor)


def save_capability(capability: Capability, values: dict, *, actor) -> Capability:
    return save_values(capability, values, actor)


def create_capability(organisation: Organisation, values: dict, *, actor) -> Capability:
    return save_capability(Capability(organisation=organisation), values, actor=actor)


def create_capabilities(organisation: Organisation, values: list[dict], *, actor) -> list:
    return create_in_bulk(Capability, values, actor, organisation=organisation)


def delete_capability(capability: Capability, *, actor) -> None:
    delete_object(capability, actor)
