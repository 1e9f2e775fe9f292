"""A profile names a level once for each way the export writes it (and a factor's level
once for each): two texts may stand for one level."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0010_merge_into_vocabulary"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="occupationqualification",
            constraint=models.UniqueConstraint(
                fields=("occupation", "level", "text"),
                name="occupations_occupationqualification_once_per_occupation",
                violation_error_message="Tuto kvalifikační úroveň už povolání má.",
            ),
        ),
        migrations.AddConstraint(
            model_name="workconditionload",
            constraint=models.UniqueConstraint(
                fields=("occupation", "factor", "text", "level"),
                name="occupations_workconditionload_once_per_occupation",
                violation_error_message="Tento stupeň je u faktoru už zaškrtnutý.",
            ),
        ),
    ]
