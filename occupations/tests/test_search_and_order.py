"""Czech-aware search and order: the same results on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from occupations.models import AlternativeName, Occupation
from portal.czech import fold, sort_key
from portal.tests.html import parse, text
from profiles.importer import import_paths

pytestmark = pytest.mark.django_db


def make(nsp_id, title, alternative_names=()):
    occupation = Occupation(nsp_id=nsp_id, kind="occupation", title=title)
    occupation.refresh_search_fields(alternative_names=list(alternative_names))
    occupation.save()
    for position, name in enumerate(alternative_names):
        AlternativeName.objects.create(occupation=occupation, position=position, name=name)
    occupation.save()  # search_names from the stored alternative names
    return occupation


def titles(queryset):
    return [occupation.title for occupation in queryset]


def test_fold_removes_case_and_diacritics():
    assert fold("  ŘEDITEL   zákaznických  služeb ") == "reditel zakaznickych sluzeb"
    assert fold("Účetní – ÚČETNÍ") == "ucetni – ucetni"


@pytest.mark.parametrize(
    "query", ["reditel", "Ředitel", "REDITEL", "ředitel zákaznických", "reditel sluzeb"]
)
def test_search_ignores_case_and_diacritics(seeds, query):
    assert titles(Occupation.objects.search(query)) == ["Ředitel zákaznických služeb"]


def test_search_finds_a_word_start_inside_titles(seeds):
    assert titles(Occupation.objects.search("ZAKAZNICK")) == [
        "Pracovník distančního zákaznického servisu",
        "Ředitel zákaznických služeb",
    ]


def test_search_covers_alternative_names(seeds):
    assert titles(Occupation.objects.search("Customer Service Manager")) == [
        "Ředitel zákaznických služeb"
    ]
    assert titles(Occupation.objects.search("vnitrniho prodeje")) == ["Ředitel zákaznických služeb"]


def test_every_word_must_match(seeds):
    assert titles(Occupation.objects.search("reditel distancniho")) == []


def test_title_matches_come_before_alternative_name_matches():
    make(1, "Účetní", ["Mzdový referent"])
    make(2, "Referent mzdové účtárny")
    make(3, "Asistent", ["Referent"])

    assert titles(Occupation.objects.search("referent")) == [
        "Referent mzdové účtárny",
        "Asistent",
        "Účetní",
    ]


def test_an_empty_query_does_not_filter(seeds):
    assert Occupation.objects.search("   ").count() == 2


def test_search_treats_sql_wildcards_as_text(seeds):
    assert titles(Occupation.objects.search("%")) == []
    assert titles(Occupation.objects.search("_")) == []


CZECH_ORDER = [
    "Cukrář",
    "Čalouník",
    "Hasič",
    "Chemik",
    "Ilustrátor",
    "Internista",
    "Kuchař",
    "Kuchařka",
    "Rybář",
    "Řezník",
    "Svářeč",
    "Šička",
    "Účetní",
    "Uklízeč",
    "Zedník",
    "Žehlič",
]


def test_czech_order_puts_ch_after_h_and_caron_letters_after_their_base():
    for nsp_id, title in enumerate(reversed(CZECH_ORDER), start=1):
        make(nsp_id, title)

    assert titles(Occupation.objects.czech_order()) == CZECH_ORDER


def test_sort_key_breaks_ties_by_accent_then_case():
    words = ["pracovní", "Pracovník", "pracovnik", "Pracovník v", "prace"]
    assert sorted(words, key=sort_key) == [
        "prace",
        "pracovní",
        "pracovnik",
        "Pracovník",
        "Pracovník v",
    ]


# Copies of the seeds with their own titles, imported like any export. The director's
# copies keep its alternative names ("Ředitel kontaktního centra"…) and its 2020 wages
# (national business median 74 546, Karlovarský kraj 66 693); the specialist's copies
# have no alternative names and its 2023 wages (37 027, no Karlovarský kraj row).
DIRECTOR_COPIES = ["Cukrář", "Hasič", "Internista", "Ředitel", "Svářeč", "Zedník"]
SPECIALIST_COPIES = ["Čalouník", "Chemik", "Rybář", "Řezník", "Šička", "Žehlič"]
ALL_IN_CZECH_ORDER = [
    "Cukrář",
    "Čalouník",
    "Hasič",
    "Chemik",
    "Internista",
    "Rybář",
    "Ředitel",
    "Řezník",
    "Svářeč",
    "Šička",
    "Zedník",
    "Žehlič",
]


@pytest.fixture
def copies(db, tmp_path):
    paths = []
    for seed, title, nsp_id, titles in [
        (SEED_OCCUPATION, "Ředitel zákaznických služeb", "103332", DIRECTOR_COPIES),
        (
            SEED_SPECIALIZATION,
            "Pracovník distančního zákaznického servisu",
            "102742",
            SPECIALIST_COPIES,
        ),
    ]:
        source = seed.read_text(encoding="utf-8")
        assert source.count(f"\n{title}\n") == 1
        for number, new_title in enumerate(titles):
            path = tmp_path / f"{nsp_id}-{number}.txt"
            path.write_text(
                source.replace(nsp_id, str(int(nsp_id) + 100000 + number)).replace(
                    f"\n{title}\n", f"\n{new_title}\n"
                ),
                encoding="utf-8",
            )
            paths.append(path)
    import_paths(paths)


def listed_by_the_page(client, params):
    response = client.get(reverse("occupations:list"), params)
    assert response.status_code == 200
    document = parse(response.content.decode())
    return [text(a) for a in document.findall(".//ol[@class='occupation-list']//h3/a")]


def listed_by_the_api(client, params):
    response = client.get(reverse("api:occupations"), params)
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.parametrize("listed", [listed_by_the_page, listed_by_the_api], ids=["page", "api"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL_IN_CZECH_ORDER),
        ({"razeni": "nazev"}, ALL_IN_CZECH_ORDER),
        # A search: title matches first, then alternative-name matches, each in Czech order.
        ({"q": "reditel"}, ["Ředitel", "Cukrář", "Hasič", "Internista", "Svářeč", "Zedník"]),
        ({"q": "reditel", "razeni": "nazev"}, DIRECTOR_COPIES),
        # Lowest median first; ties in Czech order.
        ({"razeni": "mzda-vzestupne"}, SPECIALIST_COPIES + DIRECTOR_COPIES),
        ({"razeni": "mzda-sestupne"}, DIRECTOR_COPIES + SPECIALIST_COPIES),
        # No figure for the specialist's copies in Karlovarský kraj: last, either way.
        ({"razeni": "mzda-vzestupne", "kraj": "karlovarsky"}, DIRECTOR_COPIES + SPECIALIST_COPIES),
        ({"razeni": "mzda-sestupne", "kraj": "karlovarsky"}, DIRECTOR_COPIES + SPECIALIST_COPIES),
    ],
)
def test_the_list_and_the_api_give_the_same_czech_order(client, copies, listed, params, expected):
    assert listed(client, params) == expected
