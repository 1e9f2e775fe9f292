"""What two profiles are compared on, and how much each part counts: the one place for the
weights of the similarity and of "Co umím" (docs/SIMILARITY.md explains them).

A profile is a set of *blocks* of features, each feature with a positive amount:

- competences: the required level, a suitable (not essential) professional competence
  at half of it; a level of 0 requires nothing and is no feature;
- education: the school fields that prepare for the profile, as their field (e.g. 63-41,
  whether written as RVP 63-41-M/01 or as KKOV 6341M) and their group of fields (63);
- CZ-ISCO: every prefix of every group, worth its length (4222 shares 4, 42 and 422
  with 4223, and only 4 with 4111);
- the field (odborný směr) and the subfield (podsměr).

Pure Python: no Django, no database.
"""

import re
from dataclasses import dataclass

from nsp import vocabulary as vocab


@dataclass(frozen=True)
class Block:
    key: str
    weight: float
    # Whether "Co umím" asks for it: a job seeker states competences and an education
    # field, not a CZ-ISCO group or a field of the NSP.
    in_match: bool


# The weights add up to 1. Competences are what a move asks to learn, so they make almost
# three quarters; of them, the professional ones are what tells one trade from another
# (general, digital and soft competences are required by nearly every profile). The
# classifications say where a profile sits, which its competences mostly say already.
BLOCKS = (
    Block("professional", 0.55, True),
    Block("general", 0.05, True),
    Block("digital", 0.05, True),
    Block("soft", 0.07, True),
    Block("education", 0.10, True),
    Block("isco", 0.12, False),
    Block("field", 0.03, False),
    Block("subfield", 0.03, False),
)
BLOCK_BY_KEY = {block.key: block for block in BLOCKS}
MATCH_BLOCKS = tuple(block for block in BLOCKS if block.in_match)

# The block of each competence category.
COMPETENCE_BLOCKS = {
    "professional_skill": "professional",
    "professional_knowledge": "professional",
    "general_skill": "general",
    "digital": "digital",
    "soft": "soft",
}
assert set(COMPETENCE_BLOCKS) == set(vocab.COMPETENCE_CATEGORY_BY_KEY)
COMPETENCE_BLOCK_KEYS = tuple(dict.fromkeys(COMPETENCE_BLOCKS.values()))
MATCH_BLOCK_KEYS = tuple(block.key for block in MATCH_BLOCKS)

# A suitable professional competence counts half as much as an essential one.
SUITABLE_SHARE = 0.5
# Education: a field counts fully, its group of fields half; the fields that give a
# suitable (not the best) preparation count half again.
FIELD_SHARE, GROUP_SHARE = 1.0, 0.5
TIER_SHARE = {vocab.BEST: 1.0, vocab.SUITABLE: 0.5}


def competence_amount(level, suitability=None):
    """What a required competence weighs: its level, half of it when merely suitable."""
    if suitability == vocab.SUITABLE_COMPETENCE:
        return level * SUITABLE_SHARE
    return float(level)


def covered_amount(required, suitability, have=None):
    """How much of a requirement a person covers who has the competence at level `have`
    (None: at whatever level it asks for)."""
    level = required if have is None else min(have, required)
    return competence_amount(level, suitability)


# RVP: 63-41-M/01; KKOV: 6341M, 6208T, 63xxM (a group of fields); placeholders xx.
_EDUCATION_CODE = re.compile(r"^(\d\d|XX)-?(\d\d|XX)-?([A-Z])(?:/?[0-9X]{1,3})?$")


@dataclass(frozen=True)
class EducationCode:
    group: str | None  # "63"
    field: str | None  # "6341"

    @property
    def tokens(self):
        """(feature, share) of the code: its field and its group of fields."""
        found = []
        if self.field:
            found.append((f"field:{self.field}", FIELD_SHARE))
        if self.group:
            found.append((f"group:{self.group}", GROUP_SHARE))
        return found


def education_code(code):
    """The field and group of fields of an RVP or KKOV code, or None when the text is
    not one ('xx-xx-M/xx' is one, of no field)."""
    match = _EDUCATION_CODE.match(re.sub(r"\s+", "", str(code)).upper())
    if match is None:
        return None
    group, field = match.group(1), match.group(2)
    if not group.isdigit():
        return EducationCode(None, None)
    return EducationCode(group, group + field if field.isdigit() else None)


def education_features(code, tier):
    """{feature: amount} of a school field that prepares for a profile."""
    parsed = education_code(code)
    if parsed is None:
        return {}
    return {token: share * TIER_SHARE[tier] for token, share in parsed.tokens}


def isco_features(code):
    """{prefix: its length} of a CZ-ISCO code."""
    return {code[:length]: float(length) for length in range(1, len(code) + 1)}
