"""The data check: each kind of finding on a hand-made profile, and exactly what a careful
reader of the two seeds lists."""

from datetime import date

import pytest

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from nsp.parser import parse_file
from occupations import models as m
from profiles import quality
from profiles.documents import profile_document
from profiles.importer import import_paths, link_related_profiles
from profiles.tests.test_import import write_variant
from wages.models import OccupationWageTable, WageTable

pytestmark = pytest.mark.django_db

YEAR = 2026  # the checks below are of this year, whatever today is
FUSED = (
    "Magisterský studijní program Ředitel centra zákaznické podpory, Manažer pro zákaznickou "
    "podporu, Manažer pro kontakt ze zákazníky,"
)


def found(**options):
    """(kind, NSP id, part, text, detail) of every finding, in the order listed."""
    options = {"year": YEAR, "max_wage_age": 3, **options}
    return [
        (f.kind.key, f.nsp_id, f.part.label, f.text, str(f.detail))
        for f in quality.findings(**options)
    ]


def of_kind(kind, **options):
    return [finding[1:] for finding in found(**options) if finding[0] == kind.key]


def profile(nsp_id, title, wages=YEAR - 1, **fields):
    """A profile with wages of `wages` (None: none), so it only has the findings a test
    gives it."""
    occupation = m.Occupation.objects.create(
        nsp_id=nsp_id, kind="occupation", title=title, **fields
    )
    if wages is not None:
        group, _created = m.IscoGroup.objects.get_or_create(code="9999", name="Pomocníci")
        table, _created = WageTable.objects.get_or_create(isco_group=group, year=wages)
        OccupationWageTable.objects.create(
            occupation=occupation, table=table, scope="regional", isco_name=""
        )
    return occupation


def level(occupation, name, text="", position=0):
    entry, _created = m.QualificationLevel.objects.get_or_create(name=name)
    m.OccupationQualification.objects.create(
        occupation=occupation, level=entry, text=text, position=position
    )


# --- the seeds ---------------------------------------------------------------------------

# Read from the two texts: seed 001 fuses alternative names into its level; seed 000 names
# a parent and three related specializations the portal has no profile of (with two
# profiles in it; in the full NSP they would be links, and a name still left over is a
# slip or a profile missing from the import); seed 001's wages are of 2020. Nothing else:
# seed 000's wages (2023) are three years old, not more; no title, alternative name or
# CZ-ISCO name repeats or disagrees; both rate the NSP's 22 factors.
SEED_FINDINGS = [
    (
        "vocabulary",
        103332,
        "qualification level",
        FUSED,
        "begins with 'Magisterský studijní program', which the pages show; left over: "
        "'Ředitel centra zákaznické podpory, Manažer pro zákaznickou podporu, Manažer pro "
        "kontakt ze zákazníky,'",
    ),
    (
        "unknown-name",
        102742,
        "parent occupation",
        "Specialista služeb zákazníkům",
        "no profile of this title in the portal",
    ),
    *(
        (
            "unknown-name",
            102742,
            "related occupations",
            name,
            "no profile of this title in the portal",
        )
        for name in (
            "Manažer call centra",
            "Školitel operátorů zákaznické linky",
            "Operátor zákaznické linky",
        )
    ),
    (
        "wages",
        103332,
        "wages",
        "2020",
        "the newest wages are of 2020 (old: 2022 and earlier)",
    ),
]


def test_the_seeds_have_exactly_the_findings_a_careful_reader_lists(seeds):
    assert found() == SEED_FINDINGS


def test_the_import_reports_the_findings_of_the_seeds_by_kind(seed_paths, settings):
    # Today's year decides the wages' age: 2020 is always past the limit, 2023 never.
    settings.WAGES_MAX_AGE_YEARS = date.today().year - 2021

    report = import_paths(seed_paths, dry_run=True)

    assert [(kind.key, number) for kind, number in report.finding_counts()] == [
        ("vocabulary", 1),
        ("unknown-name", 4),
        ("wages", 1),
    ]
    [(source, fused)] = [
        (source, finding)
        for source, finding in report.findings_with_sources()
        if finding.kind is quality.VOCABULARY
    ]
    assert (source, fused.text) == (str(SEED_OCCUPATION), FUSED)
    assert not m.Occupation.objects.exists()  # a dry run, and findings never stop one


