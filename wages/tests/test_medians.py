"""A profile's median where the reader looks is read two ways: per row in SQL
(median_subquery, for a page of profiles) and for every profile at once
(first_table_medians, for sorting and filtering the whole list). They must agree."""

import pytest

from occupations.models import Occupation
from wages.models import Region
from wages.selectors import first_table_medians, median_subquery

pytestmark = pytest.mark.django_db

DIRECTOR, SPECIALIST = 103332, 102742


def by_nsp_id(medians):
    nsp_ids = dict(Occupation.objects.values_list("pk", "nsp_id"))
    return {nsp_ids[pk]: median for pk, median in medians.items()}


def test_every_profiles_median_at_once_as_the_seeds_give_it(seeds):
    praha = Region.objects.get(slug="praha")
    assert by_nsp_id(first_table_medians(praha, "business")) == {
        DIRECTOR: 98245,
        SPECIALIST: 42292,
    }
    # The specialization's table has no figure in the public sphere ("-").
    assert by_nsp_id(first_table_medians(praha, "public")) == {DIRECTOR: 63784, SPECIALIST: None}


@pytest.mark.parametrize("sphere", ["business", "public"])
def test_both_ways_agree_in_every_region_and_nationally(seeds, sphere):
    for region in [None, *Region.objects.all()]:
        at_once = first_table_medians(region, sphere)
        per_row = dict(
            Occupation.objects.annotate(median=median_subquery(region, sphere)).values_list(
                "pk", "median"
            )
        )
        assert {pk: per_row[pk] for pk in at_once} == at_once, region
        # A profile left out has no table of that kind, so no median either way.
        assert all(per_row[pk] is None for pk in per_row.keys() - at_once.keys())
