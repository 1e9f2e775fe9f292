"""Career moves as pages and the API show them: the profiles similar to one, and the
profiles a person's competences cover, each with what it requires that is covered and
what is missing, and its median wage where the reader looks.

A requirement is covered when the person (or the profile moved from) has the competence
at its level or higher, or without a level stated (in "Co umím" a competence picked
without a level covers it at any level). A level of 0 requires nothing and is neither
covered nor missing.
"""

from dataclasses import dataclass, field, replace
from operator import itemgetter

import numpy as np
from django.db.models import FloatField, Subquery, Value
from django.urls import reverse
from django.utils.translation import gettext

from careers import features as f
from careers.matching import requirements
from careers.models import SimilarOccupation
from competences.models import Category, OccupationCompetence, competence_urls
from nsp import vocabulary as vocab
from occupations.models import Occupation, OccupationEducation
from wages.models import Region
from wages.selectors import median_subquery

PROFILE_SIMILAR = 6  # on the profile page
SIMILAR_STORED = 20  # per profile: the /podobna/ page shows them all


@dataclass(frozen=True)
class Requirement:
    category: str
    code: str
    name: str
    level: int
    suitability: int | None = None
    have: int | None = None  # the level the person has, when missing for a lower one
    # Its page, made by _moves() once per competence for all the moves of a page (they
    # list hundreds of requirements, many of them the same competence).
    url: str = ""

    @property
    def key(self):
        """'<category>:<code>', as the API and the URLs of "Co umím" name a competence."""
        return f"{self.category}:{self.code}"

    @property
    def scale(self):
        return vocab.COMPETENCE_CATEGORY_BY_KEY[self.category]

    @property
    def essential(self):
        return self.suitability != vocab.SUITABLE_COMPETENCE

    # The level as the lists of shared and missing requirements say it. Spelled here, not
    # with {% blocktranslate %} in the loop: a page of moves lists hundreds of
    # requirements, and the tag costs twice as much as the rest of the item.
    @property
    def level_text(self):
        return gettext("úroveň %(level)s") % {"level": self.level}

    @property
    def need_text(self):
        if self.have is None:
            text = gettext("potřebná úroveň %(level)s") % {"level": self.level}
        else:
            text = gettext("potřebná úroveň %(level)s, nyní %(have)s") % {
                "level": self.level,
                "have": self.have,
            }
        return text if self.essential else f"{text}, {gettext('vhodná')}"


@dataclass
class Move:
    """A profile one could move to: how well it fits, what it asks that is covered and
    what is missing, and its median (and, for a similar profile, the one moved from)."""

    nsp_id: int
    title: str
    slug: str
    score: float  # 0 to 1
    requirements: list = field(default_factory=list)
    median: int | None = None
    own_median: int | None = None
    shared: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    education: float | None = None  # how well the education given prepares, 0 to 1

    def get_absolute_url(self):
        return reverse("occupations:detail", args=[self.slug])

    @property
    def percent(self):
        """The score as a whole percentage; 100 only when it is all there."""
        percent = round(self.score * 100)
        return 99 if percent == 100 and self.score < 1 else percent

    @property
    def shared_groups(self):
        return _by_category(self.shared)

    @property
    def missing_groups(self):
        return _by_category(self.missing)

    @property
    def wage_difference(self):
        if self.median is None or self.own_median is None:
            return None
        return self.median - self.own_median

    def cover(self, have):
        """Split the requirements into shared and missing for `have` ({key: level or
        None})."""
        self.shared, self.missing = [], []
        for requirement in self.requirements:
            if requirement.level == 0:
                continue
            if requirement.key in have and (
                have[requirement.key] is None or have[requirement.key] >= requirement.level
            ):
                self.shared.append(requirement)
            else:
                had = have.get(requirement.key)
                self.missing.append(requirement if had is None else replace(requirement, have=had))
        return self


def _by_category(requirements):
    """[(category label, requirements)] in the NSP's order of categories."""
    grouped = {}
    for requirement in requirements:
        grouped.setdefault(requirement.category, []).append(requirement)
    labels = dict(Category.choices)
    return [(labels[key], grouped[key]) for key in labels if key in grouped]


