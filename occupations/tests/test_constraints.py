"""Each database constraint refuses a bad row, on SQLite and on PostgreSQL alike."""

import pytest
from django.db import DataError, IntegrityError, transaction

from competences.models import Competence, OccupationCompetence
from occupations.models import (
    Activity,
    AlternativeName,
    EducationField,
    EscoLink,
    Field,
    HealthRestriction,
    IscoGroup,
    Occupation,
    OccupationEducation,
    OccupationHealthRestriction,
    OccupationIsco,
    OccupationQualification,
    QualificationLevel,
    RelatedOccupation,
    SlugRedirect,
    Subfield,
    WorkConditionFactor,
    WorkConditionLoad,
)
from wages.models import OccupationWageTable, Region, WageFigure, WageTable

pytestmark = pytest.mark.django_db


def refused(create):
    # PostgreSQL refuses a too-long value before any CHECK runs (DataError).
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        create()


@pytest.fixture
def occupation():
    return Occupation.objects.create(nsp_id=1, kind="occupation", title="Zedník")


@pytest.fixture
def table():
    return WageTable.objects.create(
        isco_group=IscoGroup.objects.create(code="7112", name="Zedníci"), year=2023
    )


@pytest.fixture
def praha():
    return Region.objects.get(slug="praha")


def test_occupation_nsp_id_is_unique(occupation):
    refused(lambda: Occupation.objects.create(nsp_id=1, kind="occupation", title="Jiný"))


def test_occupation_nsp_id_is_positive():
    refused(lambda: Occupation.objects.create(nsp_id=0, kind="occupation", title="Nula"))


def test_occupation_kind_is_occupation_or_specialization():
    refused(lambda: Occupation.objects.create(nsp_id=2, kind="hobby", title="Kutil"))


def test_occupation_title_is_not_empty():
    refused(lambda: Occupation.objects.create(nsp_id=3, kind="occupation", title="", slug="x"))


def test_occupation_slug_is_unique(occupation):
    refused(
        lambda: Occupation.objects.create(nsp_id=4, kind="occupation", title="B", slug="zednik")
    )


def test_subfield_is_unique_within_its_field():
    field = Field.objects.create(name="Stavebnictví", slug="stavebnictvi")
    Subfield.objects.create(field=field, name="zednictví")
    refused(lambda: Subfield.objects.create(field=field, name="zednictví"))


def test_the_same_subfield_name_may_recur_under_another_field():
    for name in ("Stavebnictví", "Doprava"):
        field = Field.objects.create(name=name, slug=name.lower())
        Subfield.objects.create(field=field, name="nezařazeno do odborného podsměru")
    assert Subfield.objects.count() == 2


def test_isco_code_is_unique():
    IscoGroup.objects.create(code="4222", name="A")
    refused(lambda: IscoGroup.objects.create(code="4222", name="B"))


@pytest.mark.parametrize("code", ["", "123456", "42a2"])
def test_isco_code_is_one_to_five_digits(code):
    refused(lambda: IscoGroup.objects.create(code=code, name="X"))


def test_education_field_is_unique_by_type_code_and_name():
    EducationField.objects.create(type="KKOV", code="6341M", name="Ekonomika")
    refused(lambda: EducationField.objects.create(type="KKOV", code="6341M", name="Ekonomika"))


def test_education_field_type_is_rvp_or_kkov():
    refused(lambda: EducationField.objects.create(type="ISCED", code="1", name="X"))


def test_education_tier_is_best_or_suitable(occupation):
    field = EducationField.objects.create(type="RVP", code="xx-xx-M/xx", name="Maturita")
    refused(
        lambda: OccupationEducation.objects.create(occupation=occupation, field=field, tier="ok")
    )


@pytest.mark.parametrize("level", [0, 5])
def test_work_condition_level_is_one_to_four(occupation, level):
    factor = WorkConditionFactor.objects.create(name="Zátěž hlukem")
    refused(
        lambda: WorkConditionLoad.objects.create(occupation=occupation, factor=factor, level=level)
    )


def test_work_condition_level_is_marked_once_per_factor(occupation):
    factor = WorkConditionFactor.objects.create(name="Zátěž hlukem")
    WorkConditionLoad.objects.create(occupation=occupation, factor=factor, level=2)
    WorkConditionLoad.objects.create(occupation=occupation, factor=factor, level=3)  # several
    refused(lambda: WorkConditionLoad.objects.create(occupation=occupation, factor=factor, level=2))


def test_activity_position_is_unique_per_occupation(occupation):
    Activity.objects.create(occupation=occupation, position=0, text="Zdění")
    refused(lambda: Activity.objects.create(occupation=occupation, position=0, text="Omítání"))


def test_wage_table_is_unique_per_group_and_year(table):
    refused(lambda: WageTable.objects.create(isco_group=table.isco_group, year=2023))


