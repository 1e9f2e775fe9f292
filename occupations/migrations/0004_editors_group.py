"""The 'editors' group: what editors need to correct and extend profiles, nothing more.

Superusers stay separate; editors get no rights over users, groups or the regions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "editors"
EDITABLE = {
    "occupations": [
        "field",
        "subfield",
        "qualificationlevel",
        "iscogroup",
        "workconditionfactor",
        "educationfield",
        "healthrestriction",
        "occupation",
        "slugredirect",
        "alternativename",
        "relatedoccupation",
        "activity",
        "occupationqualification",
        "occupationisco",
        "escolink",
        "workconditionload",
        "occupationeducation",
        "occupationhealthrestriction",
    ],
    "wages": ["wagetable", "wagefigure", "occupationwagetable"],
    "competences": ["competence", "occupationcompetence"],
}
VIEW_ONLY = {"wages": ["region"]}
EXTRA = [("occupations", "import_nsp")]


def codenames():
    for app, models in EDITABLE.items():
        for model in models:
            for action in ("view", "add", "change", "delete"):
                yield app, f"{action}_{model}"
    for app, models in VIEW_ONLY.items():
        for model in models:
            yield app, f"view_{model}"
    yield from EXTRA


def add_group(apps, schema_editor):
    # Permissions are normally created after migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in codenames()
    ]
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("occupations", "0003_editor_messages_and_pending_imports"),
        ("wages", "0003_editor_messages"),
        ("competences", "0002_editor_messages"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
