import uuid

from django.db import migrations


def create_stamps(apps, schema_editor):
    Organisation = apps.get_model("tenancy", "Organisation")
    LandscapeStamp = apps.get_model("tenancy", "LandscapeStamp")
    existing = set(LandscapeStamp.objects.values_list("organisation_id", flat=True))
    LandscapeStamp.objects.bulk_create(
        LandscapeStamp(organisation_id=pk, token=uuid.uuid4())
        for pk in Organisation.objects.values_list("pk", flat=True)
        if pk not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0002_landscape_stamp")]

    operations = [migrations.RunPython(create_stamps, migrations.RunPython.noop)]