def test_wage_table_year_is_plausible(table):
    refused(lambda: WageTable.objects.create(isco_group=table.isco_group, year=23))


@pytest.mark.parametrize(
    ("low", "median", "high"),
    [(30000, 29000, 40000), (20000, 45000, 40000), (50000, None, 40000)],
)
def test_wage_low_median_high_are_ordered(table, praha, low, median, high):
    refused(
        lambda: WageFigure.objects.create(
            table=table, region=praha, sphere="business", low=low, median=median, high=high
        )
    )


def test_wage_figures_may_be_missing_but_not_disordered(table, praha):
    WageFigure.objects.create(table=table, region=praha, sphere="public")
    WageFigure.objects.create(table=table, region=praha, sphere="business", median=40000)
    assert WageFigure.objects.count() == 2


def test_wage_figure_is_unique_per_region_and_sphere(table, praha):
    WageFigure.objects.create(table=table, region=praha, sphere="business", median=1)
    refused(
        lambda: WageFigure.objects.create(table=table, region=praha, sphere="business", median=2)
    )


def test_national_median_is_unique_per_sphere(table):
    WageFigure.objects.create(table=table, region=None, sphere="public", median=1)
    refused(lambda: WageFigure.objects.create(table=table, region=None, sphere="public", median=2))


def test_national_figure_is_a_median_only(table):
    refused(
        lambda: WageFigure.objects.create(
            table=table, region=None, sphere="business", low=1, median=2
        )
    )


def test_wage_sphere_is_business_or_public(table, praha):
    refused(lambda: WageFigure.objects.create(table=table, region=praha, sphere="private"))


def test_occupation_shows_a_wage_table_once_per_scope(occupation, table):
    OccupationWageTable.objects.create(occupation=occupation, table=table, scope="regional")
    OccupationWageTable.objects.create(occupation=occupation, table=table, scope="national")
    refused(
        lambda: OccupationWageTable.objects.create(
            occupation=occupation, table=table, scope="regional"
        )
    )


def test_competence_code_is_unique_within_its_category():
    Competence.objects.create(category="soft", code="2.1", name="Komunikace")
    Competence.objects.create(category="digital", code="2.1", name="Interakce")  # other category
    refused(lambda: Competence.objects.create(category="soft", code="2.1", name="Jiná"))


def test_competence_category_is_known():
    refused(lambda: Competence.objects.create(category="magic", code="1", name="X"))


@pytest.mark.parametrize(
    ("category", "level", "allowed"),
    [
        ("professional_skill", 0, False),
        ("professional_skill", 1, True),
        ("professional_skill", 8, True),
        ("professional_skill", 9, False),
        ("professional_knowledge", 9, False),
        ("general_skill", 0, True),
        ("general_skill", 3, True),
        ("general_skill", 4, False),
        ("digital", 0, False),
        ("digital", 4, True),
        ("digital", 5, False),
        ("soft", 0, True),
        ("soft", 5, True),
        ("soft", 6, False),
    ],
)
def test_competence_level_lies_on_its_category_scale(occupation, category, level, allowed):
    competence = Competence.objects.create(category=category, code="c", name="Kompetence")

    def create():
        OccupationCompetence.objects.create(
            occupation=occupation, competence=competence, level=level
        )

    if allowed:
        create()
        assert OccupationCompetence.objects.get().category == category
    else:
        refused(create)


def test_competence_is_required_once_per_occupation(occupation):
    competence = Competence.objects.create(category="soft", code="2.1", name="Komunikace")
    OccupationCompetence.objects.create(occupation=occupation, competence=competence, level=3)
    refused(
        lambda: OccupationCompetence.objects.create(
            occupation=occupation, competence=competence, level=4
        )
    )


def test_competence_suitability_is_positive(occupation):
    competence = Competence.objects.create(category="professional_skill", code="a", name="A")
    refused(
        lambda: OccupationCompetence.objects.create(
            occupation=occupation, competence=competence, level=3, suitability=0
        )
    )


def test_the_fourteen_regions_ship_with_the_schema():
    assert Region.objects.count() == 14
    assert list(Region.objects.values_list("nuts3", flat=True))[:2] == ["CZ010", "CZ020"]
    assert Region.objects.get(nuts3="CZ063").name == "Kraj Vysočina"


def test_occupation_slug_is_not_empty():
    # save() would make a slug from the title; bulk_create() writes the row as it is.
    nameless = Occupation(nsp_id=5, kind="occupation", title="Zedník", slug="")
    refused(lambda: Occupation.objects.bulk_create([nameless]))


@pytest.mark.parametrize(
    "model", [AlternativeName, RelatedOccupation], ids=lambda model: model.__name__
)
def test_named_parts_have_one_row_per_position(occupation, model):
    model.objects.create(occupation=occupation, position=0, name="A")
    refused(lambda: model.objects.create(occupation=occupation, position=0, name="B"))


