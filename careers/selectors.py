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

from django.db.models import Case, FloatField, IntegerField, Q, Subquery, Sum, Value, When
from django.db.models.functions import Cast, Least
from django.urls import reverse
from django.utils.translation import gettext

from careers import features as f
from careers.models import RequirementTotals, SimilarOccupation
from competences.models import Category, OccupationCompetence, competence_url, competence_urls
from nsp import vocabulary as vocab
from occupations.models import Occupation, OccupationEducation
from wages.models import Region
from wages.selectors import median_subquery

PROFILE_SIMILAR = 6  # on the profile page
TOTALS_BY_KEY = 500  # up to this many profiles matched, their totals are fetched by key
SIMILAR_STORED = 20  # per profile: the /podobna/ page shows them all


@dataclass(frozen=True)
class Requirement:
    category: str
    code: str
    name: str
    level: int
    suitability: int | None = None
    have: int | None = None  # the level the person has, when missing for a lower one
    # Its page: given by _moves(), which resolves each competence once for all the moves
    # (a page of moves lists hundreds of requirements, many of them the same competence).
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

    def get_absolute_url(self):
        return self.url or competence_url(self.category, self.code)

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


def _moves(rows):
    """Moves from flat rows: (pk, score, nsp_id, title, slug, median, own median, *link),
    one row per requirement (the link None for a profile that requires nothing)."""
    moves = {}
    url_of = competence_urls()
    for pk, score, nsp_id, title, slug, median, own_median, *link in rows:
        move = moves.get(pk)
        if move is None:
            move = moves[pk] = Move(nsp_id, title, slug, score, [], median, own_median)
        level, suitability, category, code, name = link
        if category is not None:
            move.requirements.append(
                Requirement(category, code, name, level, suitability, url=url_of(category, code))
            )
    return moves


def similar_moves(occupation, have, *, limit=PROFILE_SIMILAR, region=None, sphere=vocab.BUSINESS):
    """The `limit` profiles most similar to `occupation`, best first, split by what
    `occupation` requires (`have`, from competences_of()): one query, the similar
    profiles joined with their requirements."""
    place = region_key(region)
    rows = (
        SimilarOccupation.objects.filter(occupation=occupation, rank__lte=limit)
        .annotate(
            median=median_subquery(place, sphere, "other_id"),
            own_median=median_subquery(place, sphere, occupation.pk),
        )
        .order_by("rank", "other__competence_links__position")
        .values_list(
            "other_id",
            "score",
            "other__nsp_id",
            "other__title",
            "other__slug",
            "median",
            "own_median",
            *(f"other__competence_links__{name}" for name in _LINK),
        )
    )
    return [move.cover(have) for move in _moves(rows).values()]


