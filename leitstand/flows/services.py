"""Writes to flows: the integration's one write path and the reference data objects."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.core.audit import delete_object, save_values
from leitstand.flows.models import DataObject, Integration
from leitstand.tenancy.models import Organisation

CATALOGUE = Path(__file__).parent / "catalogue" / "data_objects.yaml"


@cache
def data_object_catalogue() -> tuple[dict, ...]:
    with CATALOGUE.open(encoding="utf-8") as handle:
        return tuple(yaml.safe_load(handle))


def seed_data_objects(organisation: Organisation) -> int:
    """Copy the reference data objects into the organisation; existing keys are left alone."""
    existing = set(DataObject.objects.for_org(organisation).values_list("key", flat=True))
    new = [
        DataObject(
            organisation=organisation, key=entry["key"], name_en=entry["en"], name_de=entry["de"]
        )
        for entry in data_object_catalogue()
        if entry["key"] not in existing
    ]
    DataObject.objects.bulk_create(new)
    return len(new)


# The one write path of an integration: the pages (flow form and map editor), the API
# (IntegrationViewSet) and the demo call these; the import writes in bulk after checking each
# row with the same rule (integration_rule_errors). Rules across fields live in
# Integration.clean().


def save_integration(integration: Integration, values: dict, *, actor) -> Integration:
    """Apply `values` (the data objects carried included) to a new or existing integration,
    validated by the model's rules, in one transaction with one audit entry."""
    return save_values(integration, values, actor)


def create_integration(organisation: Organisation, values: dict, *, actor) -> Integration:
    return save_integration(Integration(organisation=organisation), values, actor=actor)


def delete_integration(integration: Integration, *, actor) -> None:
    delete_object(integration, actor)
