"""Writes to flows: the one write path of integrations and data objects, and the reference
data objects."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.core.audit import create_in_bulk, delete_object, save_values
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


# The one write path of a data object: the pages (generic views), the API (DataObjectViewSet,
# a list in one POST through the bulk variant) and the demo call these; the import creates the
# ones a row names in bulk (imports.targets). The model's rules apply to all.


def save_data_object(data_object: DataObject, values: dict, *, actor) -> DataObject:
    """Apply `values` (its master systems included) with one audit entry."""
    return save_values(data_object, values, actor)


def create_data_object(organisation: Organisation, values: dict, *, actor) -> DataObject:
    return save_data_object(DataObject(organisation=organisation), values, actor=actor)


def create_data_objects(organisation: Organisation, values: list[dict], *, actor) -> list:
    return create_in_bulk(DataObject, values, actor, organisation=organisation)


def delete_data_object(data_object: DataObject, *, actor) -> None:
    delete_object(data_object, actor)