def all_similar_moves(occupation, place):
    """Every stored similar profile of `occupation` (fetched without its links), for the
    medians of `place` (careers.forms.Place)."""
    return similar_moves(
        occupation,
        competences_of_profile(occupation),
        limit=SIMILAR_STORED,
        region=place.region,
        sphere=place.sphere,
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


def _covered_amount(picks):
    """What a requirement of a picked competence is covered by: its amount at the level
    picked (all of it without a level), for summing in the database."""
    level = Cast("level", FloatField())
    with_level = [
        When(competence_id=pick.pk, then=Least(Value(float(pick.level)), level))
        for pick in picks
        if pick.level is not None
    ]
    covered = Case(*with_level, default=level, output_field=FloatField()) if with_level else level
    share = Case(
        When(suitability=vocab.SUITABLE_COMPETENCE, then=Value(f.SUITABLE_SHARE)),
        default=Value(1.0),
        output_field=FloatField(),
    )
    return covered * share


def education_match(given, code, tier):
    """How well the education `given` (an EducationCode) prepares for a profile that
    names the school field `code` with `tier`: fully for that field, or for any field of
    a group it names; half for another field of the same group."""
    named = f.education_code(code)
    if named is None or named.group is None or named.group != given.group:
        return 0.0
    whole = named.field is None or named.field == given.field
    return (f.FIELD_SHARE if whole else f.GROUP_SHARE) * f.TIER_SHARE[tier]


def rank_matches(picks, education=None):
    """Every profile that `picks` (and `education`, an EducationCode) cover in part,
    best first: a Ranked each. The share of a profile's requirements covered, weighted as
    the similarity weighs its blocks, over the blocks it states (and, without an
    education given, not over its education)."""
    keys = f.MATCH_BLOCK_KEYS if education is not None else f.COMPETENCE_BLOCK_KEYS
    assert keys[: len(f.COMPETENCE_BLOCK_KEYS)] == f.COMPETENCE_BLOCK_KEYS
    totals_fields = [f"occupation__requirement_totals__{key}" for key in keys]
    # pk -> (nsp_id, [total of each block of `keys`], [amount covered of each]): lists,
    # not dicts, for a general skill puts every profile in here.
    found = {}
    if picks:
        amount = _covered_amount(picks)
        categories = {}
        for category, key in f.COMPETENCE_BLOCKS.items():
            categories.setdefault(key, []).append(category)
        # Grouped by the profile alone, from the links' covering index; the profiles'
        # totals come in a second query (all of them, when most are covered: cheaper than
        # naming them). Joined and grouped by the totals too, the sums of a general skill,
        # which every profile states, took five times as long.
        links = OccupationCompetence.objects.filter(
            competence__in=[p.pk for p in picks], level__gt=0
        ).order_by()
        covered_by_pk = {
            pk: sums
            for pk, *sums in links.values("occupation")
            .annotate(
                **{
                    f"covered_{key}": Sum(amount, filter=Q(category__in=categories[key]))
                    for key in f.COMPETENCE_BLOCK_KEYS
                }
            )
            .values_list("occupation", *(f"covered_{key}" for key in f.COMPETENCE_BLOCK_KEYS))
        }
        totals = RequirementTotals.objects.all()
        if len(covered_by_pk) <= TOTALS_BY_KEY:
            totals = totals.filter(occupation__in=covered_by_pk)
        education_slot = [0.0] * (len(keys) - len(f.COMPETENCE_BLOCK_KEYS))
        for pk, nsp_id, *block_totals in totals.values_list(
            "occupation", "occupation__nsp_id", *keys
        ):
            sums = covered_by_pk.get(pk)
            if sums is not None:
                found[pk] = (nsp_id, block_totals, sums + education_slot)
    if education is not None:
        rows = OccupationEducation.objects.filter(
            field__code__startswith=education.group
        ).values_list("occupation", "occupation__nsp_id", "tier", "field__code", *totals_fields)
        for pk, nsp_id, tier, code, *block_totals in rows:
            if pk not in found:  # prepared for, though none of its competences is picked
                found[pk] = (nsp_id, block_totals, [0.0] * len(keys))
            covered = found[pk][2]
            covered[-1] = max(covered[-1], education_match(education, code, tier))
    weights = [f.BLOCK_BY_KEY[key].weight for key in keys]
    shares = [key != "education" for key in keys]  # an amount to divide by the total
    ranked = []  # (sort key, Ranked)
    for pk, (nsp_id, block_totals, covered) in found.items():
        weighted = stated = 0.0
        for weight, total, amount, divide in zip(
            weights, block_totals, covered, shares, strict=True
        ):
            if total:  # the profile states the block
                share = (amount or 0.0) / total if divide else amount
                weighted += weight * (share if share < 1.0 else 1.0)
                stated += weight
        if weighted > 0:
            share = None  # not asked, or the profile names no school field
            if education is not None and block_totals[-1]:
                share = covered[-1]
            score = weighted / stated
            order = (-round(score, 9), -round(weighted, 9), nsp_id)
            ranked.append((order, Ranked(pk, score, weighted, nsp_id, share)))
    ranked.sort(key=itemgetter(0))
    return [rank for _, rank in ranked]


def match_moves(ranked, have, *, region=None, sphere=vocab.BUSINESS):
    """The Moves of `ranked` (a page of rank_matches()), in order, split by `have`: one
    query, the profiles joined with their requirements."""
    if not ranked:
        return []
    rows = (
        Occupation.objects.filter(pk__in=[r.occupation for r in ranked])
        .annotate(
            median=median_subquery(region_key(region), sphere),
            score=Value(0.0, output_field=FloatField()),
            own_median=Value(None, output_field=IntegerField()),
        )
        .order_by("pk", "competence_links__position")
        .values_list(
            "pk",
            "score",
            "nsp_id",
            "title",
            "slug",
            "median",
            "own_median",
            *(f"competence_links__{name}" for name in _LINK),
        )
    )
    moves = _moves(rows)
    found = []
    for rank in ranked:
        move = moves[rank.occupation]
        move.score, move.education = rank.score, rank.education
        found.append(move.cover(have))
    return found
