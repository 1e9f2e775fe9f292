"""Rows of a profile keep the export's text beside the entry they name (`text`), and a
CZ-ISCO row the profile's own name for its group (`name`). The data follows in 0010, the
new unique constraints in 0011: PostgreSQL refuses to alter a table in the transaction
that has just updated its rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0008_search_moves_to_its_index"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="occupationqualification",
            name="occupations_occupationqualification_once_per_occupation",
        ),
        migrations.RemoveConstraint(
            model_name="workconditionload",
            name="occupations_workconditionload_once_per_occupation",
        ),
        migrations.AddField(
            model_name="occupationisco",
            name="name",
            field=models.CharField(
                blank=True,
                help_text="Jak skupinu nazývá export tohoto profilu, když jinak než portál. Prázdné: název skupiny.",
                max_length=300,
                verbose_name="název v profilu",
            ),
        ),
        migrations.AddField(
            model_name="occupationqualification",
            name="text",
            field=models.CharField(
                blank=True,
                help_text="Jak úroveň zapsala NSP, když to není přesně její název (např. s připojeným dalším textem). Prázdné: přesně název úrovně.",
                max_length=500,
                verbose_name="text v NSP",
            ),
        ),
        migrations.AddField(
            model_name="workconditionload",
            name="text",
            field=models.CharField(
                blank=True,
                help_text="Jak faktor zapsala NSP, když to není přesně jeho název. Prázdné: přesně název faktoru.",
                max_length=300,
                verbose_name="text v NSP",
            ),
        ),
    ]