_LINK = ("level", "suitability", "competence__category", "competence__code", "competence__name")


def region_key(region):
    """The wage figures' region for a vocab.Region (None: the national median), as the
    database knows it, without a query of its own."""
    if region is None:
        return None
    return Subquery(Region.objects.filter(slug=region.slug).values("pk")[:1])


def _moves(rows, medians=None):
    """Moves from flat rows, one per requirement (the link None for a profile that
    requires nothing): (pk, score, nsp_id, title, slug, median, own median, *link), or
    without the two medians when `medians` gives them ({pk: (median, own median)})."""
    moves = {}
    url_of = competence_urls()
    for pk, score, nsp_id, title, slug, *rest in rows:
        if medians is None:
            median, own_median, *link = rest
        else:
            (median, own_median), link = medians.get(pk, (None, None)), rest
        move = moves.get(pk)
        if move is None:
            move = moves[pk] = Move(nsp_id, title, slug, score, [], median, own_median)
        level, suitability, category, code, name = link
        if category is not None:
            move.requirements.append(
                Requirement(category, code, name, level, suitability, url=url_of(category, code))
            )
    return moves


def similar_moves(
    occupation,
    have,
    *,
    limit=PROFILE_SIMILAR,
    region=None,
    sphere=vocab.BUSINESS,
    medians_apart=False,
):
    """The `limit` profiles most similar to `occupation`, best first, split by what
    `occupation` requires (`have`, from competences_of()): the similar profiles joined
    with their requirements, and their medians and the profile's own.

    In that one query the database looks the medians up once per requirement (600 times
    for 20 moves, 8 ms on PostgreSQL); `medians_apart` reads them in a second query. The
    profile page, with 6 moves and 15 queries to keep, reads them together."""
    place = region_key(region)
    similar = SimilarOccupation.objects.filter(occupation=occupation, rank__lte=limit)
    medians = {
        "median": median_subquery(place, sphere, "other_id"),
        "own_median": median_subquery(place, sphere, occupation.pk),
    }
    links = (f"other__competence_links__{name}" for name in _LINK)
    if medians_apart:
        rows = similar.order_by("rank", "other__competence_links__position").values_list(
            "other_id", "score", "other__nsp_id", "other__title", "other__slug", *links
        )
        found = similar.annotate(**medians).values_list("other_id", "median", "own_median")
        moves = _moves(rows, {pk: (median, own) for pk, median, own in found})
    else:
        rows = (
            similar.annotate(**medians)
            .order_by("rank", "other__competence_links__position")
            .values_list(
                "other_id", "score", "other__nsp_id", "other__title", "other__slug",
                "median", "own_median", *links,
            )
        )  # fmt: skip
        moves = _moves(rows)
    return [move.cover(have) for move in moves.values()]


def all_similar_moves(occupation, place):
    """Every stored similar profile of `occupation` (fetched without its links), for the
    medians of `place` (careers.forms.Place)."""
    return similar_moves(
        occupation,
        competences_of_profile(occupation),
        limit=SIMILAR_STORED,
        region=place.region,
        sphere=place.sphere,
        medians_apart=True,
    )


def competences_of(occupation):
    """{key: level} of what a profile requires, from its prefetched competence links
    when it has them."""
    return {
        f"{link.competence.category}:{link.competence.code}": link.level
        for link in occupation.competence_links.all()
    }


def competences_of_profile(occupation):
    """competences_of() in one query, for a profile fetched without its links."""
    links = OccupationCompetence.objects.filter(occupation=occupation).values_list(
        "competence__category", "competence__code", "level"
    )
    return {f"{category}:{code}": level for category, code, level in links}


# --- "Co umím" ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pick:
    """A competence a person has, at `level` or at any level (None)."""

    category: str
    code: str
    name: str
    pk: int
    level: int | None = None

    @property
    def key(self):
        return f"{self.category}:{self.code}"

    @property
    def value(self):
        """What the URL carries: '<category>:<code>[:<level>]'."""
        return self.key if self.level is None else f"{self.key}:{self.level}"

    @property
    def scale(self):
        return vocab.COMPETENCE_CATEGORY_BY_KEY[self.category]

    @property
    def level_choices(self):
        """(level, label) of each level of its scale, for the page's choice of level."""
        high = self.scale.scale_max
        return [
            (level, gettext("úroveň %(level)s z %(high)s") % {"level": level, "high": high})
            for level in self.scale.scale
        ]


