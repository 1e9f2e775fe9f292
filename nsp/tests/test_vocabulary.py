"""The NSP's closed vocabularies and how a text of an export is matched to them."""

import pytest

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from nsp import vocabulary as vocab
from nsp.parser import parse_file

LEVELS = vocab.QUALIFICATION_LEVELS
FUSED = (
    "Magisterský studijní program Ředitel centra zákaznické podpory, Manažer pro zákaznickou "
    "podporu, Manažer pro kontakt ze zákazníky,"
)


def test_the_qualification_levels_go_from_the_lowest():
    assert len(LEVELS) == 10
    assert (LEVELS.values[0], LEVELS.values[-1]) == (
        "Základní vzdělání",
        "Doktorský studijní program",
    )
    assert LEVELS.index("Střední vzdělání s výučním listem") < LEVELS.index(
        "Střední vzdělání s maturitní zkouškou"
    )
    assert LEVELS.index("Zaškolení") == len(LEVELS)  # unknown: last


def test_a_value_of_the_vocabulary_is_itself():
    match = LEVELS.match("Střední vzdělání s výučním listem i maturitní zkouškou")
    assert (match.known, match.rest, match.exact) == (
        "Střední vzdělání s výučním listem i maturitní zkouškou",
        "",
        True,
    )


def test_text_fused_after_a_level_is_the_rest():
    match = LEVELS.match(FUSED)
    assert match.known == "Magisterský studijní program"
    assert match.rest == (
        "Ředitel centra zákaznické podpory, Manažer pro zákaznickou podporu, Manažer pro "
        "kontakt ze zákazníky,"
    )
    assert not match.exact
    assert LEVELS.entry(FUSED) == "Magisterský studijní program"


@pytest.mark.parametrize(
    ("text", "known", "rest"),
    [
        # The longest value that ends at a word's end, not the first that is a prefix.
        (
            "Střední vzdělání s maturitní zkouškou (bez vyučení)",
            "Střední vzdělání s maturitní zkouškou",
            "(bez vyučení)",
        ),
        (
            "Střední vzdělání s výučním listem, obor 23",
            "Střední vzdělání s výučním listem",
            ", obor 23",
        ),
        ("Střední vzdělání - praxe", "Střední vzdělání", "- praxe"),
        # Case aside, it is the value; the text still differs from it.
        ("bakalářský studijní program", "Bakalářský studijní program", ""),
        # A word that only starts like a value is not that value.
        ("Magisterský studijní programy", None, "Magisterský studijní programy"),
        ("Vysokoškolské vzdělání", None, "Vysokoškolské vzdělání"),
        ("", None, ""),
    ],
)
def test_matching_texts_to_levels(text, known, rest):
    match = LEVELS.match(text)
    assert (match.known, match.rest) == (known, rest)
    assert LEVELS.entry(text) == (known or text)


def test_the_seeds_rate_exactly_the_22_factors():
    for path in (SEED_SPECIALIZATION, SEED_OCCUPATION):
        names = [row["name"] for row in parse_file(path)["work_conditions"]]
        assert sorted(names) == sorted(vocab.WORK_CONDITION_FACTORS)
    assert len(vocab.WORK_CONDITION_FACTORS) == 22


def test_the_seeds_levels_are_the_vocabularys_but_for_the_fused_one():
    assert parse_file(SEED_SPECIALIZATION)["qualification_levels"] == [
        "Střední vzdělání s maturitní zkouškou",
        "Střední vzdělání s výučním listem i maturitní zkouškou",
    ]
    assert all(level in LEVELS for level in parse_file(SEED_SPECIALIZATION)["qualification_levels"])
    assert parse_file(SEED_OCCUPATION)["qualification_levels"] == [FUSED]
    assert FUSED not in LEVELS


def test_education_types_are_stored_once_each():
    assert vocab.EDUCATION_TYPE_CODES == ("RVP", "KKOV")
    assert set(vocab.EDUCATION_TYPES.values()) == set(vocab.EDUCATION_TYPE_CODES)
