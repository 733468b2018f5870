"""Give organisations created before data objects existed the reference list."""

from pathlib import Path

import yaml
from django.db import migrations

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue" / "data_objects.yaml"


def seed_existing_organisations(apps, schema_editor):
    Organisation = apps.get_model("tenancy", "Organisation")
    DataObject = apps.get_model("flows", "DataObject")
    with CATALOGUE.open(encoding="utf-8") as handle:
        catalogue = yaml.safe_load(handle)
    for organisation in Organisation.objects.all():
        existing = set(
            DataObject.objects.filter(organisation=organisation).values_list("key", flat=True)
        )
        DataObject.objects.bulk_create(
            DataObject(
                organisation=organisation,
                key=entry["key"],
                name_en=entry["en"],
                name_de=entry["de"],
            )
            for entry in catalogue
            if entry["key"] not in existing
        )


class Migration(migrations.Migration):
    dependencies = [("flows", "0001_initial"), ("tenancy", "0001_initial")]

    operations = [migrations.RunPython(seed_existing_organisations, migrations.RunPython.noop)]