def test_the_findings_of_an_import_are_of_its_own_profiles(seeds, settings):
    settings.WAGES_MAX_AGE_YEARS = date.today().year - 2021
    report = import_paths([SEED_SPECIALIZATION])
    assert {finding.nsp_id for finding in report.findings} == {102742}
    assert [(kind.key, number) for kind, number in report.finding_counts()] == [("unknown-name", 4)]


# --- a value outside its vocabulary ------------------------------------------------------


def test_levels_outside_the_vocabulary(db):
    occupation = profile(1, "Pekař")
    level(occupation, "Střední vzdělání s výučním listem", position=0)  # fine
    level(occupation, "Magisterský studijní program", FUSED, position=1)
    level(occupation, "Bakalářský studijní program", "bakalářský studijní program", position=2)
    level(occupation, "Zaškolení na pracovišti", position=3)

    assert of_kind(quality.VOCABULARY) == [
        (
            1,
            "qualification level",
            FUSED,
            "begins with 'Magisterský studijní program', which the pages show; left over: "
            "'Ředitel centra zákaznické podpory, Manažer pro zákaznickou podporu, Manažer pro "
            "kontakt ze zákazníky,'",
        ),
        (
            1,
            "qualification level",
            "bakalářský studijní program",
            "written otherwise than 'Bakalářský studijní program'",
        ),
        (
            1,
            "qualification level",
            "Zaškolení na pracovišti",
            "not a qualification level of the NSP",
        ),
    ]


def test_a_factor_outside_the_vocabulary_is_listed_once_for_all_its_levels(db):
    occupation = profile(1, "Pekař")
    noise = m.WorkConditionFactor.objects.create(name="Zátěž hlukem")
    cold = m.WorkConditionFactor.objects.create(name="Zátěž mrazem")
    for level_ in (2, 3):
        m.WorkConditionLoad.objects.create(
            occupation=occupation,
            position=0,
            factor=noise,
            text="Zátěž hlukem nad 85 dB",
            level=level_,
        )
    m.WorkConditionLoad.objects.create(occupation=occupation, position=1, factor=cold, level=1)

    assert of_kind(quality.VOCABULARY) == [
        (
            1,
            "work conditions",
            "Zátěž hlukem nad 85 dB",
            "begins with 'Zátěž hlukem', which the pages show; left over: 'nad 85 dB'",
        ),
        (1, "work conditions", "Zátěž mrazem", "not a work-condition factor of the NSP"),
    ]


def test_an_import_maps_texts_to_the_vocabulary_and_keeps_them_as_written(tmp_path):
    variant = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "variant.txt",
        ("Zátěž hlukem\t", "Zátěž hlukem v hale\t"),
        (
            "Kvalifikační úroveň:\tStřední vzdělání s maturitní zkouškou;",
            "Kvalifikační úroveň:\tStřední vzdělání s maturitní zkouškou (obchodní akademie);",
        ),
    )
    import_paths([variant, SEED_OCCUPATION])

    specialist = m.Occupation.objects.get(nsp_id=102742)
    assert [(q.level.name, q.text) for q in specialist.qualification_links.all()] == [
        (
            "Střední vzdělání s maturitní zkouškou",
            "Střední vzdělání s maturitní zkouškou (obchodní akademie)",
        ),
        ("Střední vzdělání s výučním listem i maturitní zkouškou", ""),
    ]
    noise = specialist.work_condition_loads.get(position=0)
    assert (noise.factor.name, noise.text, noise.level) == (
        "Zátěž hlukem",
        "Zátěž hlukem v hale",
        2,
    )
    # One catalogue entry per value of the vocabulary; the documents are as parsed.
    assert m.WorkConditionFactor.objects.count() == 22
    assert sorted(m.QualificationLevel.objects.values_list("name", flat=True)) == [
        "Magisterský studijní program",
        "Střední vzdělání s maturitní zkouškou",
        "Střední vzdělání s výučním listem i maturitní zkouškou",
    ]
    assert profile_document(102742) == parse_file(variant)
    assert profile_document(103332) == parse_file(SEED_OCCUPATION)
    assert not import_paths([variant, SEED_OCCUPATION]).changed


# --- a name that matches no profile ------------------------------------------------------


def test_parent_and_related_names_that_match_no_profile(db):
    baker = profile(1, "Pekař", parent_name="Pekař")  # itself
    profile(2, "Cukrář")
    confectioner_hand = profile(3, "Pomocný cukrář", parent_name="cukrar")  # a slip
    for position, name in enumerate(["Cukrář", "Mlynář"]):
        m.RelatedOccupation.objects.create(occupation=baker, position=position, name=name)
    link_related_profiles()

    assert confectioner_hand.parent_name == "cukrar"
    assert of_kind(quality.UNKNOWN_NAME) == [
        (1, "parent occupation", "Pekař", "names this profile itself"),
        (1, "related occupations", "Mlynář", "no profile of this title in the portal"),
        (3, "parent occupation", "cukrar", "no profile of this title; did you mean 'Cukrář'?"),
    ]


