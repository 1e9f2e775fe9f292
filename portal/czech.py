"""Czech text rules the database cannot apply the same way on SQLite and PostgreSQL.

Search and sorting work on columns computed here, in Python, so both databases compare
plain ASCII and digits and give the same results:

- `fold()` for search: lower case without diacritics ("Ředitel" -> "reditel").
- `sort_key()` for Czech alphabetical order (ČSN 97 6030): ch is a letter after h; č, ř,
  š, ž are letters after c, r, s, z; the other accents (á, é, ě, í, ó, ú, ů, ý, ď, ť, ň)
  only break ties, and so does letter case.
"""

import unicodedata
from functools import cache, lru_cache


def fold(text):
    """Lower case, diacritics removed, whitespace folded: the form search compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())


_ALPHABET = (
    "a",
    "b",
    "c",
    "č",
    "d",
    "e",
    "f",
    "g",
    "h",
    "ch",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "ř",
    "s",
    "š",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "ž",
)
# Primary weights: space and punctuation first, then digits, then the Czech alphabet.
# Every weight is written with three digits, so the key is a string of digits that sorts
# the same under any database collation.
_SPACE = 1
_PUNCTUATION = 2
_DIGIT_BASE = 10
_LETTER_BASE = 100
_OTHER_BASE = 200
_PRIMARY = {letter: _LETTER_BASE + index for index, letter in enumerate(_ALPHABET)}
# Letters that differ from their base only by an accent that does not make a new letter.
_SECONDARY_ACCENTS = {
    "á": "a",
    "ä": "a",
    "ď": "d",
    "é": "e",
    "ě": "e",
    "ë": "e",
    "í": "i",
    "ň": "n",
    "ó": "o",
    "ö": "o",
    "ť": "t",
    "ú": "u",
    "ů": "u",
    "ü": "u",
    "ý": "y",
    "ľ": "l",
    "ĺ": "l",
    "ŕ": "r",
}


def _letters(text):
    """Split text into collation elements: ch is one element."""
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair.lower() == "ch":
            yield pair
            index += 2
        else:
            yield text[index]
            index += 1


@cache  # a few hundred distinct elements, looked up for every letter of every title
def _weights(element):
    """(primary, secondary, tertiary) for one collation element."""
    lower = element.lower()
    tertiary = 1 if element != lower else 0  # lower case first
    if lower in _PRIMARY:
        return _PRIMARY[lower], 0, tertiary
    if lower in _SECONDARY_ACCENTS:
        base = _SECONDARY_ACCENTS[lower]
        return _PRIMARY[base], 1 + list(_SECONDARY_ACCENTS).index(lower), tertiary
    if lower.isdigit() and lower.isascii():
        return _DIGIT_BASE + int(lower), 0, 0
    if lower.isspace():
        return _SPACE, 0, 0
    folded = fold(lower)
    if len(folded) == 1 and folded in _PRIMARY:  # another accented Latin letter
        return _PRIMARY[folded], 90, tertiary
    if not lower.isalnum():
        return _PUNCTUATION, 0, 0
    return _OTHER_BASE + ord(lower) % 700, 0, tertiary


@lru_cache(maxsize=16384)  # labels of choices and vocabularies recur on every page
def sort_key(text):
    """A digit string whose plain string order is the Czech alphabetical order of `text`."""
    primary, secondary, tertiary = [], [], []
    for element in _letters(" ".join(text.split())):
        p, s, t = _weights(element)
        primary.append(p)
        secondary.append(s)
        tertiary.append(t)
    # "000" ends each level, so a prefix sorts before its extensions ("Kraj" < "Kraje").
    return "".join(
        "".join(f"{weight:03d}" for weight in level) + "000"
        for level in (primary, secondary, tertiary)
    )
