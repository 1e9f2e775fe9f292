"""The portal's one search, through its pages and its API, on the two seeds.

Expectations read from the seed texts: 103332 is "Ředitel zákaznických služeb" (alternative
names Ředitel kontaktního centra, Customer Service Manager, Ředitel centra zákaznických
služeb, Ředitel zákaznického servisu, Ředitel vnitřního prodeje; CZ-ISCO 12214 and 1221),
102742 is "Pracovník distančního zákaznického servisu" (CZ-ISCO 42220 and 4222)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competences.models import Competence
from conftest import SEED_SPECIALIZATION
from occupations.models import AlternativeName, Occupation
from portal.tests.html import parse, text
from profiles.importer import import_paths
from search import engine
from search.index import FORMAT
from search.models import IndexSnapshot

pytestmark = pytest.mark.django_db

DIRECTOR, SPECIALIST = 103332, 102742


def listed(client, query, **params):
    """(nsp id, title) of the list page's results, in order."""
    response = client.get("/povolani/", {"q": query, **params})
    assert response.status_code == 200
    return [
        (int(card.get("data-nsp-id")), text(card.find(".//h3")))
        for card in parse(response.content.decode()).iterfind(".//article[@class='card']")
    ]


def first(client, query):
    found = listed(client, query)
    assert found, query
    return found[0][0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Every case and number of a word.
        ("ředitele", DIRECTOR),
        ("řediteli zákaznických služeb", DIRECTOR),
        ("ředitelům", DIRECTOR),
        ("pracovníka distančního servisu", SPECIALIST),
        ("zákaznického servisu", SPECIALIST),
        # Feminine forms of titles.
        ("ředitelka", DIRECTOR),
        ("ředitelky zákaznických služeb", DIRECTOR),
        ("pracovnice distančního zákaznického servisu", SPECIALIST),
        # Without diacritics, in any letter case.
        ("reditel zakaznickych sluzeb", DIRECTOR),
        ("REDITELKA", DIRECTOR),
        ("pracovnik distancniho zakaznickeho servisu", SPECIALIST),
        # One typo in a word of five letters or more.
        ("reditl", DIRECTOR),
        ("ředitel zakaznikcych sluzeb", DIRECTOR),
        ("distančnho", SPECIALIST),
        ("pracvník", SPECIALIST),
        # Alternative names, English ones too.
        ("Customer Service Manager", DIRECTOR),
        ("ředitel vnitřního prodeje", DIRECTOR),
        # The description and the activities.
        ("obousměrná komunikace", DIRECTOR),
        ("sociální média", SPECIALIST),
        ("koncepce rozvoje", DIRECTOR),
        ("zákaznické historie", SPECIALIST),
        # CZ-ISCO groups, by code and by name.
        ("4222", SPECIALIST),
        ("12214", DIRECTOR),
        ("servisních služeb a reklamací", DIRECTOR),
        # The competences a profile requires.
        ("psychologie prodeje", DIRECTOR),
        ("pracovní stres", SPECIALIST),
        ("prodej po telefonu", SPECIALIST),
    ],
)
def test_each_kind_of_query_finds_its_profile_first(client, seeds, query, expected):
    assert first(client, query) == expected


@pytest.mark.parametrize("query", ["stížnosti zákazníků", "vyřizování stížností"])
def test_a_query_both_seeds_answer_finds_both(client, seeds, query):
    assert {nsp_id for nsp_id, _ in listed(client, query)} == {DIRECTOR, SPECIALIST}


def test_the_api_gives_the_same_results_in_the_same_order(client, seeds):
    for query in ("ředitelka", "zakaznik", "pracovní stres", "reditl"):
        api = client.get("/api/v1/occupations/", {"q": query}).json()["results"]
        assert [item["nsp_id"] for item in api] == [n for n, _ in listed(client, query)], query


def test_the_title_shows_the_words_it_matched(client, seeds):
    html = client.get("/povolani/", {"q": "ředitelky zákaznických"}).content.decode()
    assert "<mark>Ředitel</mark> <mark>zákaznických</mark> služeb" in html


def test_a_match_outside_the_title_shows_a_snippet_with_its_field(client, seeds):
    html = client.get("/povolani/", {"q": "sociální média"}).content.decode()
    card = html[html.index('data-nsp-id="102742"') :]
    card = card[: card.index("</article>")]
    assert "Shoda v poli popis a pracovní činnosti:" in card
    assert "<mark>sociální</mark> <mark>média</mark>" in card


def test_no_result_says_what_was_perhaps_meant(client, seeds):
    html = client.get("/povolani/", {"q": "reditelxxx"}).content.decode()
    assert "Zadání neodpovídá žádné povolání." in html
    assert "Měli jste na mysli:" in html
    assert '<a href="/povolani/reditel-zakaznickych-sluzeb/" lang="cs">' in html


