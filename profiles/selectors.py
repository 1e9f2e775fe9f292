"""Read-side assembly of a whole profile: every section's rows in a fixed number of
queries, grouped the way people read them."""

from collections.abc import Sequence

from competences.selectors import competence_sections
from nsp import vocabulary as vocab
from occupations.models import Occupation
from occupations.selectors import work_conditions
from profiles.filters import TITLE, WAGE_ASC, WAGE_DESC
from profiles.sections import SECTIONS
from search import engine
from wages.selectors import (
    first_table_medians,
    median_subquery,
    occupation_national_rows,
    occupation_wage_tables,
)


def profiles_with_sections(occupations=None, keys=None):
    """Occupations with their sections prefetched (those of `keys`, or every one): what a
    profile page or a comparison shows, in one query per section whatever the number of
    profiles."""
    if occupations is None:
        occupations = Occupation.objects.all()
    sections = [section for section in SECTIONS if keys is None or section.key in keys]
    return occupations.select_related("field", "subfield", "parent").prefetch_related(
        *(prefetch for section in sections for prefetch in section.prefetch())
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


class OrderedResults(Sequence):
    """The occupations of a queryset whose pks `pks` lists, in that order, fetched a page
    at a time: a Paginator takes it like a queryset."""

    def __init__(self, queryset, pks):
        self.queryset = queryset
        self.pks = pks

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        pks = self.pks[index]
        rows = self.queryset.in_bulk(pks)
        return [rows[pk] for pk in pks]


def occupation_results(filterset):
    """What the list shows: the profiles the filters leave that the search finds and whose
    median reaches the wage asked, in the order asked, each with its `median` where the
    reader looks (the region and sphere of the form).

    The plain list is the database's, in the order of its index, medians looked up for the
    page alone. Otherwise the search, the wage and the order are applied here, over the
    keys of what the filters leave (see profiles.filters)."""
    region, sphere = filterset.region, filterset.sphere
    queryset = filterset.qs.annotate(median=median_subquery(region, sphere))
    query, minimum, sort = filterset.search_text, filterset.wage_minimum, filterset.sort
    if not query and minimum is None and sort == TITLE:
        return queryset.czech_order()
    titles = {  # pk -> its place in the Czech order
        pk: (title_key, nsp_id)
        for pk, title_key, nsp_id in queryset.order_by().values_list(
            "pk", "title_sort_key", "nsp_id"
        )
    }
    if query:
        version = getattr(filterset.request, "data_version", None)
        pks = [pk for pk in engine.ranked_pks(query, version=version) if pk in titles]
    else:
        pks = list(titles)
    if minimum is not None or sort in (WAGE_DESC, WAGE_ASC):
        medians = first_table_medians(region, sphere)
        if minimum is not None:
            pks = [pk for pk in pks if medians.get(pk) is not None and medians[pk] >= minimum]
    if sort == TITLE:
        pks.sort(key=titles.__getitem__)
    elif sort in (WAGE_DESC, WAGE_ASC):  # no median last either way, then by title
        sign = -1 if sort == WAGE_DESC else 1
        pks.sort(
            key=lambda pk: (medians.get(pk) is None, sign * (medians.get(pk) or 0), titles[pk])
        )
    return OrderedResults(queryset, pks)  # RELEVANCE: the search's order


def with_matches(occupations, query, version=None):
    """The occupations, each with `.match`: why the search found it (search.index.Match)."""
    occupations = list(occupations)
    matches = engine.explain([o.pk for o in occupations], query, version) if query else {}
    for occupation in occupations:
        occupation.match = matches.get(occupation.pk)
    return occupations
