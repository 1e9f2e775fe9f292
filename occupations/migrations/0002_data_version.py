"""The single DataVersion row that caches and imports rely on."""

from django.db import migrations


def add_row(apps, schema_editor):
    apps.get_model("occupations", "DataVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("occupations", "0001_initial")]

    operations = [migrations.RunPython(add_row, migrations.RunPython.noop)]
