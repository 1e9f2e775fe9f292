"""What the search knows of Czech: words, their search terms, and the vocabulary that maps
what people type to the terms of the indexed texts.

Everything works on folded text (portal.czech.fold: lower case, no diacritics), so a query
typed without diacritics and the indexed text meet in one form:

    term of "Ředitelky", "ředitelé", "reditele"   -> "reditl"
    term of "kadeřnice" (when Kadeřník is a title) -> "kadernik"

The stemmer is a light one (Dolamic and Savoy's Czech light stemmer, the one in Lucene),
adapted to folded text and to occupation titles: it removes one case or number ending,
drops the mobile e of the last syllable (sester -> sestr, ředitelek -> ředitelk), undoes
palatalization at the end of the stem (technici -> technik, psycholožka -> psycholog), and
maps a feminine title noun in -ka / -kyně to the masculine stem when that stem is a title
noun of the index (ředitelka -> ředitel, soudkyně -> soudce). Where simplemma's Czech
dictionary knows a word, its lemma is stemmed instead (průzkumu -> průzkum, mezd -> mzda),
and the dictionary's forms of the corpus's lemmas lead to their terms (stolech -> stůl).
docs/SEARCH.md has the measurements behind these choices.
"""

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from portal.czech import fold

# Words are runs of letters and digits: "CZ-ISCO" -> "CZ", "ISCO"; "3D" stays "3D".
WORD_RE = re.compile(r"[^\W_]+")

# Prepositions and conjunctions: neither indexed nor searched, so positions close over
# them ("pracovník v sociálních službách" is the phrase "pracovník sociálních služeb").
_STOP = (
    "a i k o s u v z ve ze ke se na do od po pro pri za nad pod pred bez nebo ani ale ci "
    "jako and or of the for in to at"
)
STOP_WORDS = frozenset(_STOP.split())


def nfc(text):
    return unicodedata.normalize("NFC", text)


def words(text):
    """The words of `text` as written (NFC), in order."""
    return WORD_RE.findall(nfc(text))


# --- the stemmer -------------------------------------------------------------------------

# Case and number endings of nouns and adjectives, folded, longest first. Left out of
# Lucene's list on purpose: -at, -ata, -ete, -eti (advokát would lose -at), -os, -us, -es
# (autobus, servis), -ama, -mi.
_THREE_LETTER_ENDINGS = "ech ich eho emi emu iho imi imu ach ych ami ovi ymi"
_ENDINGS = (
    (3, frozenset(_THREE_LETTER_ENDINGS.split())),
    (2, frozenset(("em", "im", "um", "am", "ym", "ou"))),
    (1, frozenset("aeiouy")),
)
_VOWELS = frozenset("aeiouy")


def _strip_case(word):
    for size, endings in _ENDINGS:
        if len(word) - size >= 3 and word[-size:] in endings:
            return word[:-size]
    return word


def _palatal(stem):
    """Undo palatalization at the end of a stem: c -> k, ct -> ck, z -> h, -loz -> -log."""
    if stem.endswith("ct"):
        return stem[:-2] + "ck"
    if stem.endswith(("loz", "goz")):
        return stem[:-1] + "g"
    if stem.endswith("c"):
        return stem[:-1] + "k"
    if stem.endswith("z") and len(stem) > 3:
        return stem[:-1] + "h"
    return stem


def _mobile_e(stem):
    """Drop the mobile e of a final syllable (sester -> sestr, ucitelek -> ucitelk), but
    not in -en: řízení must not meet řízný, nor lešení lesní."""
    if (
        len(stem) >= 4
        and stem[-2] == "e"
        and stem[-1] not in _VOWELS
        and stem[-3] not in _VOWELS
        and stem[-1] != "n"
    ):
        return stem[:-2] + stem[-1]
    return stem


def base_stem(folded):
    """The stem of a folded word, without the feminine rule."""
    stem = _strip_case(folded)
    if len(stem) > 5 and stem.endswith("ov"):  # -ový adjectives, -ové plurals: skladov -> sklad
        stem = stem[:-2]
    return _palatal(_mobile_e(stem))


