"""Loads the SDG 16 targets and indicators shipped in data/ (`civica load_sdg` refreshes them later)."""

from django.db import migrations


def load(apps, schema_editor):
    from civica.sdg import reference

    reference.load(apps.get_model("sdg", "Target"), apps.get_model("sdg", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("sdg", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
