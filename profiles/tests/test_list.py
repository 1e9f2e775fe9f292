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
from django.utils.text import slugify

from occupations.models import (
    AlternativeName,
    Field,
    HealthRestriction,
    Occupation,
    QualificationLevel,
    Subfield,
    WorkConditionFactor,
)
from portal.tests.html import only, parse, text

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


def test_the_qualification_filter_offers_the_real_levels_of_the_seeds(client, seeds):
    # Seed 001 writes "Magisterský studijní program Ředitel centra zákaznické podpory, …":
    # the level it begins with is the choice, and the director is found under it.
    form = filter_form(list_page(client, {}))
    assert options_of(form, "kvalifikace") == [
        "Střední vzdělání s maturitní zkouškou",
        "Střední vzdělání s výučním listem i maturitní zkouškou",
        "Magisterský studijní program",
    ]
    master = QualificationLevel.objects.get(name="Magisterský studijní program")
    assert listed(client, kvalifikace=master.pk) == [DIRECTOR]


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
    # Without a figure in the region, last in either order.
    assert listed(client, razeni="mzda-vzestupne", kraj="karlovarsky") == [DIRECTOR, SPECIALIST]


def test_a_search_in_another_order_keeps_what_it_found(client, seeds):
    assert listed(client, q="zakaznick", razeni="nazev") == [SPECIALIST, DIRECTOR]
    assert listed(client, q="zakaznick", razeni="mzda-sestupne") == [DIRECTOR, SPECIALIST]
    assert listed(client, q="reditel", razeni="mzda-vzestupne", kraj="praha") == [DIRECTOR]
    assert listed(client, q="reditel", kraj="praha", mzda_od="98246") == []


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


def list_page(client, params):
    response = client.get(reverse("occupations:list"), params)
    assert response.status_code == 200
    return parse(response.content.decode())


def filter_form(document):
    return only(document, ".//form[@class='filters']")


def submitted(form):
    """What a browser sends for the form as it is shown: a select with no option selected
    sends its first option."""
    data = []
    for element in form.iter():
        name = element.get("name")
        if not name:
            continue
        if element.tag == "input" and element.get("type") in ("checkbox", "radio"):
            if "checked" in element.attrib:
                data.append((name, element.get("value")))
        elif element.tag == "input":
            data.append((name, element.get("value", "")))
        elif element.tag == "select":
            options = element.findall("option")
            chosen = [o for o in options if "selected" in o.attrib] or options[:1]
            data += [(name, option.get("value")) for option in chosen]
    return data


def result_titles(document):
    return [text(a) for a in document.findall(".//ol[@class='occupation-list']//h3/a")]


@pytest.mark.parametrize(
    ("params", "selected"),
    [
        ({}, "nazev"),
        ({"q": "servisni"}, "relevance"),
        ({"q": "servisni", "razeni": "relevance"}, "relevance"),
        ({"q": "servisni", "razeni": "nazev"}, "nazev"),
        ({"q": "servisni", "razeni": "mzda-sestupne"}, "mzda-sestupne"),
        ({"razeni": "relevance"}, "nazev"),  # nothing to be relevant to: by title
        ({"q": "   ", "razeni": "relevance"}, "nazev"),
        ({"razeni": "nahodne"}, "nazev"),  # refused, explained, and the default applies
    ],
)
def test_the_sort_control_shows_the_order_applied(client, db, params, selected):
    document = list_page(client, params)
    options = document.findall(".//select[@name='razeni']/option[@selected]")
    assert [option.get("value") for option in options] == [selected]


def test_submitting_the_form_again_keeps_the_order_of_a_search(client, db):
    Occupation.objects.create(nsp_id=1, kind="occupation", title="Servisní technik")
    assistant = Occupation.objects.create(nsp_id=2, kind="occupation", title="Asistent")
    AlternativeName.objects.create(occupation=assistant, name="Servisní asistent")
    assistant.save()  # search_names from the stored alternative name

    searched = list_page(client, {"q": "servisni"})
    again = client.get(reverse("occupations:list"), submitted(filter_form(searched)))

    assert result_titles(searched) == ["Servisní technik", "Asistent"]  # title match first
    assert result_titles(parse(again.content.decode())) == ["Servisní technik", "Asistent"]


