"""The import service: all or nothing, idempotent, exact, orphan-free."""

import pytest

from competences.models import Competence, OccupationCompetence
from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from nsp.parser import parse_file
from occupations.models import (
    Activity,
    HealthRestriction,
    IscoGroup,
    Occupation,
    WorkConditionLoad,
)
from portal.models import DataVersion
from profiles.documents import profile_document
from profiles.importer import (
    CREATED,
    UNCHANGED,
    UPDATED,
    ImportFailed,
    import_paths,
)
from wages.models import WageFigure, WageTable

pytestmark = pytest.mark.django_db


def stored_document(nsp_id):
    return profile_document(nsp_id)


def row_counts():
    models = (Occupation, Activity, WorkConditionLoad, OccupationCompetence, Competence)
    return {model.__name__: model.objects.count() for model in (*models, WageFigure)}


def write_variant(tmp_path, seed, name, *replacements):
    text = seed.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_stores_both_seeds_exactly_as_parsed(seed_paths):
    report = import_paths(seed_paths)

    assert [r.status for r in report.results] == [CREATED, CREATED]
    for path in seed_paths:
        document = parse_file(path)
        assert stored_document(document["nsp_id"]) == document


def test_seed_rows_are_where_the_texts_put_them(seeds):
    director = Occupation.objects.get(nsp_id=103332)
    assert director.kind == "occupation"
    assert director.slug == "reditel-zakaznickych-sluzeb"
    assert director.field.name == "Management"
    assert director.activities.count() == 11
    assert director.competence_links.filter(category="digital").count() == 18
    # 14 regions x 2 spheres for 1221 (2020) and 2 national medians for 1221 and 12214.
    table = WageTable.objects.get(isco_group__code="1221", year=2020)
    assert table.figures.filter(region__isnull=False).count() == 28
    praha = table.figures.get(region__slug="praha", sphere="public")
    assert (praha.low, praha.median, praha.high) == (44443, 63784, 96507)
    assert (
        WageFigure.objects.get(table__isco_group__code="12214", region=None, sphere="public").median
        is None
    )


def test_the_same_competence_in_two_profiles_is_one_catalogue_row(seeds):
    complaints = Competence.objects.get(category="professional_knowledge", code="h13._.0024")
    assert complaints.name == "postupy při reklamacích, práva spotřebitele"
    assert sorted(complaints.occupation_links.values_list("level", flat=True)) == [4, 7]
    # Digital 4.4 and soft 4.4 are different competences.
    assert Competence.objects.filter(code="4.4").count() == 2


def test_reimporting_the_same_files_changes_nothing_and_says_so(seed_paths):
    import_paths(seed_paths)
    before, version = row_counts(), DataVersion.objects.get().number

    report = import_paths(seed_paths)

    assert [r.status for r in report.results] == [UNCHANGED, UNCHANGED]
    assert "nothing changed" in report.summary()
    assert row_counts() == before
    assert DataVersion.objects.get().number == version


def test_an_edited_file_updates_its_profile_to_match_exactly(tmp_path):
    import_paths([SEED_SPECIALIZATION])
    version = DataVersion.objects.get().number
    edited = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "edited.txt",
        ("- Nabídka doplňkového produktu.\n", ""),  # an activity removed
        ("h13.C.3231\tAktivní prodej", "h13.C.3231\tAktivní prodej"),
        ("i41._.0016\tobchodní právo\t3", "i41._.0016\tobchodní právo\t5"),  # a level changed
        ("- Poruchy chování\n", ""),  # a health restriction removed
        ("Plzeňský kraj\t34 478 Kč\t50 359 Kč", "Plzeňský kraj\t34 478 Kč\t50 360 Kč"),
    )

    report = import_paths([edited])

    assert [r.status for r in report.results] == [UPDATED]
    assert stored_document(102742) == parse_file(edited)
    assert Activity.objects.filter(occupation__nsp_id=102742).count() == 12
    # Nothing refers to "Poruchy chování" any more: it left the catalogue too.
    assert not HealthRestriction.objects.filter(name="Poruchy chování").exists()
    assert DataVersion.objects.get().number == version + 1


def test_a_competence_dropped_by_its_only_profile_leaves_the_catalogue(tmp_path):
    import_paths([SEED_SPECIALIZATION])
    edited = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "edited.txt",
        ("i41._.0016\tobchodní právo\t3\tCompetenceSuitabilityEnum.2\n", ""),
    )

    import_paths([edited])

    assert not Competence.objects.filter(code="i41._.0016").exists()
    assert Competence.objects.filter(code="h13._.0024").exists()


