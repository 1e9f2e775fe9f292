"""The search index on a small hand-made set of profiles: each kind of query the portal
promises, the ranking rules, suggestions, the closest titles and any input at all.

No database: SearchIndex is built from plain records."""

import pytest

from portal.czech import fold
from search.index import ALTERNATIVE, COMPETENCE, TEXT, TITLE, Rows, SearchIndex
from search.language import looks_feminine, stem


def profile(pk, title, names=(), description="", activities=(), isco=(), competences=()):
    return {
        "pk": pk,
        "title": title,
        "alternative_names": list(names),
        "description": description,
        "activities": list(activities),
        "isco": list(isco),
        "competences": list(competences),
    }


PROFILES = [
    profile(
        1,
        "Ředitel zákaznických služeb",
        ["Customer Service Director", "Ředitel kontaktního centra"],
        "Ředitel zákaznických služeb řídí útvar péče o zákazníky.",
        ["Koordinace vyřizování stížností a reklamací zákazníků."],
        [("1221", "Řídící pracovníci v oblasti obchodu a marketingu")],
    ),
    profile(
        2, "Prodavač", ["Shop Assistant"], "Prodává zboží v prodejně.", (), (), ["Obsluha pokladny"]
    ),
    profile(3, "Prodavač potravin", (), "Prodává potraviny."),
    profile(4, "Kadeřník", ["Hairdresser"], "Stříhá a barví vlasy."),
    profile(5, "Technik kvality", (), "Kontroluje kvalitu výrobků."),
    profile(6, "Účetní", ["Accountant"], "Vede účetnictví."),
    profile(7, "Mzdový účetní", (), "Zpracovává mzdy."),
    profile(8, "Pracovník zákaznického servisu", (), "Vyřizuje požadavky zákazníků."),
    profile(9, "Vedoucí skladu", ["Skladník vedoucí"], "Řídí sklad a skladníky."),
    profile(
        10, "Skladník", (), "Přijímá zboží do skladu.", (), (), ["Řízení vysokozdvižného vozíku"]
    ),
    profile(11, "Soudce", ["Judge", "Richter"], "Rozhoduje spory u soudu."),
    profile(12, "Servisní technik", (), "Opravuje zařízení.", (), (), ["Zákaznický servis"]),
    profile(13, "Technický redaktor", (), "Píše technickou dokumentaci."),
    profile(14, "Lékař", ["Doktor"], "Léčí pacienty."),
    profile(15, "Číšník", ["Waiter", "Řemeslník"], "Obsluhuje hosty."),
    profile(16, "Čalouník", ["Řemeslník"], "Čalouní nábytek."),
    profile(17, "Cukrář", ["Řemeslník"], "Vyrábí dorty."),
    profile(18, "Chemik", ["Řemeslník"], "Analyzuje látky."),
    profile(19, "Hasič", ["Řemeslník"], "Hasí požáry."),
    profile(20, "Uklízeč", ["Cleaner"], "Uklízí kanceláře."),
    profile(21, "Učitel mateřské školy", ["Kindergarten Teacher"], "Vzdělává děti."),
]


@pytest.fixture(scope="module")
def index():
    return SearchIndex.build(PROFILES)


def ranked(index, query):
    return index.ranked(query)


def first(index, query):
    found = index.ranked(query)
    return found[0] if found else None


@pytest.mark.parametrize(
    "query", ["ředitele", "řediteli", "ředitelé", "ŘEDITELŮM", "reditelem", "Ředitel"]
)
def test_every_case_and_number_of_a_word(index, query):
    assert first(index, query) == 1


@pytest.mark.parametrize(
    ("query", "pk"),
    [
        ("zákaznického servisu", 8),
        ("zakaznickeho servisu", 8),
        ("ředitele zákaznických služeb", 1),
        ("učitelé mateřských škol", 21),
    ],
)
def test_phrases_in_any_case(index, query, pk):
    assert first(index, query) == pk


@pytest.mark.parametrize(
    ("query", "pk"),
    [
        ("ředitelka", 1),
        ("reditelky zakaznickych sluzeb", 1),
        ("prodavačka", 2),
        ("prodavacky", 2),
        ("kadeřnice", 4),
        ("kadernici", 4),
        ("lékařka", 14),
        ("lekarce", 14),
        ("soudkyně", 11),
        ("uklízečka", 20),
        ("učitelka mateřské školy", 21),
        ("účetní", 6),
        ("ucetni", 6),
    ],
)
def test_feminine_forms_of_titles(index, query, pk):
    assert first(index, query) == pk


def test_technicka_is_the_technician_not_the_technical_editor(index):
    assert set(ranked(index, "technička")[:2]) == {5, 12}
    assert 13 not in ranked(index, "technička")  # with diacritics: not "technická"
    assert 13 in ranked(index, "technicka")  # without them, it may be either


def test_the_feminine_rule_knows_its_limits():
    assert looks_feminine("ředitelka") and looks_feminine("reditelce")
    assert not looks_feminine("technický") and not looks_feminine("soudce")
    assert looks_feminine("technicka")  # without diacritics: maybe technička
    assert stem("sluzba") == "sluzb"  # služba is nobody's feminine


