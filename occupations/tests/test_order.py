"""Czech alphabetical order, the same on SQLite and PostgreSQL, on the list and in the API."""

import pytest
from django.urls import reverse

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from occupations.models import Occupation
from portal.czech import fold, sort_key
from portal.tests.html import parse, text
from profiles.importer import import_paths

pytestmark = pytest.mark.django_db


def make(nsp_id, title):
    return Occupation.objects.create(nsp_id=nsp_id, kind="occupation", title=title)


def titles(queryset):
    return [occupation.title for occupation in queryset]


def test_fold_removes_case_and_diacritics():
    assert fold("  ŘEDITEL   zákaznických  služeb ") == "reditel zakaznickych sluzeb"
    assert fold("Účetní – ÚČETNÍ") == "ucetni – ucetni"


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
        # A search: the title first, then alternative-name matches, each in Czech order.
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
