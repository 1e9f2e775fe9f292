"""Migrations 0009-0011 on a database that already holds profiles: entries named by a text
that begins with a value of the NSP's vocabulary merge into that value's entry. On
PostgreSQL too, where a table cannot be altered in the transaction that updated it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("occupations", "0008_search_moves_to_its_index")]
FUSED = (
    "Magisterský studijní program Ředitel centra zákaznické podpory, Manažer pro zákaznickou "
    "podporu, Manažer pro kontakt ze zákazníky,"
)


def migrated(targets=None):
    """The database migrated to `targets` (None: to the latest), and its models then."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fused_level_and_factor_become_the_vocabularys_with_their_text_kept():
    apps = migrated(BEFORE)
    Occupation = apps.get_model("occupations", "Occupation")
    Level = apps.get_model("occupations", "QualificationLevel")
    Link = apps.get_model("occupations", "OccupationQualification")
    Factor = apps.get_model("occupations", "WorkConditionFactor")
    Load = apps.get_model("occupations", "WorkConditionLoad")
    DataVersion = apps.get_model("portal", "DataVersion")
    version = DataVersion.objects.get_or_create(pk=1)[0].number
    director = Occupation.objects.create(
        nsp_id=103332, kind="occupation", title="Ředitel zákaznických služeb", slug="reditel"
    )
    other = Occupation.objects.create(nsp_id=2, kind="occupation", title="Jiné", slug="jine")
    Link.objects.create(occupation=director, position=0, level=Level.objects.create(name=FUSED))
    master = Level.objects.create(name="Magisterský studijní program")
    Link.objects.create(occupation=other, position=0, level=master)
    Link.objects.create(
        occupation=other, position=1, level=Level.objects.create(name="Zaškolení na pracovišti")
    )
    noise = Factor.objects.create(name="Zátěž hlukem (nad 85 dB)")
    Load.objects.create(occupation=director, position=0, factor=noise, level=2)
    Load.objects.create(occupation=director, position=0, factor=noise, level=3)

    apps = migrated()

    Level = apps.get_model("occupations", "QualificationLevel")
    Link = apps.get_model("occupations", "OccupationQualification")
    Load = apps.get_model("occupations", "WorkConditionLoad")
    # One entry for the master's level, which both profiles name; the director's text stays.
    assert sorted(Level.objects.values_list("name", flat=True)) == [
        "Magisterský studijní program",
        "Zaškolení na pracovišti",  # begins with no level: left for an editor
    ]
    assert sorted(Link.objects.values_list("occupation__nsp_id", "level__name", "text")) == [
        (2, "Magisterský studijní program", ""),
        (2, "Zaškolení na pracovišti", ""),
        (103332, "Magisterský studijní program", FUSED),
    ]
    assert list(Load.objects.values_list("factor__name", "text", "level").order_by("level")) == [
        ("Zátěž hlukem", "Zátěž hlukem (nad 85 dB)", 2),
        ("Zátěž hlukem", "Zátěž hlukem (nad 85 dB)", 3),
    ]
    # Cached pages showed the old entries.
    assert apps.get_model("portal", "DataVersion").objects.get(pk=1).number == version + 1

    # And back: each text as written is an entry of its own again.
    apps = migrated(BEFORE)
    Link = apps.get_model("occupations", "OccupationQualification")
    assert sorted(Link.objects.values_list("occupation__nsp_id", "level__name")) == [
        (2, "Magisterský studijní program"),
        (2, "Zaškolení na pracovišti"),
        (103332, FUSED),
    ]
    migrated()