@pytest.mark.parametrize(
    ("query", "pk"),
    [
        ("reditl", 1),  # a letter missing
        ("reditl zakaznikcych sluzeb", 1),  # and two swapped
        ("prodvac", 2),
        ("prodavaac", 2),  # a letter extra
        ("prodavsc", 2),  # a letter wrong
        ("pordavac", 2),  # two swapped
        ("kadernik", 4),
        ("uklizce", 20),
    ],
)
def test_one_typo_in_a_word_of_five_letters_or_more(index, query, pk):
    assert first(index, query) == pk


def test_a_word_of_fewer_than_five_letters_is_not_corrected(index):
    assert first(index, "lkař") == 14  # lékař, five letters, with one missing
    assert first(index, "vede") == 6  # "Vede účetnictví."
    assert ranked(index, "vdee") == []  # vede, four letters: no correction


@pytest.mark.parametrize(
    ("query", "pk"),
    [
        ("customer service director", 1),  # an English alternative name
        ("richter", 11),  # a German one
        ("shop assistant", 2),
        ("stříhá vlasy", 4),  # the description
        ("vyřizování stížností", 1),  # an activity
        ("stížnosti zákazníků", 1),
        ("marketingu", 1),  # a CZ-ISCO group's name
        ("1221", 1),  # and its code
        ("vysokozdvižného vozíku", 10),  # a competence
    ],
)
def test_every_field_of_a_profile_is_searched(index, query, pk):
    assert first(index, query) == pk


def test_title_before_alternative_name_before_description(index):
    found = ranked(index, "skladník")
    assert found.index(10) < found.index(9)  # title; alternative name and description


def test_title_phrase_before_competence(index):
    found = ranked(index, "zákaznický servis")
    assert found.index(8) < found.index(12)


def test_all_words_before_some(index):
    assert ranked(index, "prodavač potravin")[:2] == [3, 2]


def test_the_whole_title_first_then_czech_order(index):
    assert ranked(index, "prodavač")[:2] == [2, 3]
    assert ranked(index, "účetní")[:2] == [6, 7]
    # Ties in Czech order: C < Č, H < CH.
    titles = [index.titles[index.position[pk]] for pk in ranked(index, "řemeslník")]
    assert titles == ["Cukrář", "Čalouník", "Číšník", "Hasič", "Chemik"]


def test_a_word_inside_a_title_word_is_found_as_the_first_search_found_it(index):
    assert 1 in ranked(index, "editel")
    assert 10 in ranked(index, "kladn")


def test_why_a_profile_matched(index):
    match = index.explain([1], "ředitelka")[1]
    assert match.field == TITLE
    assert match.segments[0] == ("Ředitel", True)
    assert "".join(text for text, _ in match.segments) == "Ředitel zákaznických služeb"
    match = index.explain([4], "vlasy")[4]
    assert match.field == TEXT and ("vlasy", True) in match.segments
    assert index.explain([10], "vysokozdvižného")[10].field == COMPETENCE
    assert index.explain([11], "judge")[11].field == ALTERNATIVE


def test_suggestions_as_you_type(index):
    assert index.suggest("prodav")[:2] == [(2, "Prodavač"), (3, "Prodavač potravin")]
    assert index.suggest("ředitelka zák")[0] == (1, "Ředitel zákaznických služeb")
    assert (15, "Waiter") in index.suggest("wai")
    assert len(index.suggest("s")) <= 8


def test_the_closest_titles_of_a_query_that_finds_nothing(index):
    assert ranked(index, "prodavacxyz") == []
    assert 2 in index.closest_titles("prodavacxyz")
    assert 4 in index.closest_titles("kadrenikk")


ODD = [
    "", " ", "*", "%", "%%%", "'", '"', '"ředitel"', "ředitel*", "NEAR(ředitel, služeb)",
    "ředitel OR kuchař", "'; DROP TABLE x; --", "\\", "_", "😀", "👩‍🍳 kuchařka", "ř" * 200,
    "a " * 100, "()()((", "[]{}<>", "ředitel\x00", "\t\n", "x" * 500, "ǅ ǆ ß ﬁ", "١٢٣",
    "ＦＵＬＬＷＩＤＴＨ", "e\u0301", "\ud800", None, 12345, "SELECT * FROM occupations",
]  # fmt: skip


@pytest.mark.parametrize("query", ODD)
def test_any_input_is_plain_text(index, query):
    index.ranked(query)
    index.suggest(query)
    index.closest_titles(query)
    assert ranked(index, '"ředitel"')[0] == 1  # quotes are no syntax
    assert ranked(index, "ředitel OR kuchař")[0] == 1  # nor is OR


def test_the_index_survives_its_state():
    built = SearchIndex.build(PROFILES)
    again = SearchIndex(built.state())
    assert again.ranked("ředitelka") == built.ranked("ředitelka")
    pk = again.ranked("ředitelka")[0]
    assert again.explain([pk], "ředitelka") == built.explain([pk], "ředitelka")
    assert again.suggest("ředit") == built.suggest("ředit")
    assert fold("Ř") == "r"


def test_rows_keep_each_row_empty_ones_too():
    rows = Rows.of([[5, 1], [], [70000], []])
    assert [list(rows[row]) for row in range(4)] == [[5, 1], [], [70000], []]
    again = Rows(*rows.state())
    assert [list(again[row]) for row in range(4)] == [[5, 1], [], [70000], []]
