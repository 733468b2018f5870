"""Kind of system is what it is, hosting is where it runs.

"saas" was a kind; it is where a system runs. Existing rows of that kind keep SaaS as their
hosting (unless a hosting was recorded) and become a business application, or an office or
collaboration suite when the name says so without doubt (Microsoft 365, Google Workspace).
No other kind is guessed for existing rows. "Centrally managed" may now be unknown; recorded
answers stay as they are.
"""

import re

from django.db import migrations, models

#: Names that are certainly an office or collaboration suite.
SUITE_NAMES = re.compile(
    r"\b(microsoft 365|office 365|m365|o365|google workspace|g ?suite|zoho workplace)\b",
    re.IGNORECASE,
)
BATCH = 500


def _in_batches(ids):
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def saas_kind_to_hosting(apps, schema_editor):
    System = apps.get_model("inventory", "System")
    saas = System.objects.filter(kind="saas")
    saas.filter(hosting="").update(hosting="saas")
    suites = [pk for pk, name in saas.values_list("pk", "name") if SUITE_NAMES.search(name)]
    for ids in _in_batches(suites):
        System.objects.filter(pk__in=ids).update(kind="suite")
    System.objects.filter(kind="saas").update(kind="application")


def back_to_saas_kind(apps, schema_editor):
    """The old choices: suites were SaaS; unknown and portals were applications."""
    System = apps.get_model("inventory", "System")
    System.objects.filter(kind="suite").update(kind="saas")
    System.objects.filter(kind__in=["", "authority_portal"]).update(kind="application")
    System.objects.filter(centrally_managed__isnull=True).update(centrally_managed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("inventory", "0003_system_cost_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="system",
            name="centrally_managed",
            field=models.BooleanField(
                blank=True,
                help_text="No means shadow IT: introduced by a team or a person without IT's knowledge. Empty: not known.",
                null=True,
                verbose_name="centrally managed",
            ),
        ),
        migrations.AlterField(
            model_name="system",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("application", "business application"),
                    ("suite", "office or collaboration suite"),
                    ("infrastructure", "infrastructure"),
                    ("device", "device class"),
                    ("spreadsheet", "spreadsheet or file"),
                    ("authority_portal", "public authority portal"),
                ],
                help_text="What it is. Where it runs (own server, SaaS, ...) is its hosting. Empty: not known.",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(saas_kind_to_hosting, back_to_saas_kind),
    ]