def options_of(form, name):
    """The labels of a filter's choices, as listed (the empty choice left out)."""
    select = form.find(f".//select[@name='{name}']")
    if select is not None:
        return [text(option) for option in select.findall("option") if option.get("value")]
    return [
        text(choice.find("label"))
        for choice in form.iterfind(".//div[@class='checkbox']")
        if choice.find("input").get("name") == name
    ]


def test_filter_choices_are_in_czech_alphabetical_order(client, db):
    """Czech order: ch after h; č, ř, š, ž after c, r, s, z; á, í… only break ties. Byte
    order (SQLite) and most PostgreSQL collations put these differently."""
    for name in ["Zemědělství", "Chemie", "Hornictví", "Čalounictví", "Cestovní ruch"]:
        Field.objects.create(name=name, slug=slugify(name))
    chemistry = Field.objects.get(name="Chemie")
    for name in ["chlazení", "hutnictví", "analytika"]:
        Subfield.objects.create(field=chemistry, name=name)
    Subfield.objects.create(field=Field.objects.get(name="Čalounictví"), name="nábytek")
    for name in [
        "Zaškolení na pracovišti",
        "Základní vzdělání",
        "Střední vzdělání s výučním listem",
        "Střední vzdělání s maturitní zkouškou",
    ]:
        QualificationLevel.objects.create(name=name)
    for name in [
        "Zraková zátěž",
        "Zátěž hlukem",
        "Pracovní doba, směnnost",
        "Práce ve výškách",
        "Celková fyzická zátěž",
    ]:
        WorkConditionFactor.objects.create(name=name)
    for name in ["Poruchy vidění", "Chronické nemoci", "Duševní poruchy", "Hluchota"]:
        HealthRestriction.objects.create(name=name)

    form = filter_form(list_page(client, {}))

    assert options_of(form, "obor") == [
        "Cestovní ruch",
        "Čalounictví",
        "Hornictví",
        "Chemie",
        "Zemědělství",
    ]
    assert options_of(form, "podobor") == [
        "Čalounictví › nábytek",
        "Chemie › analytika",
        "Chemie › hutnictví",
        "Chemie › chlazení",
    ]
    # Levels go from the lowest (the NSP's order), and a name outside the NSP's levels
    # is no choice.
    assert options_of(form, "kvalifikace") == [
        "Základní vzdělání",
        "Střední vzdělání s výučním listem",
        "Střední vzdělání s maturitní zkouškou",
    ]
    assert options_of(form, "bez_faktoru") == [
        "Celková fyzická zátěž",
        "Práce ve výškách",
        "Pracovní doba, směnnost",
        "Zátěž hlukem",
        "Zraková zátěž",
    ]
    assert options_of(form, "bez_omezeni") == [
        "Duševní poruchy",
        "Hluchota",
        "Chronické nemoci",
        "Poruchy vidění",
    ]


def open_groups(document):
    return [
        text(only(details, "summary"))
        for details in filter_form(document).iterfind(".//details")
        if "open" in details.attrib
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, []),
        ({"q": "reditel", "razeni": "nazev"}, []),  # search and order are not in a group
        ({"kraj": "", "sfera": "business", "mzda_od": "", "zatez_max": ""}, []),  # defaults
        ({"sfera": "xx"}, ["Mzda"]),  # an error
        ({"sfera": "public"}, ["Mzda"]),
        ({"kraj": "praha"}, ["Mzda"]),
        ({"mzda_od": "hodně"}, ["Mzda"]),
        ({"isco": "42"}, ["Obor a vzdělání"]),
        ({"kvalifikace": "x"}, ["Obor a vzdělání"]),
        ({"druh": "occupation", "kompetence": "b02"}, ["Obor a vzdělání", "Kompetence"]),
        ({"zatez_max": "9"}, ["Pracovní podmínky a zdraví"]),
        ({"bez_faktoru": "999"}, ["Pracovní podmínky a zdraví"]),
    ],
)
def test_a_filter_group_is_open_when_it_holds_a_value_or_an_error(client, seeds, params, expected):
    assert open_groups(list_page(client, params)) == expected


def test_a_wage_error_shows_in_the_open_group(client, seeds):
    form = filter_form(list_page(client, {"sfera": "xx"}))
    [error] = form.findall(".//p[@class='error']")
    [group] = [details for details in form.iter("details") if error in details.iter()]
    assert text(only(group, "summary")) == "Mzda"
    assert "open" in group.attrib
    assert text(error) == 'Vyberte platnou možnost, "xx" není k dispozici.'
