"""Writes to the inventory: the system's one write path and the reference capabilities."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.core.audit import create_in_bulk, delete_object, save_values
from leitstand.inventory.models import Capability, System
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
