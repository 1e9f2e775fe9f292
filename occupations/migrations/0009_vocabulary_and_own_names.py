"""Rows of a profile keep the export's text beside the entry they name.

A qualification level or a work-condition factor is an entry of the NSP's closed
vocabulary (nsp/vocabulary.py); a text that only begins with one (the seed 001's
"Magisterský studijní program Ředitel centra zákaznické podpory, …") names that entry and
keeps the whole text in the row's `text`. Entries named by such texts are merged into the
vocabulary's here: a re-import would not do it, since the profile documents, read back
with the texts as written, do not change. A CZ-ISCO row keeps the profile's own name for
its group where it differs from the portal's."""

from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

from nsp import vocabulary as vocab

CATALOGUES = (
    ("QualificationLevel", "OccupationQualification", "level", vocab.QUALIFICATION_LEVELS),
    ("WorkConditionFactor", "WorkConditionLoad", "factor", vocab.WORK_CONDITION_FACTORS),
)


def bump_data_version(apps):
    """Cached pages showed the old entries (historical models do not bump it)."""
    apps.get_model("portal", "DataVersion").objects.filter(pk=1).update(
        number=F("number") + 1, changed_at=timezone.now()
    )


def merge_into_vocabulary(apps, schema_editor):
    merged = False
    for entry_model, link_model, link, vocabulary in CATALOGUES:
        Entry = apps.get_model("occupations", entry_model)
        Link = apps.get_model("occupations", link_model)
        for entry in Entry.objects.exclude(name__in=vocabulary.values):
            known = vocabulary.match(entry.name).known
            if known is None:
                continue  # no value of the vocabulary: the entry stays as it is
            target, _created = Entry.objects.get_or_create(name=known)
            Link.objects.filter(**{link: entry}).update(**{link: target, "text": entry.name})
            entry.delete()
            merged = True
    if merged:
        bump_data_version(apps)


def split_from_vocabulary(apps, schema_editor):
    """Back: each text as written becomes an entry of its own again."""
    for entry_model, link_model, link, _vocabulary in CATALOGUES:
        Entry = apps.get_model("occupations", entry_model)
        Link = apps.get_model("occupations", link_model)
        for text in Link.objects.exclude(text="").values_list("text", flat=True).distinct():
            entry, _created = Entry.objects.get_or_create(name=text)
            Link.objects.filter(text=text).update(**{link: entry, "text": ""})
    bump_data_version(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("occupations", "0008_search_moves_to_its_index"),
        ("portal", "0001_initial"),
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
        migrations.RunPython(merge_into_vocabulary, split_from_vocabulary),
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
