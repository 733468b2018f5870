"""Changes to the inventory that are more than saving one form."""

from functools import cache
from pathlib import Path

import yaml

from leitstand.inventory.models import Capability
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
