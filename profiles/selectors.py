"""Read-side assembly of a whole profile: every section's rows in a fixed number of
queries, grouped the way people read them."""

from collections.abc import Sequence

from competences.selectors import competence_sections
from nsp import vocabulary as vocab
from occupations.models import Occupation
from occupations.selectors import work_conditions
from profiles.filters import RELEVANCE
from profiles.sections import SECTIONS
from search import engine
from wages.selectors import occupation_national_rows, occupation_wage_tables


def profiles_with_sections(occupations=None):
    """Occupations with every section prefetched: what a profile page or a comparison
    shows, in one query per section whatever the number of profiles."""
    if occupations is None:
        occupations = Occupation.objects.all()
    return occupations.select_related("field", "subfield", "parent").prefetch_related(
        *(prefetch for section in SECTIONS for prefetch in section.prefetch())
    )


def profile_sections(occupation):
    """Everything the profile page shows, from `profiles_with_sections()`."""
    education = list(occupation.education_links.all())
    return {
        "qualification_levels": [link.level for link in occupation.qualification_links.all()],
        "alternative_names": list(occupation.alternative_names.all()),
        "related": list(occupation.related.all()),
        "activities": list(occupation.activities.all()),
        "isco_links": list(occupation.isco_links.all()),
        "esco_links": list(occupation.esco_links.all()),
        "wage_tables": occupation_wage_tables(occupation),
        "national_rows": occupation_national_rows(occupation),
        "work_conditions": work_conditions(occupation),
        "work_condition_legend": vocab.WORK_CONDITION_LEGEND,
        "education_best": [link for link in education if link.tier == vocab.BEST],
        "education_suitable": [link for link in education if link.tier == vocab.SUITABLE],
        "competence_sections": competence_sections(occupation),
        "health_restrictions": [link.restriction for link in occupation.health_links.all()],
        "health_disclaimer": vocab.HEALTH_DISCLAIMER,
    }


class RankedResults(Sequence):
    """The occupations a queryset holds, in the search's order (`ranked`: pks, best
    first), fetched a page at a time: a Paginator takes it like a queryset."""

    def __init__(self, queryset, ranked):
        allowed = set(queryset.values_list("pk", flat=True))
        self.pks = [pk for pk in ranked if pk in allowed]
        self.queryset = queryset

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        pks = self.pks[index]
        rows = self.queryset.in_bulk(pks)
        return [rows[pk] for pk in pks]


def occupation_results(filterset):
    """What the list shows, in the order asked: the search's, or the queryset's."""
    queryset = filterset.qs
    if filterset.sort == RELEVANCE and filterset.ranked is not None:
        return RankedResults(queryset, filterset.ranked)
    return queryset


def with_matches(occupations, query, version=None):
    """The occupations, each with `.match`: why the search found it (search.index.Match)."""
    occupations = list(occupations)
    matches = engine.explain([o.pk for o in occupations], query, version) if query else {}
    for occupation in occupations:
        occupation.match = matches.get(occupation.pk)
    return occupations
