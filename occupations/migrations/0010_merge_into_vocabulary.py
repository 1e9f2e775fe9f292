"""Entries named by a text that begins with a value of the NSP's vocabulary merge into it.

A qualification level or a work-condition factor is an entry of the NSP's closed
vocabulary (nsp/vocabulary.py); a text that only begins with one (the seed 001's
"Magisterský studijní program Ředitel centra zákaznické podpory, …") names that entry and
keeps the whole text in the row's `text`. Entries named by such texts are merged into the
vocabulary's here: a re-import would not do it, since the profile documents, read back
with the texts as written, do not change."""

from django.db import migrations
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
        ("occupations", "0009_vocabulary_and_own_names"),
        ("portal", "0001_initial"),
    ]

    operations = [migrations.RunPython(merge_into_vocabulary, split_from_vocabulary)]
