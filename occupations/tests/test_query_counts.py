"""Each page runs a fixed number of SQL queries, whatever the size or number of profiles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import SEED_SPECIALIZATION
from occupations.importer import import_paths

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/povolani/",
    "/povolani/?q=zakaznick&kraj=praha&mzda_od=1&razeni=mzda-sestupne&zatez_max=3",
    "/povolani/pracovnik-distancniho-zakaznickeho-servisu/",
    "/povolani/reditel-zakaznickych-sluzeb/",
    "/kompetence/",
    "/kompetence/mekke/2.1/",
    "/isco/4222/",
    "/api/v1/occupations/",
    "/api/v1/occupations/103332/",
]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def add_profiles(tmp_path, count):
    text = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        path = tmp_path / f"{number}.txt"
        path.write_text(
            text.replace("102742", str(300000 + number)).replace(
                "Pracovník distančního zákaznického servisu\n", f"Operátor linky {number}\n", 1
            ),
            encoding="utf-8",
        )
        paths.append(path)
    import_paths(paths)


@pytest.mark.parametrize("url", PAGES)
def test_queries_do_not_grow_with_the_number_of_profiles(client, seeds, tmp_path, url):
    before = queries(client, url)
    add_profiles(tmp_path, 30)
    assert queries(client, url) == before
    assert before <= 15


def test_a_profile_page_costs_the_same_whatever_its_size(client, seeds, django_assert_num_queries):
    small = queries(client, "/povolani/pracovnik-distancniho-zakaznickeho-servisu/")
    with django_assert_num_queries(small):
        client.get("/povolani/reditel-zakaznickych-sluzeb/")  # twice the competences