def _feminine_candidates(folded):
    """Masculine stems a folded feminine title noun may come from, to be checked against
    the title nouns of the index."""
    stem = _strip_case(folded)
    if len(stem) >= 6 and stem.endswith("kyn"):  # soudkyne, zemedelkyne
        yield _palatal(stem[:-3] + "c")  # soudce
        yield _palatal(_mobile_e(stem[:-3] + "ec"))  # zemědělec
    if stem.endswith("ek") and len(stem) >= 6 and stem[-3] not in _VOWELS:  # ředitelek
        stem = stem[:-2] + "k"
    elif len(stem) >= 5 and stem.endswith("c") and stem[-2] not in _VOWELS:  # ředitelce
        stem = stem[:-1] + "k"
    if len(stem) >= 5 and stem.endswith("k") and stem[-2] not in _VOWELS:
        masculine = stem[:-1]  # reditel, technic, lekar, prodavac, psycholoz
        yield _palatal(_mobile_e(masculine))
        if masculine.endswith("c"):  # herečka -> herec; zpěvačka -> zpěvák
            yield _palatal(_mobile_e(masculine[:-1] + "ec"))


def stem(folded, title_stems=()):
    """The term of one folded word: a feminine -ka / -kyně noun whose masculine stem is
    among `title_stems` (stems of the nouns in titles) becomes that stem."""
    if not folded.isalpha():
        return folded  # codes and numbers as they are
    for candidate in _feminine_candidates(folded):
        if candidate in title_stems:
            return candidate
    return base_stem(folded)


# --- feminine shapes -----------------------------------------------------------------------

ADJECTIVE_ENDINGS = (
    "ý", "í", "á", "é", "ého", "ému", "ých", "ým", "ými", "ích", "ím", "ími", "ího", "ímu",
)  # fmt: skip
# The forms of feminine nouns in -ka and -kyně, with diacritics (not -ký, -ká, -kých…).
_FEMININE_FORMS = (
    "ka", "ky", "ce", "ku", "kou", "kám", "kách", "kami",
    "kyně", "kyni", "kyní", "kyň", "kyním", "kyních", "kyněmi",
)  # fmt: skip
_FOLDED_FEMININE_FORMS = (
    "ka", "ky", "ce", "ku", "kou", "kam", "kach", "kami", "ek",
    "kyne", "kyni", "kyn", "kynim", "kynich", "kynemi",
)  # fmt: skip


def _ce_is_feminine(word):
    """ředitelce, lékařce are forms of -ka nouns; soudce, správce, výrobce are not."""
    return not word.endswith("ce") or (len(word) > 3 and word[-3] in "lčtřržmfslctrz")


def is_feminine_lemma(lemma):
    return lemma.endswith(("ka", "kyně"))


def is_feminine_form(word):
    """May this word (lower case, with diacritics) be a form of an -ka / -kyně noun?"""
    return word.endswith(_FEMININE_FORMS) and _ce_is_feminine(word)


def looks_feminine(typed):
    """May a query word as typed be a feminine title noun? With diacritics its shape
    decides (technička yes, technický no); without, its folded shape (technicka: maybe)."""
    folded = fold(typed)
    if folded != typed:
        return is_feminine_form(typed) or typed.endswith("ek")
    return folded.endswith(_FOLDED_FEMININE_FORMS) and _ce_is_feminine(folded)


def _degree_or_negation(form, lemma):
    """nejlepší, lepší, nelepší: other words for a search than their lemma."""
    return (
        (form.startswith("nej") and not lemma.startswith("nej"))
        or (("ějš" in form or "ejš" in form) and not ("ějš" in lemma or "ejš" in lemma))
        or (form.startswith("ne") and not lemma.startswith("ne"))
    )


# --- the vocabulary ------------------------------------------------------------------------


