"""Two standard capabilities were seeded with names cut at a comma (a YAML quoting mistake):
"IT-Sicherheit (Virenschutz" and "E-Rechnungen (XRechnung". Complete them where an organisation
still has the cut name; names an organisation changed itself stay as they are."""

from django.db import migrations

FIXES = {
    "it_security": {
        "name_en": ("IT security (antivirus", "IT security (antivirus, firewall)"),
        "name_de": ("IT-Sicherheit (Virenschutz", "IT-Sicherheit (Virenschutz, Firewall)"),
    },
    "e_invoicing": {
        "name_en": ("E-invoices (XRechnung", "E-invoices (XRechnung, ZUGFeRD)"),
        "name_de": ("E-Rechnungen (XRechnung", "E-Rechnungen (XRechnung, ZUGFeRD)"),
    },
}


def complete_names(apps, schema_editor):
    Capability = apps.get_model("inventory", "Capability")
    for key, fields in FIXES.items():
        for field, (cut, full) in fields.items():
            Capability.objects.filter(key=key, **{field: cut}).update(**{field: full})


class Migration(migrations.Migration):
    dependencies = [("inventory", "0004_kind_separate_from_hosting")]

    operations = [migrations.RunPython(complete_names, migrations.RunPython.noop)]
