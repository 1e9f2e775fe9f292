"""Editors may see the data check ("Kontrola dat"): it lists what they are there to fix."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "editors"
PERMISSION = "check_data"


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; make sure this one exists now.
    app_config = apps.get_app_config("occupations")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="occupations", codename=PERMISSION)
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="occupations", codename=PERMISSION)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0011_vocabulary_constraints"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="occupation",
            options={
                "ordering": ["title_sort_key", "nsp_id"],
                "permissions": [
                    ("import_nsp", "Může importovat exporty NSP"),
                    ("check_data", "Může prohlížet kontrolu dat"),
                ],
                "verbose_name": "povolání",
                "verbose_name_plural": "povolání",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