def test_a_catalogue_row_another_profile_uses_stays(tmp_path, seed_paths):
    import_paths(seed_paths)
    edited = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "edited.txt",
        (
            "h13._.0024\tpostupy při reklamacích, práva spotřebitele\t4\t"
            "CompetenceSuitabilityEnum.2\n",
            "",
        ),
    )

    import_paths([edited])

    shared = Competence.objects.get(code="h13._.0024")
    assert list(shared.occupation_links.values_list("occupation__nsp_id", flat=True)) == [103332]


def test_nothing_is_written_when_the_second_of_three_files_is_bad(tmp_path):
    bad = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "bad.txt",
        ("b03\tNumerická způsobilost\t2", "b03\tNumerická způsobilost\t7"),
    )
    bad_line = (
        bad.read_text(encoding="utf-8").splitlines().index("b03\tNumerická způsobilost\t7") + 1
    )

    with pytest.raises(ImportFailed) as failure:
        import_paths([SEED_OCCUPATION, bad, SEED_SPECIALIZATION])

    assert len(failure.value.errors) == 1
    assert failure.value.errors[0].startswith(f"{bad}:{bad_line}: ")
    assert "outside the scale 0–3" in failure.value.errors[0]
    assert Occupation.objects.count() == 0
    assert Competence.objects.count() == 0


def test_every_bad_file_is_reported(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"

    with pytest.raises(ImportFailed) as failure:
        import_paths([empty, SEED_OCCUPATION, missing])

    assert failure.value.errors == [
        f"{empty}:1: the file is empty",
        f"{missing}:1: cannot read the file: No such file or directory",
    ]


def test_the_same_nsp_id_twice_in_one_batch_is_refused(tmp_path):
    copy = write_variant(tmp_path, SEED_OCCUPATION, "copy.txt")

    with pytest.raises(ImportFailed) as failure:
        import_paths([SEED_OCCUPATION, copy])

    assert failure.value.errors == [f"{copy}:1: NSP id 103332 is already in {SEED_OCCUPATION}"]
    assert Occupation.objects.count() == 0


def test_a_dry_run_reports_the_changes_and_writes_nothing(seed_paths):
    version = DataVersion.objects.get().number

    report = import_paths(seed_paths, dry_run=True)

    assert [r.status for r in report.results] == [CREATED, CREATED]
    assert report.summary().startswith("2 profiles read: 2 would be created")
    assert Occupation.objects.count() == 0
    assert IscoGroup.objects.count() == 0
    assert DataVersion.objects.get().number == version


def test_two_occupations_of_one_isco_group_share_its_wage_table(tmp_path):
    sibling = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "sibling.txt",
        ("102742", "190001"),
        ("Pracovník distančního zákaznického servisu\n", "Operátor zákaznické linky\n"),
    )

    import_paths([SEED_SPECIALIZATION, sibling])

    table = WageTable.objects.get(isco_group__code="4222", year=2023)
    linked = table.occupation_links.filter(scope="regional")
    assert sorted(linked.values_list("occupation__nsp_id", flat=True)) == [102742, 190001]
    assert WageTable.objects.filter(isco_group__code="4222").count() == 1
    assert table.figures.filter(region__isnull=False).count() == 12 * 2


def test_parent_and_related_names_link_to_profiles_present(tmp_path):
    related = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "related.txt",
        ("102742", "190002"),
        ("Pracovník distančního zákaznického servisu\n", "Manažer call centra\n"),
    )
    import_paths([SEED_SPECIALIZATION])
    specialist = Occupation.objects.get(nsp_id=102742)
    assert specialist.parent is None
    assert [r.target for r in specialist.related.all()] == [None, None, None]

    import_paths([related])

    specialist.refresh_from_db()
    names = [(r.name, r.target and r.target.nsp_id) for r in specialist.related.all()]
    assert names == [
        ("Manažer call centra", 190002),
        ("Školitel operátorů zákaznické linky", None),
        ("Operátor zákaznické linky", None),
    ]
    assert specialist.parent_name == "Specialista služeb zákazníkům"


def test_a_group_named_differently_above_its_wage_table_still_reimports_unchanged(tmp_path):
    renamed = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "renamed.txt",
        ("Pracovníci v zákaznických kontaktních centrech (CZ-ISCO 4222)",
         "Operátoři kontaktních center (CZ-ISCO 4222)"),
    )  # fmt: skip
    import_paths([renamed])

    assert stored_document(102742) == parse_file(renamed)
    assert [r.status for r in import_paths([renamed]).results] == [UNCHANGED]