@dataclass
class Ranked:
    occupation: int  # pk
    score: float
    covered: float  # weighted amount covered: the tie-break, more first
    nsp_id: int
    education: float | None = None


def education_match(given, code, tier):
    """How well the education `given` (an EducationCode) prepares for a profile that
    names the school field `code` with `tier`: fully for that field, or for any field of
    a group it names; half for another field of the same group."""
    named = f.education_code(code)
    if named is None or named.group is None or named.group != given.group:
        return 0.0
    whole = named.field is None or named.field == given.field
    return (f.FIELD_SHARE if whole else f.GROUP_SHARE) * f.TIER_SHARE[tier]


def rank_matches(picks, education=None, version=None):
    """Every profile that `picks` (and `education`, an EducationCode) cover in part,
    best first: a Ranked each. The share of a profile's requirements covered, weighted as
    the similarity weighs its blocks, over the blocks it states (and, without an
    education given, not over its education). `version`: the data version the request
    read (careers.matching holds the requirements of each)."""
    held = requirements(version)
    keys = f.MATCH_BLOCK_KEYS if education is not None else f.COMPETENCE_BLOCK_KEYS
    totals = held.totals[:, : len(keys)]
    covered = np.zeros(totals.shape)
    if picks:
        covered[:, : len(f.COMPETENCE_BLOCK_KEYS)] = held.covered(picks)
    if education is not None:
        for pk, tier, code in OccupationEducation.objects.filter(
            field__code__startswith=education.group
        ).values_list("occupation", "tier", "field__code"):
            row = held.row_of(pk)
            if row is not None:  # a profile without totals is not ranked
                covered[row, -1] = max(covered[row, -1], education_match(education, code, tier))
    stated = totals > 0
    shares = covered.copy()
    competences = slice(0, len(f.COMPETENCE_BLOCK_KEYS))  # amounts, shares of the totals
    np.divide(covered[:, competences], totals[:, competences], out=shares[:, competences],
              where=stated[:, competences])  # fmt: skip
    weights = np.array([f.BLOCK_BY_KEY[key].weight for key in keys])
    # Both sums alike, element by element: all of a profile covered scores exactly 1.
    stated_weight = (stated * weights).sum(axis=1)
    weighted = (np.minimum(shares, 1.0) * stated * weights).sum(axis=1)
    ranked = []
    for row in np.flatnonzero(weighted > 0).tolist():
        score = float(weighted[row] / stated_weight[row])
        share = None  # not asked, or the profile names no school field
        if education is not None and stated[row, -1]:
            share = float(covered[row, -1])
        nsp_id = int(held.nsp_ids[row])
        ranked.append(
            (
                (-round(score, 9), -round(float(weighted[row]), 9), nsp_id),
                Ranked(int(held.pks[row]), score, float(weighted[row]), nsp_id, share),
            )
        )
    ranked.sort(key=itemgetter(0))
    return [rank for _, rank in ranked]


def match_moves(ranked, have, *, region=None, sphere=vocab.BUSINESS):
    """The Moves of `ranked` (a page of rank_matches()), in order, split by `have`: two
    queries, the profiles joined with their requirements, and their medians."""
    if not ranked:
        return []
    profiles = Occupation.objects.filter(pk__in=[r.occupation for r in ranked])
    medians = profiles.annotate(median=median_subquery(region_key(region), sphere))
    medians = {pk: (median, None) for pk, median in medians.values_list("pk", "median")}
    rows = (
        profiles.annotate(score=Value(0.0, output_field=FloatField()))
        .order_by("pk", "competence_links__position")
        .values_list(
            "pk",
            "score",
            "nsp_id",
            "title",
            "slug",
            *(f"competence_links__{name}" for name in _LINK),
        )
    )
    moves = _moves(rows, medians)
    found = []
    for rank in ranked:
        move = moves[rank.occupation]
        move.score, move.education = rank.score, rank.education
        found.append(move.cover(have))
    return found
