"""/povolani/: every filter, sorting, pagination and the empty result, on both seeds.

Expected values are read from the seed texts:
- 102742 Pracovník distančního zákaznického servisu (specialization, Obchod a marketing):
  Praha business median 42 292, no Karlovarský kraj row, national business median 37 027;
  Zátěž hlukem at 2, Celková fyzická zátěž at 1; no "Poruchy vidění"; KKOV 6341M.
- 103332 Ředitel zákaznických služeb (occupation, Management): Praha business median
  98 245 and public 63 784, Karlovarský kraj 66 693; national business median 74 546;
  Zátěž hlukem at 1, Celková fyzická zátěž at 1 and 2; "Poruchy vidění"; KKOV 6208T;
  general skill b02 "Způsobilost k řízení osobního automobilu".
"""

import pytest
from django.urls import reverse

from occupations.models import HealthRestriction, Occupation, WorkConditionFactor

pytestmark = pytest.mark.django_db

SPECIALIST = "Pracovník distančního zákaznického servisu"
DIRECTOR = "Ředitel zákaznických služeb"


def listed(client, **params):
    response = client.get(reverse("occupations:list"), params)
    assert response.status_code == 200
    return [occupation.title for occupation in response.context["page"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [SPECIALIST, DIRECTOR]),
        ({"q": "reditel"}, [DIRECTOR]),
        ({"obor": "management"}, [DIRECTOR]),
        ({"obor": "obchod-a-marketing"}, [SPECIALIST]),
        ({"druh": "specialization"}, [SPECIALIST]),
        ({"druh": "occupation"}, [DIRECTOR]),
        ({"vzdelani": "6341M"}, [SPECIALIST]),
        ({"vzdelani": "6208t"}, [DIRECTOR]),
        ({"vzdelani": "xx-xx-M/xx"}, [SPECIALIST]),
        ({"isco": "4222"}, [SPECIALIST]),
        ({"isco": "12"}, [DIRECTOR]),
        ({"isco": "12214"}, [DIRECTOR]),
        ({"kompetence": "b02"}, [DIRECTOR]),
        ({"kompetence": "rizeni osobniho automobilu"}, [DIRECTOR]),
        ({"kompetence": "h13._.0024"}, [SPECIALIST, DIRECTOR]),
        ({"kompetence": "efektivni komunikaci"}, [SPECIALIST, DIRECTOR]),
        ({"zatez_max": "1"}, []),
        ({"zatez_max": "2"}, [SPECIALIST, DIRECTOR]),
        ({"kraj": "praha", "mzda_od": "50000"}, [DIRECTOR]),
        ({"kraj": "praha", "mzda_od": "42292"}, [SPECIALIST, DIRECTOR]),
        ({"kraj": "praha", "mzda_od": "42293"}, [DIRECTOR]),
        ({"kraj": "karlovarsky", "mzda_od": "1"}, [DIRECTOR]),
        ({"kraj": "praha", "sfera": "public", "mzda_od": "1"}, [DIRECTOR]),
        ({"mzda_od": "37027"}, [SPECIALIST, DIRECTOR]),
        ({"mzda_od": "40000"}, [DIRECTOR]),
        ({"sfera": "public", "mzda_od": "35778"}, [SPECIALIST, DIRECTOR]),
        ({"sfera": "public", "mzda_od": "58352"}, []),
    ],
)
def test_each_filter_narrows_the_list(client, seeds, params, expected):
    assert listed(client, **params) == expected


def test_subfield_filter(client, seeds):
    subfield = Occupation.objects.get(nsp_id=102742).subfield
    assert listed(client, podobor=subfield.pk) == [SPECIALIST]


def test_qualification_level_filter(client, seeds):
    level = Occupation.objects.get(nsp_id=102742).qualification_levels.get(
        name="Střední vzdělání s maturitní zkouškou"
    )
    assert listed(client, kvalifikace=level.pk) == [SPECIALIST]


@pytest.mark.parametrize(
    ("factor", "expected"),
    [("Zátěž hlukem", [DIRECTOR]), ("Celková fyzická zátěž", [SPECIALIST])],
)
def test_avoiding_a_work_condition_factor(client, seeds, factor, expected):
    factor_id = WorkConditionFactor.objects.get(name=factor).pk
    assert listed(client, bez_faktoru=factor_id) == expected


def test_avoiding_several_factors_excludes_any_that_carries_one(client, seeds):
    ids = WorkConditionFactor.objects.filter(
        name__in=["Zátěž hlukem", "Celková fyzická zátěž"]
    ).values_list("pk", flat=True)
    assert listed(client, bez_faktoru=list(ids)) == []


def test_avoiding_a_health_restriction(client, seeds):
    sight = HealthRestriction.objects.get(name="Poruchy vidění").pk
    mental = HealthRestriction.objects.get(name="Duševní poruchy").pk
    assert listed(client, bez_omezeni=sight) == [SPECIALIST]
    assert listed(client, bez_omezeni=mental) == []


def test_sorting_by_median_wage(client, seeds):
    assert listed(client, razeni="mzda-sestupne") == [DIRECTOR, SPECIALIST]
    assert listed(client, razeni="mzda-vzestupne") == [SPECIALIST, DIRECTOR]
    assert listed(client, razeni="mzda-sestupne", kraj="karlovarsky") == [DIRECTOR, SPECIALIST]


def test_the_median_shown_is_for_the_chosen_region_and_sphere(client, seeds):
    response = client.get(reverse("occupations:list"), {"kraj": "praha", "sfera": "public"})
    medians = {o.nsp_id: o.median for o in response.context["page"]}
    assert medians == {103332: 63784, 102742: None}
    assert "63\xa0784\xa0Kč" in response.content.decode()


def test_bad_values_are_explained_and_ignored(client, seeds):
    response = client.get(
        reverse("occupations:list"),
        {"mzda_od": "hodně", "kraj": "atlantida", "q": "reditel", "strana": "x"},
    )
    assert response.status_code == 200
    assert [o.title for o in response.context["page"]] == [DIRECTOR]
    errors = response.context["filter"].errors
    assert set(errors) == {"mzda_od", "kraj"}
    assert "Zadejte číslo." in response.content.decode()


def test_the_state_lives_in_the_url_and_pages_keep_it(client, db):
    for number in range(25):
        Occupation.objects.create(
            nsp_id=1000 + number, kind="occupation", title=f"Zedník {number:02d}"
        )

    first = client.get(reverse("occupations:list"), {"q": "zednik"})
    second = client.get(reverse("occupations:list"), {"q": "zednik", "strana": "2"})

    assert first.context["page"].paginator.count == 25
    assert "Nalezeno 25 povolání" in first.content.decode()
    assert 'href="?q=zednik&amp;strana=2"' in first.content.decode()
    assert [o.title for o in second.context["page"]] == [f"Zedník {n}" for n in range(20, 25)]


def test_an_empty_result_helps(client, seeds):
    response = client.get(reverse("occupations:list"), {"q": "astronaut", "obor": "management"})
    page = response.content.decode()
    assert "Zadání neodpovídá žádné povolání." in page
    assert "Zkuste zrušit některý z filtrů výše." in page
    assert 'href="?q=astronaut"' in page  # drops the field filter, keeps the query
    assert "Zobrazit všechna povolání" in page