def test_a_search_keeps_the_other_filters(client, seeds):
    assert listed(client, "zákaznick", druh="specialization") == [
        (SPECIALIST, "Pracovník distančního zákaznického servisu")
    ]
    assert listed(client, "zákaznick", razeni="nazev") == [
        (SPECIALIST, "Pracovník distančního zákaznického servisu"),
        (DIRECTOR, "Ředitel zákaznických služeb"),
    ]


ODD = [
    "*", "%", '"ředitel"', "NEAR(ředitel", "ředitel OR kuchař", "'; DROP TABLE x; --",
    "😀 👩‍🍳", "(" * 200, "%_" * 100, "SELECT * FROM occupations_occupation", "ř" * 200,
    "\\", "a " * 100,
]  # fmt: skip


@pytest.mark.parametrize("query", ODD)
def test_any_input_is_searched_as_plain_text(client, seeds, query):
    assert client.get("/povolani/", {"q": query}).status_code == 200
    assert client.get("/api/v1/occupations/", {"q": query}).status_code == 200
    assert client.get("/api/v1/suggest/", {"q": query}).status_code == 200
    assert client.get("/", {"q": query}).status_code == 200


def test_suggestions_as_you_type(client, seeds):
    response = client.get("/api/v1/suggest/", {"q": "redit"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0] == {
        "label": "Ředitel zákaznických služeb",
        "title": "Ředitel zákaznických služeb",
        "nsp_id": DIRECTOR,
        "url": "http://testserver/povolani/reditel-zakaznickych-sluzeb/",
    }
    assert 1 <= len(results) <= 8


def test_a_suggestion_names_the_alternative_name_typed(client, seeds):
    results = client.get("/api/v1/suggest/", {"q": "customer serv"}).json()["results"]
    assert results[0]["label"] == "Customer Service Manager"
    assert results[0]["title"] == "Ředitel zákaznických služeb"


def test_nothing_typed_suggests_nothing(client, seeds):
    assert client.get("/api/v1/suggest/").json() == {"results": []}
    assert client.get("/api/v1/suggest/", {"q": "  "}).json() == {"results": []}


def test_the_search_boxes_offer_suggestions_to_the_script(client, seeds):
    for url in ("/", "/povolani/"):
        html = client.get(url).content.decode()
        assert 'data-suggest="/api/v1/suggest/"' in html
        assert '<script src="/static/js/suggest.js" defer></script>' in html


# --- the index follows every write ----------------------------------------------------------


def test_an_import_is_found_at_once(client, seeds, tmp_path):
    assert listed(client, "kuchař") == []
    path = tmp_path / "kuchar.txt"
    path.write_text(
        SEED_SPECIALIZATION.read_text(encoding="utf-8")
        .replace("102742", "400001")
        .replace("Pracovník distančního zákaznického servisu\n", "Kuchař\n", 1),
        encoding="utf-8",
    )
    import_paths([path])

    assert first(client, "kuchařka") == 400001


def test_an_edit_through_the_orm_is_found_at_once(client, seeds):
    assert first(client, "ředitel") == DIRECTOR
    director = Occupation.objects.get(nsp_id=DIRECTOR)
    director.title = "Vedoucí zákaznických služeb"
    director.save()
    AlternativeName.objects.create(occupation=director, position=9, name="Šéf podpory")

    assert first(client, "vedoucí zákaznických služeb") == DIRECTOR
    assert first(client, "šéfka podpory") == DIRECTOR


def test_a_competence_renamed_is_found_by_its_new_name(client, seeds):
    competence = Competence.objects.get(category="professional_knowledge", code="h13._.0020")
    competence.name = "psychologie vyjednávání"
    competence.save()

    assert first(client, "psychologie vyjednávání") == DIRECTOR


def test_a_fixture_is_found_once_loaded(client, db):
    assert listed(client, "ředitel") == []
    call_command("loaddata", "fixtures/nsp.json", verbosity=0)
    assert first(client, "ředitel") == DIRECTOR


def test_a_process_loads_the_index_another_built(client, seeds):
    engine.rebuild()
    engine._held.forget()  # another process: nothing in memory yet
    with CaptureQueriesContext(connection) as captured:
        assert engine.ranked_pks("ředitel")
    assert len(captured) == 2  # the data version and the stored index, nothing rebuilt


def test_an_index_stored_in_an_older_format_is_built_again_and_replaced(client, seeds):
    engine.rebuild()
    [stored] = IndexSnapshot.objects.all()
    data_version = stored.version.rsplit("/", 1)[0]
    # What a deploy finds: the snapshot an older release stored for the same data.
    stored.delete()
    IndexSnapshot.objects.create(version=f"{data_version}/{FORMAT - 1}", data=b"not this layout")
    engine._held.forget()

    assert engine.ranked_pks("ředitel")
    assert list(IndexSnapshot.objects.values_list("version", flat=True)) == [
        f"{data_version}/{FORMAT}"
    ]


def test_the_command_rebuilds_the_index(seeds, capsys):
    engine._held.forget()
    call_command("rebuild_search_index")
    assert "2 profiles" in capsys.readouterr().out
    assert engine._held.current is not None