class Vocabulary:
    """The terms of an index's words, and what a typed word leads to.

    Built once from every word of the indexed texts (lower case, with diacritics); the
    dictionary is needed only while building. Its state is plain data, so an index can be
    stored and loaded without rebuilding it."""

    def __init__(self, state=None):
        state = state or {}
        self.title_stems = state.get("title_stems", frozenset())
        self.word_terms = state.get("word_terms", {})  # word as written (lower) -> term
        self.extra = state.get("extra", {})  # folded form -> terms the stemmer misses
        self.known = state.get("known", frozenset())  # folded forms of the indexed words
        self.terms = state.get("terms", frozenset())

    def state(self):
        return {
            "title_stems": self.title_stems,
            "word_terms": self.word_terms,
            "extra": self.extra,
            "known": self.known,
            "terms": self.terms,
        }

    # -- building

    @classmethod
    def of(cls, all_words, title_words):
        """The vocabulary of these words: `all_words`, every distinct word of the indexed
        texts (lower case); those of titles and alternative names again in `title_words`."""
        return cls(_built_state(frozenset(all_words), frozenset(title_words)))

    def build(self, all_words, title_words):
        dictionary = DefaultDictionaryFactory().get_dictionary("cs")
        lemmas = frozenset(dictionary.values())
        self.title_stems = frozenset(self._title_stems(title_words, dictionary))
        word_terms, extra = {}, defaultdict(set)
        for word in all_words:
            term = self._index_term(word, dictionary, lemmas)
            if term is None:
                continue
            word_terms[word] = term
            folded = fold(word)
            if term != self._plain_term(folded):
                extra[folded].add(term)
        terms = frozenset(word_terms.values())
        self._add_dictionary_forms(dictionary, lemmas, terms, extra)
        self.word_terms = word_terms
        self.terms = terms
        self.known = frozenset(fold(word) for word in word_terms)
        self.extra = {form: tuple(sorted(found)) for form, found in extra.items() if found}
        return self

    @staticmethod
    def _lemma(word, dictionary):
        lemma = dictionary.get(word)
        if lemma is None or _degree_or_negation(word, lemma):
            return word
        return lemma

    def _title_stems(self, title_words, dictionary):
        """The stems of the nouns in the nominative in titles and alternative names: what
        a feminine title may turn into (not 'školy' of 'Učitel mateřské školy', or školka
        would become škola; no adjectives, or zahradnice would become zahradní)."""
        for word in title_words:
            lemma = self._lemma(word, dictionary)
            if not word.isalpha() or word.endswith(ADJECTIVE_ENDINGS):
                continue
            if lemma.endswith(ADJECTIVE_ENDINGS):
                continue
            if dictionary.get(word, lemma) != lemma:
                continue  # a comparative or a negation
            if dictionary.get(word, word) != word and not is_feminine_lemma(dictionary[word]):
                continue  # an inflected form
            yield base_stem(fold(word))
            yield base_stem(fold(lemma))

    def _lemma_term(self, lemma, is_lemma=True):
        folded = fold(lemma)
        feminine = is_feminine_lemma(lemma) if is_lemma else is_feminine_form(lemma)
        return stem(folded, self.title_stems) if feminine else base_stem(folded)

    def _index_term(self, word, dictionary, lemmas):
        folded = fold(word)
        if not folded or folded in STOP_WORDS:
            return None
        if not folded.isalpha():
            return folded  # codes, numbers, mixed (3d, b2)
        lemma = self._lemma(word, dictionary)
        return self._lemma_term(lemma, is_lemma=lemma in lemmas)

    @staticmethod
    def _plain_term(folded):
        """What a folded query word leads to without any table."""
        return base_stem(folded) if folded.isalpha() else folded

    def _add_dictionary_forms(self, dictionary, lemmas, terms, extra):
        """Every form the dictionary knows of a lemma whose term is in the index leads to
        that term (only where the stemmer would not get there itself)."""
        lemma_terms = {}
        for lemma in lemmas:
            if lemma.islower() and lemma.isalpha():
                term = self._lemma_term(lemma)
                if term in terms:
                    lemma_terms[lemma] = term
        for form, lemma in dictionary.items():
            term = lemma_terms.get(lemma)
            if term is not None and not _degree_or_negation(form, lemma):
                folded = fold(form)
                if term != self._plain_term(folded):
                    extra[folded].add(term)

    # -- reading

    def index_term(self, word):
        """The term of a word of the indexed texts (lower case), None for a stop word."""
        if word in self.word_terms:
            return self.word_terms[word]
        folded = fold(word)
        if not folded or folded in STOP_WORDS:
            return None
        return stem(folded, self.title_stems)

    def query_terms(self, typed):
        """The index's terms one query word (as typed, lower case) leads to."""
        folded = fold(typed)
        if not folded or folded in STOP_WORDS:
            return set()
        found = set(self.extra.get(folded, ()))
        plain = self._plain_term(folded)
        if folded.isalpha() and looks_feminine(typed):
            # Without diacritics "technicka" is technička and technická alike: the
            # feminine reading is added to the plain one. With them the shape decides.
            feminine = stem(folded, self.title_stems)
            if feminine in self.terms:
                found.add(feminine)
                if feminine != plain and folded != typed:
                    return found
        if plain in self.terms:
            found.add(plain)
        return found

    def is_known(self, folded):
        return folded in self.known or folded in self.extra


@lru_cache(maxsize=2)
def _built_state(all_words, title_words):
    """A vocabulary's state; the same words give the same state. The dictionary pass costs
    a second or more whatever the number of words: an index rebuilt after a change that
    brings no new word (or the tests, which import the same seeds again and again) does
    without it."""
    return Vocabulary().build(all_words, title_words).state()
