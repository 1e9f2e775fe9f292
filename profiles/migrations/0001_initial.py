"""The pending imports move here from occupations: the models' state, then their tables'
names."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("occupations", "0005_constraint_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PendingImport",
                    fields=[
                        (
                            "token",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "připravený import",
                        "verbose_name_plural": "připravené importy",
                        "db_table": "occupations_pendingimport",
                    },
                ),
                migrations.CreateModel(
                    name="PendingImportFile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("position", models.PositiveIntegerField()),
                        ("name", models.CharField(max_length=500)),
                        ("content", models.BinaryField()),
                        (
                            "pending",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="files",
                                to="profiles.pendingimport",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["pending", "position"],
                        "db_table": "occupations_pendingimportfile",
                    },
                ),
            ]
        ),
        migrations.AlterModelTable(name="pendingimport", table=None),
        migrations.AlterModelTable(name="pendingimportfile", table=None),
    ]
