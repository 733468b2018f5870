"""Changes to flows and data objects that are more than saving one form."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.flows.models import DataObject
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
