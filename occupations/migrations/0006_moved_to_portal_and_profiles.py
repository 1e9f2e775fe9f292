"""DataVersion now belongs to portal and the pending imports to profiles (their own
migrations took the tables over): occupations forgets them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0005_constraint_messages"),
        ("portal", "0001_initial"),
        ("profiles", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="DataVersion"),
                migrations.DeleteModel(name="PendingImportFile"),
                migrations.DeleteModel(name="PendingImport"),
            ]
        )
    ]
