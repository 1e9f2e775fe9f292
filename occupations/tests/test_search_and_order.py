"""Czech-aware search and order: the same results on SQLite and PostgreSQL."""

import pytest

from occupations.czech import fold, sort_key
from occupations.models import AlternativeName, Occupation

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
