"""Ship the 14 regions (kraje) with the schema."""

from django.db import migrations

from nsp.vocabulary import REGIONS


def add_regions(apps, schema_editor):
    Region = apps.get_model("wages", "Region")
    for region in REGIONS:
        Region.objects.update_or_create(
            nuts3=region.nuts3,
            defaults={
                "name": region.name,
                "short_name": region.short_name,
                "slug": region.slug,
                "iso_3166_2": region.iso_3166_2,
            },
        )


def remove_regions(apps, schema_editor):
    apps.get_model("wages", "Region").objects.filter(
        nuts3__in=[region.nuts3 for region in REGIONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("wages", "0001_initial")]

    operations = [migrations.RunPython(add_regions, remove_regions)]