def test_regions_in_another_order_reimport_unchanged(tmp_path):
    text = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    praha = next(row for row in text.split("\n") if row.startswith("Hlavní město Praha\t"))
    stredocesky = next(row for row in text.split("\n") if row.startswith("Středočeský kraj\t"))
    swapped = tmp_path / "swapped.txt"
    swapped.write_text(
        text.replace(praha, "@").replace(stredocesky, praha).replace("@", stredocesky),
        encoding="utf-8",
    )
    import_paths([swapped])

    assert [r.status for r in import_paths([swapped]).results] == [UNCHANGED]
    regions = [r["region"] for r in stored_document(102742)["wages"][0]["regions"]]
    assert regions[:2] == ["Hlavní město Praha", "Středočeský kraj"]  # stored in NUTS order


def test_a_value_longer_than_its_column_is_refused_with_its_file(tmp_path):
    long_name = "Ř" * 301
    long = write_variant(
        tmp_path, SEED_SPECIALIZATION, "long.txt", ("- Duševní poruchy\n", f"- {long_name}\n")
    )
    with pytest.raises(ImportFailed) as failure:
        import_paths([long])
    [error] = failure.value.errors
    assert error.startswith(f"{long}:1: Onemocnění: ")
    assert "longer than 300 characters" in error
    assert not Occupation.objects.exists()


def plzen_median():
    return WageFigure.objects.get(
        table__isco_group__code="4222", region__slug="plzensky", sphere="business"
    ).median


def test_files_that_disagree_on_a_shared_wage_table_agree_on_the_last_one(tmp_path):
    # Seed 000 says Plzeňský kraj 50 359 Kč; this copy (another profile of group 4222)
    # says 50 360 Kč for the same table.
    other = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "other.txt",
        ("102742", "190003"),
        ("Plzeňský kraj\t34 478 Kč\t50 359 Kč", "Plzeňský kraj\t34 478 Kč\t50 360 Kč"),
    )
    warning = (
        f"Wage table CZ-ISCO 4222 (2023) differs between {SEED_SPECIALIZATION} and {other}; "
        f"the figures of {other} are stored for both."
    )

    first = import_paths([SEED_SPECIALIZATION, other])
    assert [str(w) for w in first.warnings] == [warning]
    assert plzen_median() == 50360

    # The same files again: nothing changes (no flip back to 50 359), and the warning stays.
    again = import_paths([SEED_SPECIALIZATION, other])
    assert [r.status for r in again.results] == [UNCHANGED, UNCHANGED]
    assert [str(w) for w in again.warnings] == [warning]
    assert plzen_median() == 50360

    # In the other order the seed is last: its figure is stored, then kept.
    reversed_order = import_paths([other, SEED_SPECIALIZATION])
    assert [r.status for r in reversed_order.results] == [UPDATED, UPDATED]
    assert plzen_median() == 50359
    assert not import_paths([other, SEED_SPECIALIZATION]).changed


def test_files_that_disagree_on_a_competence_name_agree_on_the_last_one(tmp_path):
    renamed = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "renamed.txt",
        ("102742", "190004"),
        ("i41._.0016\tobchodní právo", "i41._.0016\tobchodní právo ČR"),
        ("- 4222 - Pracovníci v zákaznických kontaktních", "- 4222 - Pracovníci v kontaktních"),
    )

    report = import_paths([SEED_SPECIALIZATION, renamed])

    assert [str(w) for w in report.warnings] == [
        f"Competence i41._.0016 (Odborné znalosti) is named differently in "
        f"{SEED_SPECIALIZATION} and {renamed}; the name in {renamed} is stored for both.",
    ]
    assert Competence.objects.get(code="i41._.0016").name == "obchodní právo ČR"
    # The group takes the last file's name; each profile keeps its own in its document,
    # and the data check lists the one that differs (profiles/tests/test_quality.py).
    assert IscoGroup.objects.get(code="4222").name == "Pracovníci v kontaktních centrech"
    assert stored_document(102742)["isco"] == parse_file(SEED_SPECIALIZATION)["isco"]
    assert stored_document(190004)["isco"] == parse_file(renamed)["isco"]
    assert not import_paths([SEED_SPECIALIZATION, renamed]).changed


def test_an_import_after_the_version_row_was_deleted_works(seed_paths):
    # `manage.py flush` deletes the row the data migration made.
    DataVersion.objects.all().delete()

    report = import_paths(seed_paths)

    assert [r.status for r in report.results] == [CREATED, CREATED]
    assert DataVersion.objects.get().number == 2  # made again, then bumped by the import