def test_esco_link_has_one_row_per_position(occupation):
    def link(code):
        return EscoLink.objects.create(
            occupation=occupation, position=0, code=code, name="X", url="http://x.example/"
        )

    link("7112")
    refused(lambda: link("7113"))


@pytest.mark.parametrize(
    ("model", "target_field", "make_target"),
    [
        (OccupationQualification, "level", lambda: QualificationLevel.objects.create(name="SŠ")),
        (OccupationIsco, "group", lambda: IscoGroup.objects.create(code="7112", name="Zedníci")),
        (
            OccupationHealthRestriction,
            "restriction",
            lambda: HealthRestriction.objects.create(name="Alergie"),
        ),
    ],
    ids=["qualification", "isco", "health"],
)
def test_a_shared_row_is_linked_once_per_occupation(occupation, model, target_field, make_target):
    target = make_target()
    model.objects.create(occupation=occupation, position=0, **{target_field: target})
    refused(
        lambda: model.objects.create(occupation=occupation, position=1, **{target_field: target})
    )


def test_an_education_field_is_linked_once_per_occupation(occupation):
    field = EducationField.objects.create(type="RVP", code="36-67-H/01", name="Zedník")
    OccupationEducation.objects.create(occupation=occupation, field=field, tier="best")
    refused(
        lambda: OccupationEducation.objects.create(
            occupation=occupation, field=field, tier="suitable", position=1
        )
    )


def test_wage_link_scope_is_regional_or_national(occupation, table):
    refused(
        lambda: OccupationWageTable.objects.create(occupation=occupation, table=table, scope="city")
    )


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Field, {"name": "Stavebnictví", "slug": "stavebnictvi"}),
        (QualificationLevel, {"name": "Střední vzdělání s výučním listem"}),
        (WorkConditionFactor, {"name": "Zátěž hlukem"}),
        (HealthRestriction, {"name": "Alergie"}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_catalogue_names_are_unique(model, values):
    model.objects.create(**values)
    refused(lambda: model.objects.create(**values))


def test_field_slug_is_unique():
    Field.objects.create(name="Stavebnictví", slug="stavebnictvi")
    refused(lambda: Field.objects.create(name="Stavebnictví a architektura", slug="stavebnictvi"))


@pytest.mark.parametrize("column", ["name", "slug", "nuts3", "iso_3166_2"])
def test_region_columns_are_unique(praha, column):
    values = {"name": "Nový kraj", "short_name": "Nový", "slug": "novy", "nuts3": "CZ099",
              "iso_3166_2": "CZ-99", column: getattr(praha, column)}  # fmt: skip
    refused(lambda: Region.objects.create(**values))


def test_an_old_address_redirects_to_one_profile(occupation):
    other = Occupation.objects.create(nsp_id=6, kind="occupation", title="Tesař")
    SlugRedirect.objects.create(old_slug="zednik-stary", occupation=occupation)
    refused(lambda: SlugRedirect.objects.create(old_slug="zednik-stary", occupation=other))


def test_every_constraint_of_the_data_model_is_tested_here():
    """A new constraint needs a test above that shows it refusing a bad row."""
    from django.apps import apps

    tested = set(TESTED_CONSTRAINTS)
    declared = {
        constraint.name
        for app in ("occupations", "wages", "competences")
        for model in apps.get_app_config(app).get_models()
        for constraint in model._meta.constraints
    }
    assert declared == tested


# The names of the constraints the tests above make the database refuse.
TESTED_CONSTRAINTS = [
    "subfield_unique_in_field",
    "isco_code_is_1_to_5_digits",
    "education_field_unique",
    "education_field_type_valid",
    "occupation_kind_valid",
    "occupation_nsp_id_positive",
    "occupation_title_not_empty",
    "occupation_slug_not_empty",
    "occupations_alternativename_position_unique",
    "occupations_relatedoccupation_position_unique",
    "occupations_activity_position_unique",
    "occupations_occupationqualification_once_per_occupation",
    "occupations_occupationisco_once_per_occupation",
    "occupations_escolink_position_unique",
    "occupations_workconditionload_once_per_occupation",
    "work_condition_level_1_to_4",
    "occupations_occupationeducation_once_per_occupation",
    "education_tier_valid",
    "occupations_occupationhealthrestriction_once_per_occupation",
    "wage_table_unique",
    "wage_table_year_plausible",
    "wage_figure_unique_regional",
    "wage_figure_unique_national",
    "wage_figure_sphere_valid",
    "wage_figure_low_median_high_ordered",
    "wage_figure_national_is_median_only",
    "wages_occupationwagetable_once_per_occupation",
    "wage_link_scope_valid",
    "competence_unique_code",
    "competence_category_valid",
    "competences_occupationcompetence_once_per_occupation",
    "competence_level_within_scale",
    "competence_suitability_positive",
]
