"""DataVersion moves here from occupations: the model's state, then its table's name. The
row itself stays (occupations 0002 made it)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("occupations", "0005_constraint_messages")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DataVersion",
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
                        ("number", models.PositiveBigIntegerField(default=1)),
                        ("changed_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "verze dat",
                        "verbose_name_plural": "verze dat",
                        "db_table": "occupations_dataversion",
                    },
                ),
            ]
        ),
        migrations.AlterModelTable(name="dataversion", table=None),
    ]
