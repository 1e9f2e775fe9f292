"""Each page runs a fixed number of SQL queries, whatever the number of profiles and of
the fields, CZ-ISCO groups and competences they bring.

The numbers are exact, so a change that adds a query to a page shows here; when one is
meant to, change the number with the reason in the commit. Every public page starts with
the data version (the page cache's key) and ends with the cache miss stored."""

import pytest

from conftest import SEED_SPECIALIZATION
from occupations.models import (
    HealthRestriction,
    QualificationLevel,
    Subfield,
    WorkConditionFactor,
)
from profiles.importer import import_paths

pytestmark = pytest.mark.django_db


LIST_WITH_CHOICES = (
    "/povolani/?obor=obchod-a-marketing&podobor={subfield}&druh=specialization"
    "&kvalifikace={level}&bez_faktoru={noise}&bez_faktoru={heat}&bez_omezeni={sight}"
    "&kraj=praha&sfera=business&mzda_od=1&razeni=mzda-vzestupne"
)
MATCH = (
    "/co-umim/?kompetence=soft:2.1:3&kompetence=general_skill:b01&hledat=reklamace"
    "&vzdelani=6341M&kraj=praha"
)
# url: (status, queries)
PAGES = {
    "/": (200, 3),
    "/povolani/": (200, 9),
    # Searched, filtered by wage or sorted by it: the keys the filters leave, every
    # profile's median (profiles.selectors.occupation_results), the page.
    "/povolani/?q=zakaznick&kraj=praha&mzda_od=1&razeni=mzda-sestupne&zatez_max=3": (200, 11),
    LIST_WITH_CHOICES: (200, 15),
    # The profile's sections, then one query for its similar profiles with their
    # requirements and medians (careers.selectors.similar_moves).
    "/povolani/pracovnik-distancniho-zakaznickeho-servisu/": (200, 15),
    "/povolani/reditel-zakaznickych-sluzeb/": (200, 15),
    "/en/povolani/reditel-zakaznickych-sluzeb/": (200, 15),
    "/povolani/reditel-zakaznickych-sluzeb/?kraj=praha&sfera=public": (200, 15),
    # The profile, its competences, its similar profiles, their medians.
    "/povolani/reditel-zakaznickych-sluzeb/podobna/?kraj=praha": (200, 5),
    # Picks, the search, the requirements of every profile (their totals, their links:
    # read once per data version and process, careers.matching; here the first request
    # after a write), the education fields, the page's profiles, their medians.
    MATCH: (200, 8),
    "/co-umim/": (200, 1),
    "/povolani/103332/": (301, 2),
    "/kompetence/": (200, 3),
    "/kompetence/mekke/2.1/": (200, 4),
    "/kompetence/b02/": (302, 2),
    "/kompetence/4.4/": (200, 2),
    "/isco/4222/": (200, 7),
    "/api/v1/occupations/": (200, 3),
    "/api/v1/occupations/?obor=obchod-a-marketing&kraj=praha&razeni=mzda-sestupne": (200, 6),
    "/api/v1/occupations/103332/": (200, 14),
    "/api/v1/occupations/103332/similar/?kraj=praha": (200, 5),
    "/api/v1/match/?kompetence=soft:2.1&kompetence=professional_knowledge:h13._.0024:5": (200, 6),
    "/api/v1/schema.json": (200, 1),
}


def address(url):
    """The URL with the ids of the seeds' choices filled in."""
    if "{" not in url:
        return url
    return url.format(
        subfield=Subfield.objects.get(name="zákaznický servis").pk,
        level=QualificationLevel.objects.get(name="Střední vzdělání s maturitní zkouškou").pk,
        noise=WorkConditionFactor.objects.get(name="Zátěž hlukem").pk,
        heat=WorkConditionFactor.objects.get(name="Zátěž teplem").pk,
        sight=HealthRestriction.objects.get(name="Poruchy vidění").pk,
    )


def add_profiles(tmp_path, count):
    """Copies of the specialization seed, each in a field, subfield, CZ-ISCO group (with
    its own wage table) and professional competence of its own, so every list, choice
    and link on the pages grows."""
    source = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        text = (
            source.replace("102742", str(300000 + number))
            .replace(
                "\nPracovník distančního zákaznického servisu\n", f"\nOperátor linky {number}\n"
            )
            .replace("Obchod a marketing", f"Obor {number}")
            .replace("zákaznický servis", f"podobor {number}")
            .replace("4222", str(7000 + number))  # 4222 and 42220 become 700n and 700n0
            .replace("h13._.0024\tpostupy", f"h13._.9{number:03d}\tpostupy {number}")
        )
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import_paths(paths)


@pytest.mark.parametrize(("url", "expected"), PAGES.items(), ids=list(PAGES))
def test_each_page_runs_a_fixed_number_of_queries(
    client, seeds, tmp_path, django_assert_num_queries, url, expected
):
    status, queries = expected
    url = address(url)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == status

    add_profiles(tmp_path, 5)

    with django_assert_num_queries(queries):
        assert client.get(url).status_code == status


def test_the_new_profiles_bring_their_own_fields_groups_and_competences(seeds, tmp_path):
    from competences.models import Competence
    from occupations.models import Field, IscoGroup

    before = (Field.objects.count(), IscoGroup.objects.count(), Competence.objects.count())
    add_profiles(tmp_path, 5)
    after = (Field.objects.count(), IscoGroup.objects.count(), Competence.objects.count())
    assert [a - b for a, b in zip(after, before, strict=True)] == [5, 10, 5]


def test_a_profile_page_costs_the_same_whatever_its_size(client, seeds, django_assert_num_queries):
    with django_assert_num_queries(
        PAGES["/povolani/pracovnik-distancniho-zakaznickeho-servisu/"][1]
    ):
        client.get("/povolani/reditel-zakaznickych-sluzeb/")  # twice the competences
