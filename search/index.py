"""The search index of the profiles, kept in Python: the same results on every database.

    index = SearchIndex.build(records)          # records: see sources.py
    index.ranked(query)         -> [pk, …] every matching profile, best first
    index.explain(pk, query)    -> Match: the words marked in the title, or a snippet
    index.suggest(text)         -> [(pk, label), …] titles or alternative names
    index.closest_titles(query) -> [pk, …] for "Měli jste na mysli"

A profile's texts are units, each with a tier:

    TITLE 5 > ALTERNATIVE 4 > TEXT 3 (description, activities) > ISCO 2 > COMPETENCE 1

A unit many profiles share (a competence, an ISCO group) is stored once. A unit is the
tuple of its words' terms (language.py); postings lead from a term to its units and, per
tier, to its profiles.

Ranking, one sort key compared left to right:
  1. the number of query words matched anywhere: all words before some;
  2. the longest run of query words, in order, at adjacent positions of one unit (×10,
     plus the unit's tier): a phrase before scattered words;
  3. the sum of each word's best tier (a word found only through a typo, a prefix or
     inside another word counts less): title > alternative name > description…;
  4. how much of the title (or an alternative name) the query covers: "Prodavač" before
     "Prodavač potravin";
  5. Czech alphabetical order of the title, then the NSP id.
"""

import bisect
from array import array
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from portal.czech import fold, sort_key
from search.language import STOP_WORDS, WORD_RE, Vocabulary, nfc, stem

# The layout of state(): engine.py names a stored index by it, so that an index stored
# in another layout is built again instead of loaded.
FORMAT = 2

TITLE, ALTERNATIVE, TEXT, ISCO, COMPETENCE = 5, 4, 3, 2, 1
TIERS = (COMPETENCE, ISCO, TEXT, ALTERNATIVE, TITLE)  # lowest first: higher ones overwrite
NAMES = (TITLE, ALTERNATIVE)

# How much a query word found otherwise than as itself counts (of its tier).
TYPO, PREFIX, INSIDE = 0.8, 0.9, 0.5
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 8  # content words; the rest of a pasted text is ignored
MAX_WORD = 30  # longer "words" get no typo, prefix or infix expansion
MIN_TYPO_WORD = 5  # a word with a typo is corrected to a known word of five letters or more


@dataclass
class Match:
    """Why a profile matched: its title with the query's words marked, or a snippet of the
    text that matched. `segments` are (text, marked) pairs; `field` the unit's tier."""

    field: int
    segments: list

    @property
    def in_title(self):
        return self.field == TITLE


def query_words(query):
    """The content words of a query: plain text, whatever it holds."""
    text = nfc(str(query))[:MAX_QUERY_CHARS]
    typed = WORD_RE.findall(text)
    # Prepositions and conjunctions are left out, unless they are all there is ("k").
    found = [word for word in typed if fold(word) not in STOP_WORDS] or typed
    return found[:MAX_QUERY_WORDS]