# --- missing or old wages ----------------------------------------------------------------


def test_profiles_without_wages_or_with_old_ones(db):
    profile(1, "Pekař", wages=None)
    profile(2, "Cukrář", wages=YEAR - 3)  # three years old: not more than the limit
    profile(3, "Mlynář", wages=YEAR - 4)

    assert of_kind(quality.WAGES) == [
        (3, "wages", "2022", "the newest wages are of 2022 (old: 2022 and earlier)"),
        (1, "wages", "", "no wages"),
    ]
    assert of_kind(quality.WAGES, max_wage_age=5) == [(1, "wages", "", "no wages")]


# --- the same title ----------------------------------------------------------------------


def test_the_same_title_on_two_profiles(db):
    profile(1, "Pekař")
    profile(2, "pekar")  # case and diacritics aside, the same
    profile(3, "Pekařka")

    assert of_kind(quality.DUPLICATE_TITLE) == [
        (2, "title", "pekar", "also the title of NSP 1"),  # Czech order: r before ř
        (1, "title", "Pekař", "also the title of NSP 2"),
    ]


# --- a CZ-ISCO group named differently ---------------------------------------------------


def test_two_files_that_name_a_group_differently(tmp_path):
    renamed = write_variant(
        tmp_path,
        SEED_SPECIALIZATION,
        "renamed.txt",
        ("102742", "190004"),
        ("Pracovník distančního zákaznického servisu\n", "Operátor kontaktního centra\n"),
        ("- 4222 - Pracovníci v zákaznických kontaktních", "- 4222 - Pracovníci v kontaktních"),
    )
    import_paths([SEED_SPECIALIZATION, renamed])

    # The portal names the group as the last file's CZ-ISCO list does. The seed names it
    # otherwise in its list and above its wage tables: one finding. The other file's wage
    # tables name it as the seed does: a finding of theirs.
    portal_name = "the portal names CZ-ISCO 4222 'Pracovníci v kontaktních centrech'"
    seed_name = "4222 Pracovníci v zákaznických kontaktních centrech"
    assert of_kind(quality.ISCO_NAME) == [
        (190004, "wages", seed_name, portal_name),  # "Operátor…" before "Pracovník…"
        (102742, "CZ-ISCO", seed_name, portal_name),
    ]


def test_a_wage_table_heading_that_names_the_group_otherwise(db):
    occupation = profile(1, "Pekař", wages=None)
    group = m.IscoGroup.objects.create(code="7512", name="Pekaři, cukráři")
    m.OccupationIsco.objects.create(occupation=occupation, group=group, name="")
    table = WageTable.objects.create(isco_group=group, year=YEAR - 1)
    OccupationWageTable.objects.create(
        occupation=occupation, table=table, scope="regional", isco_name="Pekaři"
    )
    # The group's own name, typed by an editor, is no finding.
    OccupationWageTable.objects.create(
        occupation=occupation, table=table, scope="national", isco_name="Pekaři, cukráři"
    )

    assert of_kind(quality.ISCO_NAME) == [
        (1, "wages", "7512 Pekaři", "the portal names CZ-ISCO 7512 'Pekaři, cukráři'")
    ]


# --- alternative names -------------------------------------------------------------------


def test_alternative_names_equal_to_the_title_or_listed_twice(db):
    baker = profile(1, "Pekař")
    for position, name in enumerate(["Pekař pečiva", "pekar", "Pekař pečiva", "Chlebař"]):
        m.AlternativeName.objects.create(occupation=baker, position=position, name=name)

    assert of_kind(quality.ALTERNATIVE_NAME) == [
        (1, "alternative names", "pekar", "the same as the title"),
        (1, "alternative names", "Pekař pečiva", "listed twice (also as 'Pekař pečiva')"),
    ]


def test_counts_name_every_kind_in_order(seeds):
    assert [(kind.key, number) for kind, number in quality.counts(quality.findings(year=YEAR))] == [
        ("vocabulary", 1),
        ("unknown-name", 4),
        ("wages", 1),
        ("duplicate-title", 0),
        ("isco-name", 0),
        ("alternative-name", 0),
    ]