def _edits(word):
    """Every word one edit away: a letter missing, extra, wrong, or two swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"  # folded: no diacritics
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    found.update(left + c + right[1:] for left, right in splits if right for c in letters)
    found.update(left + c + right for left, right in splits for c in letters)
    found.discard(word)
    return found


class SearchIndex:
    def __init__(self, state):
        self.__dict__.update(state)
        self.vocabulary = Vocabulary(state["vocabulary"])
        self.unit_profiles = Rows(*state["unit_profiles"])
        self.unit_terms = Rows(*state["unit_terms"])
        self.position = {pk: index for index, pk in enumerate(self.pks)}

    def state(self):
        """Plain data (pickled with a restricted unpickler in engine.py)."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("vocabulary", "position")}
        return {
            **state,
            "unit_profiles": self.unit_profiles.state(),
            "unit_terms": self.unit_terms.state(),
            "vocabulary": self.vocabulary.state(),
        }

    def _text(self, unit):
        """A unit's text. The 51,000 texts of 3,000 profiles are kept as one UTF-8 string
        of bytes: half the memory of as many str objects (docs/SEARCH.md)."""
        data, starts = self.unit_texts
        return data[starts[unit] : starts[unit + 1]].decode()

    # -- building ----------------------------------------------------------------------------

    @classmethod
    def build(cls, records):
        """An index of `records` (sources.index_records())."""
        records = list(records)
        units, unit_key = [], {}
        unit_tier, unit_profiles, profile_names = array("B"), [], []
        for profile, record in enumerate(records):
            names, seen = [], set()
            for tier, text in _units_of(record):
                text = nfc(text)
                # Shared texts are one unit; a profile's own are its own even when equal.
                key = (tier, text) if tier in (ISCO, COMPETENCE) else (tier, text, profile)
                unit = unit_key.get(key)
                if unit is None:
                    unit = unit_key[key] = len(units)
                    units.append(text)
                    unit_tier.append(tier)
                    unit_profiles.append([])
                if unit not in seen:
                    seen.add(unit)
                    unit_profiles[unit].append(profile)
                if tier in NAMES:
                    names.append(unit)
            profile_names.append(tuple(names))

        all_words, title_words = set(), set()
        for unit, text in enumerate(units):
            found = {word.lower() for word in WORD_RE.findall(text)}
            all_words |= found
            if unit_tier[unit] in NAMES:
                title_words |= found
        vocabulary = Vocabulary.of(all_words, title_words)

        term_ids, unit_terms, units_of_term = {}, [], defaultdict(list)
        for unit, text in enumerate(units):
            sequence = array("I")
            for word in WORD_RE.findall(text):
                term = vocabulary.index_term(word.lower())
                if term is not None:
                    sequence.append(term_ids.setdefault(term, len(term_ids)))
            unit_terms.append(sequence)
            for term in set(sequence):
                units_of_term[term].append(unit)
        pair_units = defaultdict(set)
        for unit, sequence in enumerate(unit_terms):
            for a, b in pairwise(sequence):
                pair_units[_pair(a, b)].add(unit)
        term_units, term_profiles = [None] * len(term_ids), [None] * len(term_ids)
        for term, found in units_of_term.items():
            term_units[term] = array("I", found)
            by_tier = defaultdict(set)
            for unit in found:
                by_tier[unit_tier[unit]].update(unit_profiles[unit])
            term_profiles[term] = {tier: array("I", sorted(p)) for tier, p in by_tier.items()}

        form_terms = {}  # folded word forms -> their terms: typo and prefix targets
        for form in vocabulary.known:
            ids = {term_ids[t] for t in vocabulary.query_terms(form) if t in term_ids}
            if ids:
                form_terms[form] = frozenset(ids)
        name_terms = frozenset(
            term for unit, tier in enumerate(unit_tier) if tier in NAMES
            for term in unit_terms[unit]
        )  # fmt: skip
        name_forms = sorted(form for form, ids in form_terms.items() if ids & name_terms)
        profile_units = [array("I") for _ in records]
        for unit, profiles in enumerate(unit_profiles):
            for profile in profiles:
                profile_units[profile].append(unit)
        trigrams = defaultdict(lambda: array("I"))
        for position, form in enumerate(name_forms):
            for trigram in _trigrams(form):
                trigrams[trigram].append(position)
        return cls(
            {
                "pks": [r["pk"] for r in records],
                "all_titles": _joined(fold(r["title"]) for r in records),
                "all_names": _joined(
                    " | ".join(fold(name) for name in r["alternative_names"]) for r in records
                ),
                "titles": [r["title"] for r in records],
                "title_keys": [sort_key(r["title"]) for r in records],
                "unit_texts": _packed_texts(units),
                "unit_tier": unit_tier,
                "unit_profiles": Rows.of(unit_profiles).state(),
                "unit_terms": Rows.of(unit_terms).state(),
                "profile_names": profile_names,
                "profile_units": profile_units,
                "name_trigrams": dict(trigrams),
                "term_ids": term_ids,
                "term_units": term_units,
                "term_profiles": term_profiles,
                "pair_units": {pair: array("I", sorted(u)) for pair, u in pair_units.items()},
                "form_terms": form_terms,
                "name_terms": name_terms,
                "name_forms": name_forms,
                "stem_terms": {
                    term: term_id
                    for term, term_id in term_ids.items()
                    if len(term) >= 4 and term.isalpha()
                },
                "vocabulary": vocabulary.state(),
            }
        )

    # -- what a query word leads to ------------------------------------------------------------

    def _word_groups(self, typed, prefix=False):
        """[(term ids, weight)] for one query word: as itself, and when it is not a
        word of the index, through one typo; on the last word typed, as a prefix."""
        folded = fold(typed)
        lower = typed.lower()
        own = {self.term_ids[t] for t in self.vocabulary.query_terms(lower) if t in self.term_ids}
        groups = [(own, 1.0)] if own else []
        if len(folded) > MAX_WORD:
            return groups
        if prefix and len(folded) >= 2:
            groups.append((self._prefix_terms(folded), PREFIX))
        if not self.vocabulary.is_known(folded) and len(folded) >= MIN_TYPO_WORD - 1:
            groups.append((self._typo_terms(folded), TYPO))
        return [(ids, weight) for ids, weight in groups if ids]

    def _typo_terms(self, folded):
        """Terms of the known words one edit away (five letters or more), and of the stems
        one edit away from the word's stem (an inflection of a typo)."""
        found = set()
        for candidate in _edits(folded):
            if len(candidate) >= MIN_TYPO_WORD and candidate in self.form_terms:
                found |= self.form_terms[candidate]
        if folded.isalpha():
            own_stem = stem(folded, self.vocabulary.title_stems)
            if len(own_stem) >= 4:
                found.update(self.stem_terms[c] for c in _edits(own_stem) if c in self.stem_terms)
        return found

    def _prefix_terms(self, folded):
        """Terms of the title and alternative-name words that begin with `folded`."""
        forms, found = self.name_forms, set()
        for form in forms[bisect.bisect_left(forms, folded) :]:
            if not form.startswith(folded):
                break
            found |= self.form_terms[form] & self.name_terms
        return found

    def _inside_names(self, folded):
        """{profile: (score, tier)} of the profiles whose title or an alternative name
        holds `folded` anywhere, as the portal's first search matched: whatever it found
        is still found, after the real matches."""
        scores = {}
        if len(folded) > MAX_WORD or not folded:
            return scores
        for tier, (text, starts) in ((ALTERNATIVE, self.all_names), (TITLE, self.all_titles)):
            score = (tier * INSIDE, tier)
            at = text.find(folded)
            while at != -1:
                profile = bisect.bisect_right(starts, at) - 1
                scores[profile] = score  # titles last: they overwrite
                at = text.find(
                    folded, starts[profile + 1] if profile + 1 < len(starts) else len(text)
                )
        return scores

    # -- ranking -------------------------------------------------------------------------------

    def ranked(self, query, names_only=False, prefix_last=False):
        """The pks of every profile that matches, best first."""
        return [row[-1] for row in self._rows(query, names_only, prefix_last)]

    def _rows(self, query, names_only=False, prefix_last=False):
        typed = query_words(query)
        words, scores = [], []
        tiers = NAMES if names_only else TIERS
        for position, word in enumerate(typed):
            groups = self._word_groups(word, prefix=prefix_last and position == len(typed) - 1)
            inside = self._inside_names(fold(word))
            of_word = self._scores(groups, tiers)
            for profile in inside.keys() & of_word.keys():  # the better of the two
                if inside[profile][0] > of_word[profile][0]:
                    of_word[profile] = inside[profile]
            of_word = {**inside, **of_word}
            if of_word:
                words.append(groups)
                scores.append(of_word)
        if not words:
            return []
        found = set().union(*scores)
        all_terms = set().union(*(ids for groups in words for ids, _ in groups))
        phrase = self._phrases([g for g in words if g], tiers) if len(words) > 1 else {}
        title_keys, pks, covered = self.title_keys, self.pks, self._covered
        rows = []
        if len(scores) == 1:  # one word: no count to compare, no phrase
            for profile, (score, tier) in scores[0].items():
                share = covered(profile, all_terms) if tier >= ALTERNATIVE else 0.0
                rows.append((-1, -10 - tier, -score, -share, title_keys[profile], pks[profile]))
            rows.sort()
            return rows
        for profile in found:
            matched, field, top = 0, 0.0, 0
            for of_word in scores:
                hit = of_word.get(profile)
                if hit:
                    matched += 1
                    field += hit[0]
                    if hit[1] > top:
                        top = hit[1]
            run = phrase.get(profile, 10 + top)
            share = covered(profile, all_terms) if top >= ALTERNATIVE else 0.0
            key = (-matched, -run, -round(field, 3), -share, title_keys[profile])
            rows.append((*key, pks[profile]))
        rows.sort()
        return rows

    def _scores(self, groups, tiers):
        """{profile: (score, tier)} of one query word: its best tier, weighted."""
        found = sorted(
            (tier * weight, tier, term)
            for ids, weight in groups
            for term in ids
            for tier in self.term_profiles[term]
            if tier in tiers
        )
        scores = {}
        for score, tier, term in found:  # the better ones last: they overwrite
            scores.update(dict.fromkeys(self.term_profiles[term][tier], (score, tier)))
        return scores

    def _phrases(self, words, tiers):
        """{profile: run × 10 + tier} of the best run of two or more query words, in order,
        at adjacent positions of one of its units."""
        term_sets = [set().union(*(ids for ids, _ in groups)) for groups in words]
        pair_units = []  # per pair of neighbouring query words: the units holding it
        for first, second in pairwise(term_sets):
            units = set()
            for a in first:
                for b in second:
                    units.update(self.pair_units.get(_pair(a, b), ()))
            pair_units.append(units)
        # A unit holding pairs i and i+1 holds a run of three, nearly always: counting
        # from the pairs instead of walking each unit's words is what keeps a pasted
        # sentence fast (the rare "a b … b c" counts one word too many).
        values, chain = {}, {}
        for units in pair_units:
            chain = {unit: chain.get(unit, 1) + 1 for unit in units}
            values.update((unit, run) for unit, run in chain.items() if run > values.get(unit, 0))
        by_value = defaultdict(list)
        for unit, run in values.items():
            tier = self.unit_tier[unit]
            if tier in tiers:
                by_value[run * 10 + tier].append(unit)
        best = {}
        for value in sorted(by_value):  # the better ones last: they overwrite
            for unit in by_value[value]:
                best.update(dict.fromkeys(self.unit_profiles[unit], value))
        return best

    def _covered(self, profile, terms):
        """The largest share of a name's words (title or alternative name) the query
        matches; the title wins a tie."""
        best = 0.0
        for unit in self.profile_names[profile]:
            sequence = self.unit_terms[unit]
            if sequence:
                share = sum(1 for term in sequence if term in terms) / len(sequence)
                if self.unit_tier[unit] == TITLE:
                    share += 0.001
                best = max(best, share)
        return round(best, 4)

    # -- why it matched, suggestions, closest titles -----------------------------------------

    def explain(self, pks, query):
        """{pk: Match or None}: why each of these profiles matched the query."""
        terms = self._query_terms(query)
        return {pk: self._match(self.position[pk], terms) for pk in pks}

    def _query_terms(self, query, prefix_last=False):
        terms = set()
        typed = query_words(query)
        for position, word in enumerate(typed):
            prefix = prefix_last and position == len(typed) - 1
            for ids, _ in self._word_groups(word, prefix=prefix):
                terms |= ids
        return terms

    def _match(self, profile, terms):
        title = self.profile_names[profile][0]
        segments = self._marked(self._text(title), terms)
        if any(marked for _, marked in segments):
            return Match(TITLE, segments)
        best = None
        for unit in self._units_of_profile(profile):
            tier = self.unit_tier[unit]
            hits = len(terms.intersection(self.unit_terms[unit]))
            if hits and (best is None or (hits, tier) > best[0]):
                best = ((hits, tier), unit)
        if best is None:
            return None
        unit = best[1]
        return Match(self.unit_tier[unit], _snippet(self._marked(self._text(unit), terms)))

    def _units_of_profile(self, profile):
        return self.profile_units[profile]

    def _marked(self, text, terms):
        segments, last = [], 0
        for found in WORD_RE.finditer(text):
            term = self.vocabulary.index_term(found.group().lower())
            if term is not None and self.term_ids.get(term) in terms:
                if found.start() > last:
                    segments.append((text[last : found.start()], False))
                segments.append((found.group(), True))
                last = found.end()
        if last < len(text):
            segments.append((text[last:], False))
        return segments

    def suggest(self, text, limit=8):
        """[(pk, label)] for what is typed so far (its last word a prefix): the title, or
        the alternative name that matched, with the profile's title after it."""
        suggestions, labels = [], set()
        terms = self._query_terms(text, prefix_last=True)
        for pk in self.ranked(text, names_only=True, prefix_last=True):
            profile = self.position[pk]
            best, label = 0, self.titles[profile]
            for unit in self.profile_names[profile]:
                hits = sum(1 for term in self.unit_terms[unit] if term in terms)
                if hits > best:
                    best, label = hits, self._text(unit)
            if label not in labels:
                labels.add(label)
                suggestions.append((pk, label))
            if len(suggestions) >= limit:
                break
        return suggestions

    def closest_titles(self, query, limit=3):
        """Titles for a query that found nothing: each word replaced by the title and
        alternative-name words most like it, searched again in the names."""
        groups = []
        for word in query_words(query):
            folded = fold(word)
            if len(folded) > MAX_WORD:
                continue
            ids = set()
            for form in self._similar_name_forms(folded):
                ids |= self.form_terms[form] & self.name_terms
            if ids:
                groups.append([(ids, 1.0)])
        if not groups:
            return []
        scores = [self._scores(g, NAMES) for g in groups]
        found = set().union(*scores)
        rows = sorted(
            (-sum(1 for s in scores if p in s), self.title_keys[p], self.pks[p]) for p in found
        )
        return [row[-1] for row in rows[:limit]]

    def _similar_name_forms(self, folded, keep=3):
        """The name words closest to `folded`: the forty sharing most trigrams with it,
        then by edit distance (at most a third of the word)."""
        shared = defaultdict(int)
        for trigram in _trigrams(folded):
            for position in self.name_trigrams.get(trigram, ()):
                shared[position] += 1
        nearest = sorted(shared, key=lambda position: -shared[position])[:40]
        most = max(2, len(folded) // 3)
        scored = []
        for position in nearest:
            form = self.name_forms[position]
            distance = _levenshtein(folded, form)
            if distance <= most:
                scored.append((distance, -shared[position], form))
        scored.sort()
        return [form for *_, form in scored[:keep]]


def _units_of(record):
    yield TITLE, record["title"]
    for name in record["alternative_names"]:
        yield ALTERNATIVE, name
    if record["description"]:
        yield TEXT, record["description"]
    for activity in record["activities"]:
        yield TEXT, activity
    for code, name in record["isco"]:
        yield ISCO, name
        yield ISCO, code
    for name in record["competences"]:
        yield COMPETENCE, name


class Rows:
    """Rows of numbers of different lengths (the profiles or terms of each unit) in two
    flat arrays: a list of 51,000 small arrays costs five times the memory."""

    def __init__(self, starts, values):
        self.starts, self.values = starts, values

    @classmethod
    def of(cls, rows):
        starts, values = array("I", [0]), array("I")
        for row in rows:
            values.extend(row)
            starts.append(len(values))
        return cls(starts, values)

    def state(self):
        return (self.starts, self.values)

    def __getitem__(self, row):
        return self.values[self.starts[row] : self.starts[row + 1]]


def _packed_texts(texts):
    """(the texts as one UTF-8 string of bytes, where each starts and the last ends)."""
    data, starts = bytearray(), array("I", [0])
    for text in texts:
        data += text.encode()
        starts.append(len(data))
    return bytes(data), starts


def _pair(first, second):
    """One key for two terms standing next to each other."""
    return (first << 20) | second


def _joined(texts):
    """(the texts joined by line breaks, where each starts): a word is looked for in all
    of them at once, and its position tells whose it is."""
    texts = list(texts)
    starts, at = array("I"), 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\n".join(texts), starts


def _trigrams(word):
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _snippet(segments, width=60):
    """The segments around the first marked word, cut to about four widths."""
    first = next((i for i, (_, marked) in enumerate(segments) if marked), None)
    if first is None:
        return segments
    text_before = sum(len(text) for text, _ in segments[:first])
    out = []
    if text_before > width:
        lead = "".join(text for text, _ in segments[:first])[-width:]
        out.append(("…" + lead[lead.find(" ") + 1 :] if " " in lead else "…" + lead, False))
    else:
        out.extend(segments[:first])
    length = 0
    for text, marked in segments[first:]:
        if length + len(text) > 3 * width and not marked:
            cut = text[: max(0, 3 * width - length)]
            out.append((cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…", False))
            break
        out.append((text, marked))
        length += len(text)
    return out


def _levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]
